package nl.pakketten.sale;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import nl.pakketten.internal.style.CommandStyle;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * Command: register a payment of an issued invoice. Idempotent on the payment reference. When the
 * payment makes the invoice fully paid, its credits are granted, once.
 */
@Value.Immutable
@CommandStyle
public abstract class RegisterInvoicePayment implements InvoiceCommand {
  RegisterInvoicePayment() {}

  /** {@return the host's payment reference, unique in the practice} */
  @NotNull
  public abstract PaymentReference reference();

  /** {@return what was paid, more than zero, in the invoice's currency} */
  @NotNull
  public abstract Money amount();

  /** {@return the day it was paid} */
  @NotNull
  public abstract LocalDate paidOn();

  /** {@return how it was paid} */
  @NotNull
  public abstract PaymentMethod method();

  /**
   * A new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link RegisterInvoicePayment}. */
  public static final class Builder extends ImmutableRegisterInvoicePayment.Builder {
    Builder() {}
  }
}
