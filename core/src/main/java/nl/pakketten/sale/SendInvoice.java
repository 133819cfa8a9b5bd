package nl.pakketten.sale;

import jakarta.validation.constraints.NotNull;
import nl.pakketten.common.Actor;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.style.CommandStyle;
import org.immutables.value.Value;

/** Command: mail an issued invoice (or, for a cancelled one, its credit note) to the patient, the PDF attached, and mark it sent. */
@Value.Immutable
@CommandStyle
public abstract class SendInvoice {
  SendInvoice() {}

  /** The practice. */
  @NotNull
  public abstract PracticeId practice();

  /** Who does it. */
  @NotNull
  public abstract Actor actor();

  /** The invoice. */
  @NotNull
  public abstract InvoiceId invoiceId();

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
