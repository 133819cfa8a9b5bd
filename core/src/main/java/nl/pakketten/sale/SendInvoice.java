package nl.pakketten.sale;

import nl.pakketten.internal.style.CommandStyle;
import org.immutables.value.Value;

/**
 * Command: queue the mail of an issued invoice (or, for a cancelled one, its credit note) to the
 * patient, the PDF attached, in the outbox, and mark it sent; the outbox dispatcher delivers it.
 */
@Value.Immutable
@CommandStyle
public abstract class SendInvoice implements InvoiceCommand {
  SendInvoice() {}

  /**
   * A new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link SendInvoice}. */
  public static final class Builder extends ImmutableSendInvoice.Builder {
    Builder() {}
  }
}
