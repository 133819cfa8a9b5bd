package nl.pakketten.sale;

import java.time.LocalDate;
import java.util.Optional;
import nl.pakketten.internal.style.CommandStyle;
import org.immutables.value.Value;

/**
 * Command: cancel an issued, unpaid invoice by a credit note with its own number. Cancelling a
 * cancelled invoice again answers as a replay.
 */
@Value.Immutable
@CommandStyle
public abstract class CancelInvoice implements InvoiceCommand {
  CancelInvoice() {}

  /** {@return the credit note's date; today by the SDK's clock when absent} */
  public abstract Optional<LocalDate> date();

  /**
   * A new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link CancelInvoice}. */
  public static final class Builder extends ImmutableCancelInvoice.Builder {
    Builder() {}
  }
}
