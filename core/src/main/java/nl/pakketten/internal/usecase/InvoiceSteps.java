package nl.pakketten.internal.usecase;

import java.time.LocalDate;
import nl.pakketten.common.ConflictException;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.NotFoundException;
import nl.pakketten.common.PracticeId;
import nl.pakketten.invoicing.InvoiceNumbers;
import nl.pakketten.invoicing.PracticeProfile;
import nl.pakketten.sale.InvoiceState;
import nl.pakketten.sale.ProductInvoice;
import nl.pakketten.spi.Invoices;
import nl.pakketten.spi.PracticeProfiles;

/** What the invoice handlers share: finding what they work on, and numbering. */
final class InvoiceSteps {
  private InvoiceSteps() {}

  /** The invoice, locked; a {@link NotFoundException} when it does not exist in the practice. */
  static ProductInvoice lock(Invoices invoices, PracticeId practice, InvoiceId id) {
    return invoices.lock(practice, id).orElseThrow(() -> new NotFoundException("invoice", id, practice));
  }

  /** The practice's profile; a {@link NotFoundException} when the owner has not saved one. */
  static PracticeProfile profile(PracticeProfiles profiles, PracticeId practice) {
    return profiles.find(practice).orElseThrow(() -> new NotFoundException("practice profile", practice, practice));
  }

  /** The next number of the practice's series, in the profile's format, for a document dated {@code date}. */
  static String nextNumber(Invoices invoices, PracticeProfile profile, LocalDate date) {
    return InvoiceNumbers.format(profile.numberFormat(), date.getYear(), invoices.nextNumber(profile.practice()));
  }

  /** A {@link ConflictException} naming the invoice, its state and what it cannot do in that state. */
  static ConflictException inState(ProductInvoice invoice, String refused) {
    InvoiceState state = invoice.state();
    return new ConflictException(invoice.id().value(), "the invoice is " + state.name().toLowerCase().replace('_', ' ')
        + " (state " + state + "): " + refused);
  }
}
