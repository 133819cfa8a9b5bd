package nl.pakketten.wallet;

import nl.pakketten.catalog.ProductCode;
import nl.pakketten.common.ImportId;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.granting.InvoiceLine;

/** Where a lot's credits came from: a paid invoice line or an import. */
public sealed interface LotSource {
  /** {@return a text key, unique per practice, used in the history and the journal} */
  String key();

  /**
   * Credits bought on line {@code lineNumber} (1-based) of a paid product invoice.
   *
   * @param invoiceId the host's invoice
   * @param lineNumber the line on it, from 1
   * @param productCode the product sold on that line
   */
  record InvoiceLine(InvoiceId invoiceId, int lineNumber, ProductCode productCode) implements LotSource {
    /**
     * The source of a lot granted by an invoice line.
     *
     * @param invoiceId the host's invoice
     * @param lineNumber the line on it, from 1
     * @param productCode the product sold on that line
     * @throws InvalidInputException when {@code lineNumber} is below 1
     */
    public InvoiceLine {
      if (lineNumber < 1) {
        throw InvalidInputException.of("lineNumber", lineNumber, "must be at least 1");
      }
    }

    @Override
    public String key() {
      return "invoice:" + invoiceId + "#" + lineNumber;
    }
  }

  /**
   * Credits imported by hand, with the reason the importer gave.
   *
   * @param importId the host's key of the import
   * @param reason the importer's reason
   */
  record Import(ImportId importId, String reason) implements LotSource {
    @Override
    public String key() {
      return "import:" + importId;
    }
  }
}
