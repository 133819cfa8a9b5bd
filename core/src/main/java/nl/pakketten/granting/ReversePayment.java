package nl.pakketten.granting;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.pakketten.common.Command;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.PatientId;
import nl.pakketten.internal.style.CommandStyle;
import org.immutables.value.Value;

/**
 * Command: reverse a registered payment (a bounced direct debit, a charge-back). The unspent
 * credits of the lots that payment granted are revoked; what their spent credits used is decided
 * by the {@link ReversalPolicy}: booked as a receivable from the patient (the default), or the
 * reversal is refused. The payment is named by the invoice id it was registered under, the same
 * for a host's invoice ({@link RegisterPayment#invoiceId()}) and for one the SDK issued.
 */
@Value.Immutable
@CommandStyle
public abstract class ReversePayment implements Command {
  ReversePayment() {}

  /** {@return the host's key of this reversal: the idempotency key of the call} */
  @NotNull
  public abstract ReversalId reversalId();

  /** {@return the patient the payment granted credits to} */
  @NotNull
  public abstract PatientId patient();

  /** {@return the invoice whose payment is reversed, as its payment was registered} */
  @NotNull
  public abstract InvoiceId invoiceId();

  /** {@return why the payment is reversed, at most 500 characters; recorded in the history} */
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

  /** Builder for {@link ReversePayment}. */
  public static final class Builder extends ImmutableReversePayment.Builder {
    Builder() {}
  }
}
