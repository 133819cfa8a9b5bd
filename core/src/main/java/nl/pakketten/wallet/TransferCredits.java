package nl.pakketten.wallet;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import nl.pakketten.common.Command;
import nl.pakketten.common.LotId;
import nl.pakketten.common.PatientId;
import nl.pakketten.internal.style.CommandStyle;
import org.immutables.value.Value;

/**
 * Command: move credits of one lot to another patient of the same practice (household sharing).
 * The receiver gets them as a new lot with the origin's rate, value per credit, last day and
 * accounts, linked to the origin ({@link Lot#transferredFrom()}); the deferred value moves with
 * them to the cent.
 */
@Value.Immutable
@CommandStyle
public abstract class TransferCredits implements Command {
  TransferCredits() {}

  /** {@return the host's key of this transfer: the idempotency key of the call} */
  @NotNull
  public abstract TransferId transferId();

  /** {@return the patient who gives the credits} */
  @NotNull
  public abstract PatientId from();

  /** {@return the giver's lot the credits come from} */
  @NotNull
  public abstract LotId lot();

  /** {@return how many credits move, from 1 to what the lot has remaining} */
  @Min(1)
  @Max(1_000_000)
  public abstract int credits();

  /** {@return the patient who receives them; another patient of the same practice} */
  @NotNull
  public abstract PatientId to();

  /**
   * {@return a new, empty builder; a missing or bad field is reported, with all others, as an
   * {@link nl.pakketten.common.InvalidInputException} when the command runs}
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link TransferCredits}. */
  public static final class Builder extends ImmutableTransferCredits.Builder {
    Builder() {}
  }
}
