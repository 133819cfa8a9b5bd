package nl.pakketten.wallet;

import java.util.List;
import java.util.Objects;
import nl.pakketten.common.Answer;
import nl.pakketten.common.InvoiceId;
import org.joda.money.Money;

/** The answer to a refund of credits. */
public sealed interface RefundResult extends Answer {
  /** {@return the refund, as first stored} */
  Refund refund();

  /**
   * The credit notes the refund issued: one per invoice the SDK made whose lots it took credits
   * from, in the order they were issued; empty when every lot came from a host's invoice or an
   * import. A replay answers with the same credit notes. The notes themselves are read with {@code
   * Pakketten.creditNotes} and mailed with {@code SendInvoice.creditNote}.
   *
   * @return the credit notes
   */
  List<CreditNote> creditNotes();

  /**
   * A credit note the refund issued ({@code nl.pakketten.sale.RefundCreditNote}).
   *
   * @param invoiceId the invoice the SDK made that it credits
   * @param number its number in the practice's series
   * @param totalExcludingVat what it credits excluding VAT: the part of the refund's amount paid back
   *     for that invoice's lots
   */
  record CreditNote(InvoiceId invoiceId, String number, Money totalExcludingVat) {
    /**
     * Checks that nothing is missing.
     *
     * @param invoiceId the invoice it credits
     * @param number its number
     * @param totalExcludingVat what it credits excluding VAT
     */
    public CreditNote {
      Objects.requireNonNull(invoiceId, "invoiceId");
      Objects.requireNonNull(number, "number");
      Objects.requireNonNull(totalExcludingVat, "totalExcludingVat");
    }
  }

  /**
   * Whether this call was a replay.
   *
   * @return true for {@link AlreadyRefunded}: a replay, answered with what the first call refunded
   */
  default boolean replay() {
    return this instanceof AlreadyRefunded;
  }

  /**
   * The refund was new: the credits were refunded now.
   *
   * @param refund the refund stored
   * @param creditNotes the credit notes it issued
   */
  record Refunded(Refund refund, List<CreditNote> creditNotes) implements RefundResult {
    /**
     * Copies the list.
     *
     * @param refund the refund stored
     * @param creditNotes the credit notes it issued
     */
    public Refunded {
      creditNotes = List.copyOf(creditNotes);
    }

    /**
     * A refund that issued no credit note.
     *
     * @param refund the refund stored
     */
    public Refunded(Refund refund) {
      this(refund, List.of());
    }
  }

  /**
   * The refund was done before with the same content: nothing changed now.
   *
   * @param refund the refund the first call stored
   * @param creditNotes the credit notes the first call issued
   */
  record AlreadyRefunded(Refund refund, List<CreditNote> creditNotes) implements RefundResult {
    /**
     * Copies the list.
     *
     * @param refund the refund the first call stored
     * @param creditNotes the credit notes the first call issued
     */
    public AlreadyRefunded {
      creditNotes = List.copyOf(creditNotes);
    }

    /**
     * A replay of a refund that issued no credit note.
     *
     * @param refund the refund the first call stored
     */
    public AlreadyRefunded(Refund refund) {
      this(refund, List.of());
    }
  }
}
