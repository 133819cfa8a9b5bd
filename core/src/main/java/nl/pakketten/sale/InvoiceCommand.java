package nl.pakketten.sale;

import jakarta.validation.constraints.NotNull;
import nl.pakketten.common.Actor;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.PracticeId;

/** What every command on one product invoice names: the practice, who acts, and the invoice. */
public interface InvoiceCommand {
  /**
   * The practice.
   *
   * @return the practice
   */
  @NotNull
  PracticeId practice();

  /**
   * Who does it; the access policy decides whether they may.
   *
   * @return the actor
   */
  @NotNull
  Actor actor();

  /**
   * The invoice, the host's id for it.
   *
   * @return the invoice id
   */
  @NotNull
  InvoiceId invoiceId();
}
