package nl.pakketten.sale;

import jakarta.validation.constraints.NotNull;
import nl.pakketten.common.Command;
import nl.pakketten.common.InvoiceId;

/** What every command on one product invoice names: the practice, who acts, and the invoice. */
public interface InvoiceCommand extends Command {
  /**
   * The invoice, the host's id for it.
   *
   * @return the invoice id
   */
  @NotNull
  InvoiceId invoiceId();
}
