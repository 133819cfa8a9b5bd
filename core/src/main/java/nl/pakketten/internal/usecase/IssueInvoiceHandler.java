package nl.pakketten.internal.usecase;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import nl.pakketten.access.Action;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.NotFoundException;
import nl.pakketten.invoicing.InvoiceDocument;
import nl.pakketten.invoicing.InvoiceNumbers;
import nl.pakketten.invoicing.PatientDetails;
import nl.pakketten.invoicing.PracticeProfile;
import nl.pakketten.sale.InvoiceAnswer;
import nl.pakketten.sale.InvoiceEvents;
import nl.pakketten.sale.IssueInvoice;
import nl.pakketten.sale.ProductInvoice;
import nl.pakketten.spi.Invoices;
import nl.pakketten.spi.PatientDirectory;
import nl.pakketten.spi.PracticeProfiles;

/**
 * Use case: issue a draft. The number is taken from the practice's series in the same transaction
 * that stores the issued invoice, so a failed issue gives its number back and the series has no gap.
 * The series' counter is one row per practice, locked from the moment the number is taken until the
 * commit, so every read, check and value the issue needs is done first, and the number is taken by
 * the call that stores the issue ({@link Invoices#issue}), the last step before the commit.
 *
 * @param invoices where invoices and the number series are kept
 * @param profiles the practice's profile (printed, and its number format and payment term)
 * @param directory the host's patient details (printed)
 * @param writes the path the command takes
 * @param clock today, when no issue date is given
 */
public record IssueInvoiceHandler(Invoices invoices, PracticeProfiles profiles, PatientDirectory directory,
    WritePath writes, Clock clock) {
  /** Issues the draft; an issued invoice answers as a replay with its number. */
  public InvoiceAnswer handle(IssueInvoice command) {
    return writes.check(command)
        .rules(check -> {
          if (command.issueDate() != null) {
            command.issueDate().ifPresent(d -> check.requireSupported("issueDate", d));
          }
        })
        .access(command.actor(), Action.MANAGE_INVOICES)
        .run("issueInvoice", command.practice(), command.invoiceId(), a -> new InvoiceAnswer(a.invoice(), false),
            events -> {
              ProductInvoice draft = InvoiceSteps.lock(invoices, command.practice(), command.invoiceId());
              if (draft.issue().isPresent()) {
                return new InvoiceAnswer(draft, true);
              }
              if (draft.lines().isEmpty()) {
                throw InvalidInputException.of("lines", 0, "an empty draft cannot be issued: invoice '"
                    + draft.id() + "' has no lines");
              }
              PracticeProfile profile = InvoiceSteps.profile(profiles, command.practice());
              PatientDetails patient = directory.find(command.practice(), draft.patient())
                  .orElseThrow(() -> new NotFoundException("patient", draft.patient(), command.practice()));
              LocalDate date = command.issueDate().orElseGet(() -> LocalDate.now(clock));
              InvoiceNumbers.Numbering numbering = InvoiceNumbers.numbering(profile.numberFormat(), date.getYear());
              Locale language = patient.language().orElse(profile.defaultLanguage());
              ProductInvoice.Issue unnumbered = new ProductInvoice.Issue("", date,
                  date.plusDays(profile.paymentTermDays()), language,
                  new InvoiceDocument.Supplier(profile.name(), profile.address(), profile.kvkNumber(),
                      profile.vatNumber(), profile.iban().orElse(""), profile.senderAddress()),
                  new InvoiceDocument.Customer(patient.name(), patient.address(), patient.email().orElse("")),
                  clock.instant(), command.actor().userId());
              // Last: from here to the commit every other issue in the practice waits for the series.
              ProductInvoice issued = invoices.issue(draft, unnumbered, numbering);
              ProductInvoice.Issue issue = issued.issue().orElseThrow();
              events.add(new InvoiceEvents.InvoiceIssued(command.practice(), issue.at(), issue.by(), issued.id(),
                  issue.number(), issued.total()));
              return new InvoiceAnswer(issued, false);
            });
  }
}
