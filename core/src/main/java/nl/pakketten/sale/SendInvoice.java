package nl.pakketten.sale;

import java.util.Optional;
import nl.pakketten.internal.style.CommandStyle;
import org.immutables.value.Value;

/**
 * Command: queue the mail of an issued invoice (or, for a cancelled one, its credit note; or, when
 * {@link #creditNote()} names one, a credit note a refund issued for it) to the patient, the PDF
 * attached, in the outbox, and mark the invoice sent; the outbox dispatcher delivers it.
 */
@Value.Immutable
@CommandStyle
public abstract class SendInvoice implements InvoiceCommand {
  SendInvoice() {}

  /**
   * The number of a credit note a refund of credits issued for the invoice ({@link
   * RefundCreditNote}): that credit note is mailed, with the credit-note template, instead of the
   * invoice; the invoice is not marked sent by it. Absent: the invoice (or its cancellation's
   * credit note).
   *
   * @return the credit note's number, if one is to be sent
   */
  public abstract Optional<String> creditNote();

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
