package nl.pakketten.wallet;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.Command;
import nl.pakketten.common.LotId;
import nl.pakketten.common.PatientId;
import nl.pakketten.internal.style.CommandStyle;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * Command: refund unused credits of a patient's package, from one lot or from the wallet in spending
 * order. The credits leave the balance; their remaining deferred value moves to refunds payable,
 * and any part of it not refunded (an owner may refund less) to breakage. Owner-only under the
 * default access policy. Idempotent on the refund id.
 */
@Value.Immutable
@CommandStyle
public abstract class RefundCredits implements Command {
  RefundCredits() {}

  /** {@return the host's key of this refund: the idempotency key of the call} */
  @NotNull
  public abstract RefundId refundId();

  /** {@return the patient whose credits are refunded} */
  @NotNull
  public abstract PatientId patient();

  /** {@return the package whose credits are refunded} */
  @NotNull
  public abstract PackageId packageId();

  /**
   * {@return the lot to refund from; empty to take the credits from the wallet's spendable lots in
   * the SDK's spending order}
   */
  public abstract Optional<LotId> lot();

  /** {@return how many credits to refund, from 1 to 1,000,000; no more than remain} */
  @Min(1)
  @Max(1_000_000)
  public abstract int credits();

  /**
   * The amount paid back to the patient.
   *
   * @return the amount, from zero to the credits' remaining deferred value, in the package's
   *     currency; empty for exactly that value
   */
  public abstract Optional<Money> amount();

  /** {@return why the credits are refunded, at most 500 characters; recorded in the history} */
  @NotBlank
  @Size(max = 500)
  public abstract String reason();

  /**
   * {@return a new, empty builder; a missing or bad field is reported, with all others, as an
   * {@link nl.pakketten.common.InvalidInputException} when the command runs}
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link RefundCredits}. */
  public static final class Builder extends ImmutableRefundCredits.Builder {
    Builder() {}
  }
}
