package nl.pakketten.testing;

import static nl.pakketten.testing.Fixtures.OWNER;
import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.RECEPTIONIST;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.pakketten.Pakketten;
import nl.pakketten.access.AccessDeniedException;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.SaveProduct;
import nl.pakketten.common.ConflictException;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.NotFoundException;
import nl.pakketten.common.PageRequest;
import nl.pakketten.common.PatientId;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.invoicing.DocumentKind;
import nl.pakketten.invoicing.InvoiceDocument;
import nl.pakketten.invoicing.MailTemplate;
import nl.pakketten.invoicing.PracticeProfile;
import nl.pakketten.invoicing.SaveMailTemplate;
import nl.pakketten.invoicing.VatRate;
import nl.pakketten.outbox.DispatchResult;
import nl.pakketten.outbox.MessageKind;
import nl.pakketten.outbox.OutboxMessage;
import nl.pakketten.outbox.OutboxSettings;
import nl.pakketten.outbox.OutboxState;
import nl.pakketten.outbox.ResendMessage;
import nl.pakketten.sale.CancelInvoice;
import nl.pakketten.sale.CreateInvoice;
import nl.pakketten.sale.DraftLine;
import nl.pakketten.sale.InvoiceAnswer;
import nl.pakketten.sale.InvoiceEvents;
import nl.pakketten.sale.InvoicePaymentResult;
import nl.pakketten.sale.InvoiceState;
import nl.pakketten.sale.IssueInvoice;
import nl.pakketten.sale.PaymentMethod;
import nl.pakketten.sale.PaymentReference;
import nl.pakketten.sale.ProductInvoice;
import nl.pakketten.sale.RegisterInvoicePayment;
import nl.pakketten.sale.RefundCreditNote;
import nl.pakketten.sale.SendInvoice;
import nl.pakketten.spi.Storage;
import nl.pakketten.spi.TransientException;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.RefundCredits;
import nl.pakketten.wallet.RefundId;
import nl.pakketten.wallet.RefundResult;
import org.junit.jupiter.api.Test;

/**
 * The life of a product invoice through {@code Pakketten}: draft, issued, sent, paid; cancelled by a
 * credit note; the profile and templates it needs. Written once, run on every storage: subclass it
 * and implement {@link #newStorage()} (an empty one: the tests use {@link Fixtures#PRACTICE}).
 */
public abstract class InvoiceLifeContract {
  /**
   * An empty storage; called once per test.
   *
   * @return the storage
   */
  protected abstract Storage newStorage();

  private static final PatientId NO_MAIL = PatientId.of("patient-without-mail");

  private final InvoicingFixtures.Documents documents = new InvoicingFixtures.Documents();
  private final InvoicingFixtures.Directory directory = new InvoicingFixtures.Directory()
      .with(PATIENT, "Jan Jansen", Optional.of("jan@example.nl"), Optional.of(Locale.forLanguageTag("nl")))
      .with(NO_MAIL, "Piet Zonder", Optional.empty(), Optional.empty());
  private final Fixtures f = new Fixtures(newStorage(),
      Pakketten.builder().documents(documents).patientDirectory(directory)
          .outboxSettings(new OutboxSettings(3, Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(5),
              Duration.ofSeconds(30), 50)));
  private final Pakketten p = f.pakketten;
  private final CreditPackage basis = f.createPackage("Basis", eur(30));

  protected InvoiceLifeContract() {
    // 5 credits for 150.00 excluding VAT, exempt; a towel at 21 % VAT, sells no credits.
    f.linkProduct("P5", basis.id(), 5, eur(150));
    p.saveProduct(SaveProduct.builder().practice(PRACTICE).actor(OWNER).code(nl.pakketten.catalog.ProductCode.of("TOWEL"))
        .name("Handdoek").description("Handdoek met logo").unitPrice(eur("10.00")).vatRate(VatRate.GENERAL).build());
  }

  private PracticeProfile saveProfile() {
    return p.savePracticeProfile(InvoicingFixtures.profile(PRACTICE, OWNER).build());
  }

  private InvoiceAnswer create(String id, PatientId patient, DraftLine... lines) {
    return p.createInvoice(CreateInvoice.builder().practice(PRACTICE).actor(RECEPTIONIST).invoiceId(InvoiceId.of(id))
        .patient(patient).addLines(lines).build());
  }

  private InvoiceAnswer issue(String id) {
    return p.issueInvoice(IssueInvoice.builder().practice(PRACTICE).actor(RECEPTIONIST).invoiceId(InvoiceId.of(id))
        .build());
  }

  private InvoicePaymentResult pay(String id, String reference, String amount) {
    return p.registerInvoicePayment(RegisterInvoicePayment.builder().practice(PRACTICE).actor(RECEPTIONIST)
        .invoiceId(InvoiceId.of(id)).reference(PaymentReference.of(reference)).amount(eur(amount))
        .paidOn(LocalDate.of(2026, 3, 3)).method(PaymentMethod.BANK_TRANSFER).build());
  }

  private InvoiceAnswer cancel(String id) {
    return p.cancelInvoice(CancelInvoice.builder().practice(PRACTICE).actor(RECEPTIONIST).invoiceId(InvoiceId.of(id))
        .build());
  }

  private InvoiceAnswer send(String id) {
    return p.sendInvoice(SendInvoice.builder().practice(PRACTICE).actor(RECEPTIONIST).invoiceId(InvoiceId.of(id))
        .build());
  }

  private InvoiceAnswer issuedSale(String id) {
    create(id, PATIENT, DraftLine.of("P5", 2), DraftLine.of("TOWEL", 1));
    return issue(id);
  }

  // --- practice profile ----------------------------------------------------------------------

  @Test
  void theOwnerSavesAProfileWhoseIbanTheDocumentServicesChecked() {
    PracticeProfile profile = p.savePracticeProfile(InvoicingFixtures.profile(PRACTICE, OWNER)
        .iban("nl91 abna 0417 1643 00").build());

    assertThat(profile.iban()).contains(InvoicingFixtures.IBAN);
    assertThat(p.practiceProfile(PRACTICE)).contains(profile);
    assertThat(p.savePracticeProfile(InvoicingFixtures.profile(PRACTICE, OWNER).build())).isEqualTo(profile);
  }

  @Test
  void anIbanWithWrongCheckDigitsIsRefusedAndNothingIsSaved() {
    assertThatThrownBy(() -> p.savePracticeProfile(InvoicingFixtures.profile(PRACTICE, OWNER)
        .iban("NL92ABNA0417164300").build()))
        .isInstanceOfSatisfying(InvalidInputException.class, e ->
            assertThat(e.violations()).extracting(v -> v.field()).containsExactly("iban"));
    assertThat(p.practiceProfile(PRACTICE)).isEmpty();
  }

  @Test
  void withoutDocumentServicesAProfileWithAnIbanIsRefusedNamingTheMissingCheck() {
    Fixtures bare = new Fixtures();

    assertThatThrownBy(() -> bare.pakketten.savePracticeProfile(InvoicingFixtures.profile(PRACTICE, OWNER).build()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("iban")
        .hasMessageContaining("no IBAN check is configured");
    assertThat(bare.pakketten.savePracticeProfile(InvoicingFixtures.profile(PRACTICE, OWNER).iban(Optional.empty())
        .build()).iban()).isEmpty();
  }

  @Test
  void onlyTheOwnerEditsTheProfile() {
    assertThatThrownBy(() -> p.savePracticeProfile(InvoicingFixtures.profile(PRACTICE, RECEPTIONIST).build()))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("edit the practice profile");
  }

  @Test
  void anUnsupportedNumberFormatIsRefused() {
    assertThatThrownBy(() -> p.savePracticeProfile(InvoicingFixtures.profile(PRACTICE, OWNER)
        .numberFormat("F{yyyy}").build()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("numberFormat");
  }

  // --- drafts and issuing --------------------------------------------------------------------

  @Test
  void aDraftTakesDescriptionPriceVatAndCreditsFromTheProducts() {
    ProductInvoice draft = create("F-1", PATIENT, DraftLine.of("P5", 2), DraftLine.of("TOWEL", 1)).invoice();

    assertThat(draft.state()).isEqualTo(InvoiceState.DRAFT);
    assertThat(draft.lines()).extracting(ProductInvoice.Line::amount, ProductInvoice.Line::vatRate,
            ProductInvoice.Line::credits, ProductInvoice.Line::packageName)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(eur("300.00"), VatRate.EXEMPT, 10, Optional.of("Basis")),
            org.assertj.core.groups.Tuple.tuple(eur("10.00"), VatRate.GENERAL, 0, Optional.empty()));
    assertThat(draft.total()).isEqualTo(eur("312.10"));
  }

  @Test
  void creatingTheSameDraftAgainIsAReplayAndOtherLinesAConflict() {
    create("F-1", PATIENT, DraftLine.of("P5", 1));

    assertThat(create("F-1", PATIENT, DraftLine.of("P5", 1)).replay()).isTrue();
    assertThatThrownBy(() -> create("F-1", PATIENT, DraftLine.of("P5", 2))).isInstanceOf(ConflictException.class);
  }

  @Test
  void aCommandWithoutPracticeActorOrInvoiceNamesEveryMissingField() {
    assertThatThrownBy(() -> p.issueInvoice(IssueInvoice.builder().build()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(v -> v.field()).containsExactly("actor", "invoiceId", "practice"));
  }

  @Test
  void aReceptionistCreatesIssuesSendsAndRegistersPayments() {
    saveProfile();
    issuedSale("F-1");
    send("F-1");

    assertThat(pay("F-1", "BANK-1", "312.10").invoice().state()).isEqualTo(InvoiceState.PAID);
  }

  @Test
  void anUnknownProductCodeIsNotFound() {
    assertThatThrownBy(() -> create("F-1", PATIENT, DraftLine.of("NOPE", 1)))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("NOPE");
  }

  @Test
  void issuingNumbersFromTheGaplessSeriesAndPrintsTotalsPerVatRate() {
    saveProfile();
    ProductInvoice first = issuedSale("F-1").invoice();
    ProductInvoice second = issuedSale("F-2").invoice();

    assertThat(first.issue().orElseThrow().number()).isEqualTo("F2026-0001");
    assertThat(second.issue().orElseThrow().number()).isEqualTo("F2026-0002");
    InvoiceDocument doc = first.document().orElseThrow();
    assertThat(doc.issueDate()).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(doc.dueDate()).isEqualTo(LocalDate.of(2026, 3, 16));
    assertThat(doc.vatTotals()).containsExactly(
        new InvoiceDocument.VatTotal(VatRate.EXEMPT, eur("300.00"), eur("0.00")),
        new InvoiceDocument.VatTotal(VatRate.GENERAL, eur("10.00"), eur("2.10")));
    assertThat(doc.total()).isEqualTo(eur("312.10"));
    assertThat(doc.exemptionText()).hasValueSatisfying(t -> assertThat(t).contains("Vrijgesteld"));
    assertThat(doc.supplier().iban()).isEqualTo(InvoicingFixtures.IBAN);
    assertThat(doc.customer().name()).isEqualTo("Jan Jansen");
    assertThat(first.state()).isEqualTo(InvoiceState.ISSUED);
  }

  @Test
  void anIssuedInvoiceKeepsItsSnapshotWhenProfileAndPatientChange() {
    saveProfile();
    InvoiceDocument before = issuedSale("F-1").invoice().document().orElseThrow();
    p.savePracticeProfile(InvoicingFixtures.profile(PRACTICE, OWNER).name("Andere naam").build());
    directory.with(PATIENT, "J. Jansen-de Vries", Optional.of("other@example.nl"), Optional.empty());

    assertThat(p.findInvoice(PRACTICE, InvoiceId.of("F-1")).orElseThrow().document()).contains(before);
    InvoiceAnswer again = issue("F-1");
    assertThat(again.replay()).isTrue();
    assertThat(again.invoice().document()).contains(before);
  }

  @Test
  void anEmptyDraftIsNotIssued() {
    saveProfile();
    create("F-1", PATIENT);

    assertThatThrownBy(() -> issue("F-1")).isInstanceOfSatisfying(InvalidInputException.class, e ->
        assertThat(e.violations()).extracting(v -> v.field()).containsExactly("lines"));
  }

  @Test
  void issuingNeedsAProfileAndAPatientTheDirectoryKnows() {
    create("F-1", PATIENT, DraftLine.of("P5", 1));
    assertThatThrownBy(() -> issue("F-1")).isInstanceOf(NotFoundException.class).hasMessageContaining("practice profile");

    saveProfile();
    create("F-2", PatientId.of("stranger"), DraftLine.of("P5", 1));
    assertThatThrownBy(() -> issue("F-2")).isInstanceOf(NotFoundException.class).hasMessageContaining("stranger");
  }

  @Test
  void aFailedIssueGivesItsNumberBack() {
    saveProfile();
    create("F-1", PatientId.of("stranger"), DraftLine.of("P5", 1));
    assertThatThrownBy(() -> issue("F-1")).isInstanceOf(NotFoundException.class);

    assertThat(issuedSale("F-2").invoice().issue().orElseThrow().number()).isEqualTo("F2026-0001");
  }

  // --- payments and credits ------------------------------------------------------------------

  @Test
  void creditsAreGrantedOnceWhenThePaymentCompletesTheInvoiceNeverBefore() {
    saveProfile();
    issuedSale("F-1");

    InvoicePaymentResult part = pay("F-1", "BANK-1", "100.00");
    assertThat(part.invoice().state()).isEqualTo(InvoiceState.PARTIALLY_PAID);
    assertThat(part.grants()).isEmpty();
    assertThat(f.balance(PATIENT, basis.id())).isZero();

    InvoicePaymentResult rest = pay("F-1", "BANK-2", "212.10");
    assertThat(rest.invoice().state()).isEqualTo(InvoiceState.PAID);
    assertThat(rest.grants()).hasSize(1);
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(10);
    // The lot is worth the line's amount excluding VAT.
    assertThat(f.lots(PATIENT)).extracting(Lot::deferredValue).containsExactly(eur("300.00"));
  }

  @Test
  void theGrantGoesThroughTheOneGrantPathKeyedOnTheInvoice() {
    saveProfile();
    issuedSale("F-1");
    InvoicePaymentResult paid = pay("F-1", "BANK-1", "312.10");

    // The host-invoice path with the same invoice id and lines finds the grant's receipt.
    nl.pakketten.granting.PaymentResult again = f.pay("F-1", PATIENT, InvoiceLine.of("P5", 2, eur("300.00")),
        InvoiceLine.of("TOWEL", 1, eur("10.00")));
    assertThat(again.replay()).isTrue();
    assertThat(again.grants()).isEqualTo(paid.grants());
    assertThat(f.lots(PATIENT)).singleElement().satisfies(lot -> assertThat(lot.source())
        .isEqualTo(new nl.pakketten.wallet.LotSource.InvoiceLine(InvoiceId.of("F-1"), 1,
            nl.pakketten.catalog.ProductCode.of("P5"))));
  }

  @Test
  void aCompletingPaymentWhoseGrantFailsStoresNothing() {
    saveProfile();
    issuedSale("F-1");
    p.deactivatePackage(nl.pakketten.catalog.DeactivatePackage.builder().practice(PRACTICE).actor(OWNER)
        .packageId(basis.id()).build());

    assertThatThrownBy(() -> pay("F-1", "BANK-1", "312.10"))
        .isInstanceOf(nl.pakketten.catalog.PackageDeactivatedException.class);
    assertThat(p.findInvoice(PRACTICE, InvoiceId.of("F-1")).orElseThrow().payments()).isEmpty();
    assertThat(f.lots(PATIENT)).isEmpty();
  }

  @Test
  void anOverpaymentIsRecordedAndVisibleButGrantsNothingMore() {
    saveProfile();
    issuedSale("F-1");
    pay("F-1", "BANK-1", "312.10");

    InvoicePaymentResult over = pay("F-1", "BANK-2", "50.00");

    assertThat(over.grants()).isEmpty();
    assertThat(over.invoice().state()).isEqualTo(InvoiceState.PAID);
    assertThat(over.invoice().overpaid()).isEqualTo(eur("50.00"));
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(10);
  }

  @Test
  void aSinglePaymentAboveTheTotalGrantsOnceAndShowsTheOverpayment() {
    saveProfile();
    issuedSale("F-1");

    InvoicePaymentResult paid = pay("F-1", "BANK-1", "400.00");

    assertThat(paid.grants()).hasSize(1);
    assertThat(paid.invoice().overpaid()).isEqualTo(eur("87.90"));
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(10);
  }

  @Test
  void aRepeatedPaymentIsAReplayThatAnswersAsTheFirst() {
    saveProfile();
    issuedSale("F-1");
    InvoicePaymentResult first = pay("F-1", "BANK-1", "312.10");

    InvoicePaymentResult again = pay("F-1", "BANK-1", "312.10");

    assertThat(again.replay()).isTrue();
    assertThat(again.grants()).isEqualTo(first.grants());
    assertThat(again.invoice().payments()).hasSize(1);
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(10);
    assertThatThrownBy(() -> pay("F-1", "BANK-1", "10.00")).isInstanceOf(ConflictException.class);
  }

  @Test
  void aReferenceOfAnotherInvoiceIsAConflict() {
    saveProfile();
    issuedSale("F-1");
    issuedSale("F-2");
    pay("F-1", "BANK-1", "10.00");

    assertThatThrownBy(() -> pay("F-2", "BANK-1", "10.00")).isInstanceOf(ConflictException.class)
        .hasMessageContaining("F-1");
  }

  @Test
  void aPaymentOnADraftOrACancelledInvoiceIsRefusedNamingTheState() {
    saveProfile();
    create("F-1", PATIENT, DraftLine.of("P5", 1));
    assertThatThrownBy(() -> pay("F-1", "BANK-1", "150.00")).isInstanceOf(ConflictException.class)
        .hasMessageContaining("DRAFT");

    issuedSale("F-2");
    cancel("F-2");
    assertThatThrownBy(() -> pay("F-2", "BANK-2", "150.00")).isInstanceOf(ConflictException.class)
        .hasMessageContaining("CANCELLED");
    assertThat(f.balance(PATIENT, basis.id())).isZero();
  }

  @Test
  void theHostsOwnInvoicePathStillGrants() {
    assertThat(f.pay("HOST-1", PATIENT, InvoiceLine.of("P5", 1, eur(150))).credits()).isEqualTo(5);
  }

  // --- credit notes --------------------------------------------------------------------------

  @Test
  void anUnpaidInvoiceIsCancelledByACreditNoteWithTheNextNumber() {
    saveProfile();
    issuedSale("F-1");

    ProductInvoice cancelled = cancel("F-1").invoice();

    assertThat(cancelled.state()).isEqualTo(InvoiceState.CANCELLED);
    InvoiceDocument note = cancelled.creditNote().orElseThrow();
    assertThat(note.kind()).isEqualTo(DocumentKind.CREDIT_NOTE);
    assertThat(note.number()).isEqualTo("F2026-0002");
    assertThat(note.creditedInvoiceNumber()).contains("F2026-0001");
    assertThat(note.total()).isEqualTo(eur("-312.10"));
    assertThat(cancel("F-1").replay()).isTrue();
    assertThat(p.findInvoice(PRACTICE, InvoiceId.of("F-1"))).isPresent();
  }

  @Test
  void aPaidInvoiceOrADraftIsNotCancelled() {
    saveProfile();
    issuedSale("F-1");
    pay("F-1", "BANK-1", "1.00");
    create("F-2", PATIENT, DraftLine.of("P5", 1));

    assertThatThrownBy(() -> cancel("F-1")).isInstanceOf(ConflictException.class).hasMessageContaining("PARTIALLY_PAID");
    assertThatThrownBy(() -> cancel("F-2")).isInstanceOf(ConflictException.class).hasMessageContaining("DRAFT");
  }

  // --- templates and sending -----------------------------------------------------------------

  private MailTemplate template(String subject) {
    return new MailTemplate(DocumentKind.PRODUCT_INVOICE, Locale.forLanguageTag("nl"), subject, "<p>{{number}}</p>",
        "{{number}}");
  }

  @Test
  void theOwnerSavesACheckedTemplateAndReadingFallsBackToTheDefault() {
    assertThat(p.mailTemplate(PRACTICE, DocumentKind.PRODUCT_INVOICE, Locale.forLanguageTag("nl")).orElseThrow()
        .subject()).isEqualTo("Factuur {{number}}");

    p.saveMailTemplate(SaveMailTemplate.builder().practice(PRACTICE).actor(OWNER).template(template("Uw factuur {{number}}"))
        .build());

    assertThat(documents.checked).hasSize(1);
    assertThat(p.mailTemplate(PRACTICE, DocumentKind.PRODUCT_INVOICE, Locale.forLanguageTag("nl")).orElseThrow()
        .subject()).isEqualTo("Uw factuur {{number}}");
  }

  @Test
  void aTemplateTheCheckRefusesIsNotSaved() {
    assertThatThrownBy(() -> p.saveMailTemplate(SaveMailTemplate.builder().practice(PRACTICE).actor(OWNER)
        .template(template("{{unknown}}")).build())).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unknown");

    assertThat(p.mailTemplate(PRACTICE, DocumentKind.PRODUCT_INVOICE, Locale.forLanguageTag("nl")).orElseThrow()
        .subject()).isEqualTo("Factuur {{number}}");
  }

  @Test
  void onlyTheOwnerEditsTemplates() {
    assertThatThrownBy(() -> p.saveMailTemplate(SaveMailTemplate.builder().practice(PRACTICE).actor(RECEPTIONIST)
        .template(template("x")).build())).isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void sendingQueuesThePracticesTemplateInThePatientsLanguageWithThePdfMarksItSentAndTheDispatcherMailsIt() {
    saveProfile();
    p.saveMailTemplate(SaveMailTemplate.builder().practice(PRACTICE).actor(OWNER).template(template("Uw factuur {{number}}"))
        .build());
    issuedSale("F-1");

    InvoiceAnswer answer = send("F-1");

    assertThat(answer.replay()).isFalse();
    assertThat(answer.invoice().state()).isEqualTo(InvoiceState.SENT);
    assertThat(documents.sent).isEmpty(); // queued in the transaction, not mailed yet
    OutboxMessage queued = onlyMessage();
    assertThat(queued.kind()).isEqualTo(MessageKind.MAIL);
    assertThat(queued.state()).isEqualTo(OutboxState.QUEUED);
    assertThat(queued.recipient()).isEqualTo("jan@example.nl");
    assertThat(queued.subject()).isEqualTo("Uw factuur F2026-0001");
    assertThat(p.outboxDepth()).isEqualTo(1);

    assertThat(p.dispatchOutbox()).isEqualTo(new DispatchResult(1, 0, 0));

    assertThat(documents.sent).singleElement().satisfies(mail -> {
      assertThat(mail.to()).isEqualTo("jan@example.nl");
      assertThat(mail.fromAddress()).isEqualTo("facturen@fysio.example");
      assertThat(mail.messageId()).isEqualTo(queued.messageId()).isEqualTo("product_invoice.F2026-0001."
          + PRACTICE.value() + "@pakketten");
      assertThat(mail.mail().subject()).isEqualTo("Uw factuur F2026-0001");
      assertThat(mail.attachments()).singleElement().satisfies(a -> {
        assertThat(a.fileName()).isEqualTo("F2026-0001.pdf");
        assertThat(new String(a.content(), java.nio.charset.StandardCharsets.UTF_8)).contains("F2026-0001");
      });
    });
    OutboxMessage sent = onlyMessage();
    assertThat(sent.state()).isEqualTo(OutboxState.SENT);
    assertThat(sent.attempts()).isEqualTo(1);
    assertThat(sent.sentAt()).contains(f.clock.instant());
    assertThat(p.outboxDepth()).isZero();

    // Sending the same invoice again is a replay: nothing more is queued or mailed.
    assertThat(send("F-1").replay()).isTrue();
    assertThat(p.dispatchOutbox().idle()).isTrue();
    assertThat(documents.sent).hasSize(1);
  }

  @Test
  void whenTheMailServerIsDownTheMailStaysQueuedIsRetriedWithBackoffThenFailsVisiblyAndCanBeResent() {
    saveProfile();
    issuedSale("F-1");
    send("F-1");
    documents.serverDown = true;

    assertThat(p.dispatchOutbox()).isEqualTo(new DispatchResult(0, 1, 0));
    OutboxMessage retrying = onlyMessage();
    assertThat(retrying.state()).isEqualTo(OutboxState.QUEUED);
    assertThat(retrying.attempts()).isEqualTo(1);
    assertThat(retrying.lastError()).hasValueSatisfying(e -> assertThat(e).contains("SMTP server unreachable"));
    assertThat(retrying.nextAttemptAt()).isEqualTo(f.clock.instant().plusSeconds(30));
    assertThat(p.dispatchOutbox().idle()).as("not due before its backoff").isTrue();

    f.clock.advance(Duration.ofSeconds(30));
    assertThat(p.dispatchOutbox()).isEqualTo(new DispatchResult(0, 1, 0));
    assertThat(onlyMessage().nextAttemptAt()).isEqualTo(f.clock.instant().plusSeconds(60)); // doubled
    f.clock.advance(Duration.ofSeconds(60));
    assertThat(p.dispatchOutbox()).isEqualTo(new DispatchResult(0, 0, 1)); // the third and last attempt

    OutboxMessage failed = onlyMessage();
    assertThat(failed.state()).isEqualTo(OutboxState.FAILED);
    assertThat(failed.attempts()).isEqualTo(3);
    assertThat(failed.lastError()).hasValueSatisfying(e -> assertThat(e).contains("SMTP server unreachable"));
    assertThat(p.outboxMessages(PRACTICE, OutboxState.FAILED, PageRequest.first()).items()).containsExactly(failed);
    f.clock.advance(Duration.ofHours(1));
    assertThat(p.dispatchOutbox().idle()).as("a failed mail waits for a resend").isTrue();
    assertThat(documents.sent).isEmpty();

    documents.serverDown = false;
    OutboxMessage resent = p.resendMessage(ResendMessage.builder().practice(PRACTICE).actor(RECEPTIONIST)
        .id(failed.id()).build());
    assertThat(resent.state()).isEqualTo(OutboxState.QUEUED);
    assertThat(resent.attempts()).isZero();
    assertThat(p.dispatchOutbox()).isEqualTo(new DispatchResult(1, 0, 0));
    assertThat(documents.sent).singleElement().satisfies(m -> assertThat(m.messageId()).isEqualTo(failed.messageId()));
    assertThat(onlyMessage().state()).isEqualTo(OutboxState.SENT);
  }

  @Test
  void aMailTheServerRefusesForGoodFailsAtOnce() {
    saveProfile();
    issuedSale("F-1");
    send("F-1");
    documents.refuse = true;

    assertThat(p.dispatchOutbox()).isEqualTo(new DispatchResult(0, 0, 1));
    assertThat(onlyMessage().state()).isEqualTo(OutboxState.FAILED);
    assertThat(onlyMessage().lastError()).hasValueSatisfying(e -> assertThat(e).contains("550"));
  }

  @Test
  void aDispatcherThatDiedWithAClaimedMailLeavesItLeasedThenAnotherSendsItWithTheSameMessageId() {
    saveProfile();
    issuedSale("F-1");
    send("F-1");
    Storage storage = f.storage;
    // A dispatcher claims the mail and dies before sending it.
    storage.transactions().inTransaction(() -> storage.outbox().claim(java.util.Set.of(MessageKind.MAIL),
        f.clock.instant(), 10, f.clock.instant().plus(Duration.ofMinutes(5))));

    assertThat(p.dispatchOutbox().idle()).as("leased to the dead dispatcher").isTrue();
    f.clock.advance(Duration.ofMinutes(5));
    assertThat(p.dispatchOutbox()).isEqualTo(new DispatchResult(1, 0, 0));
    assertThat(documents.sent).hasSize(1);
    assertThat(onlyMessage().attempts()).isEqualTo(2);
  }

  @Test
  void theSameSendSixteenTimesAtOnceQueuesOneMail() throws Exception {
    saveProfile();
    issuedSale("F-1");

    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
    List<InvoiceAnswer> answers = new java.util.ArrayList<>();
    try {
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<InvoiceAnswer>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < 16; i++) {
        futures.add(pool.submit(() -> {
          start.await();
          return send("F-1");
        }));
      }
      start.countDown();
      for (java.util.concurrent.Future<InvoiceAnswer> future : futures) {
        answers.add(future.get(60, java.util.concurrent.TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(answers).filteredOn(a -> !a.replay()).hasSize(1);
    assertThat(answers).allSatisfy(a -> assertThat(a.invoice().state()).isEqualTo(InvoiceState.SENT));
    assertThat(p.outboxMessages(PRACTICE, null, PageRequest.first()).items()).hasSize(1);
    p.dispatchOutbox();
    assertThat(documents.sent).hasSize(1);
  }

  private OutboxMessage onlyMessage() {
    List<OutboxMessage> messages = p.outboxMessages(PRACTICE, null, PageRequest.first()).items().stream()
        .filter(m -> m.kind() == MessageKind.MAIL).toList();
    assertThat(messages).hasSize(1);
    OutboxMessage message = messages.get(0);
    assertThat(p.findOutboxMessage(PRACTICE, message.id())).contains(message);
    return message;
  }

  @Test
  void aDraftIsNotSentAndAPatientWithoutMailIsNamed() {
    saveProfile();
    create("F-1", PATIENT, DraftLine.of("P5", 1));
    assertThatThrownBy(() -> send("F-1")).isInstanceOf(ConflictException.class).hasMessageContaining("DRAFT");

    create("F-2", NO_MAIL, DraftLine.of("P5", 1));
    issue("F-2");
    assertThatThrownBy(() -> send("F-2")).isInstanceOfSatisfying(InvalidInputException.class, e -> {
      assertThat(e.violations()).extracting(v -> v.field()).containsExactly("email");
      assertThat(e).hasMessageContaining("patient-without-mail");
    });
    assertThat(p.findInvoice(PRACTICE, InvoiceId.of("F-2")).orElseThrow().state()).isEqualTo(InvoiceState.ISSUED);
    assertThat(documents.sent).isEmpty();
  }

  @Test
  void aCancelledInvoiceSendsItsCreditNote() {
    saveProfile();
    issuedSale("F-1");
    cancel("F-1");

    send("F-1");
    p.dispatchOutbox();

    assertThat(documents.sent).singleElement().satisfies(m -> assertThat(m.mail().subject()).contains("F2026-0002"));
  }

  @Test
  void theLifePublishesIssuedSentPaidAndCancelledEvents() {
    saveProfile();
    issuedSale("F-1");
    send("F-1");
    pay("F-1", "BANK-1", "312.10");
    issuedSale("F-2");
    cancel("F-2");

    List<Class<?>> kinds = f.events.stream().<Class<?>>map(Object::getClass)
        .filter(c -> c.getEnclosingClass() == InvoiceEvents.class).toList();
    assertThat(kinds).containsExactly(InvoiceEvents.InvoiceIssued.class, InvoiceEvents.InvoiceSent.class,
        InvoiceEvents.PaymentRegistered.class, InvoiceEvents.InvoicePaid.class, InvoiceEvents.InvoiceIssued.class,
        InvoiceEvents.InvoiceCancelled.class);
  }

  // --- credit notes of refunds ----------------------------------------------------------------

  private RefundResult refund(String id, int credits, Optional<String> amount) {
    return p.refundCredits(RefundCredits.builder().practice(PRACTICE).actor(OWNER).refundId(RefundId.of(id))
        .patient(PATIENT).packageId(basis.id()).credits(credits).amount(amount.map(Fixtures::eur))
        .reason("moved away").build());
  }

  private InvoiceAnswer sendCreditNote(String invoiceId, String number) {
    return p.sendInvoice(SendInvoice.builder().practice(PRACTICE).actor(RECEPTIONIST)
        .invoiceId(InvoiceId.of(invoiceId)).creditNote(number).build());
  }

  /** An invoice of {@code quantity} × P5 (5 credits each, 150.00 exempt), issued and paid in full. */
  private void paidSale(String id, int quantity) {
    create(id, PATIENT, DraftLine.of("P5", quantity));
    issue(id);
    pay(id, "BANK-" + id, String.valueOf(150 * quantity) + ".00");
  }

  @Test
  void aRefundOfAnSdkInvoicesLotIssuesACreditNoteWithTheNextNumberOfTheSeries() {
    saveProfile();
    issuedSale("F-1"); // F2026-0001: 2 × P5 (10 credits, 300.00 exempt) and a towel
    pay("F-1", "BANK-1", "312.10");

    RefundResult refunded = refund("R-1", 4, Optional.empty());

    assertThat(refunded.creditNotes()).containsExactly(
        new RefundResult.CreditNote(InvoiceId.of("F-1"), "F2026-0002", eur("120.00")));
    RefundCreditNote note = p.creditNotes(PRACTICE, InvoiceId.of("F-1")).get(0);
    assertThat(p.creditNotes(PRACTICE, InvoiceId.of("F-1"))).hasSize(1);
    assertThat(note.refundId()).isEqualTo(RefundId.of("R-1"));
    assertThat(note.date()).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(note.lines()).singleElement().satisfies(l -> {
      assertThat(l.invoiceLine()).isEqualTo(1);
      assertThat(l.credits()).isEqualTo(4);
      assertThat(l.amount()).isEqualTo(eur("120.00"));
      assertThat(l.lot()).isEqualTo(f.lots(PATIENT).get(0).id());
    });
    InvoiceDocument doc = note.document(p.findInvoice(PRACTICE, InvoiceId.of("F-1")).orElseThrow());
    assertThat(doc.kind()).isEqualTo(DocumentKind.CREDIT_NOTE);
    assertThat(doc.refund()).isTrue();
    assertThat(doc.number()).isEqualTo("F2026-0002");
    assertThat(doc.creditedInvoiceNumber()).contains("F2026-0001");
    assertThat(doc.customer().name()).isEqualTo("Jan Jansen");
    assertThat(doc.lines()).singleElement().satisfies(l -> {
      assertThat(l.quantity()).isEqualTo(-1);
      assertThat(l.unitPriceExcludingVat()).isEqualTo(eur("120.00"));
      assertThat(l.amountExcludingVat()).isEqualTo(eur("-120.00"));
      assertThat(l.vatAmount()).isEqualTo(eur("0.00"));
      assertThat(l.credits()).isEqualTo(-4);
      assertThat(l.description()).isEqualTo("Terugbetaling van 4 ongebruikte credits: Product P5");
    });
    assertThat(doc.vatTotals()).containsExactly(new InvoiceDocument.VatTotal(VatRate.EXEMPT, eur("-120.00"),
        eur("0.00")));
    assertThat(doc.total()).isEqualTo(eur("-120.00"));
    assertThat(doc.exemptionText()).isPresent();
    // The invoice itself is unchanged, and the series goes on after the credit note.
    assertThat(p.findInvoice(PRACTICE, InvoiceId.of("F-1")).orElseThrow().state()).isEqualTo(InvoiceState.PAID);
    assertThat(issuedSale("F-2").invoice().issue().orElseThrow().number()).isEqualTo("F2026-0003");
    assertThat(f.events).filteredOn(InvoiceEvents.RefundCreditNoteIssued.class::isInstance).singleElement()
        .isEqualTo(new InvoiceEvents.RefundCreditNoteIssued(PRACTICE, f.clock.instant(), OWNER.userId(),
            InvoiceId.of("F-1"), "F2026-0002", RefundId.of("R-1"), eur("120.00")));
  }

  @Test
  void aCreditNoteAddsTheVatOfTheInvoiceLinesRateOnTheAmountRefunded() {
    saveProfile();
    p.saveProduct(SaveProduct.builder().practice(PRACTICE).actor(OWNER).code(nl.pakketten.catalog.ProductCode.of("V5"))
        .name("Pakket met btw").unitPrice(eur("100.00")).vatRate(VatRate.GENERAL).packageId(basis.id())
        .creditsPerUnit(5).build());
    create("F-1", PATIENT, DraftLine.of("V5", 1));
    issue("F-1");
    pay("F-1", "BANK-1", "121.00");

    // 3 of the lot's 5 credits are worth 90.00 (3 × the rate, excluding VAT); the owner pays back 33.33.
    RefundResult refunded = refund("R-1", 3, Optional.of("33.33"));

    InvoiceDocument doc = p.creditNotes(PRACTICE, InvoiceId.of("F-1")).get(0)
        .document(p.findInvoice(PRACTICE, InvoiceId.of("F-1")).orElseThrow());
    assertThat(refunded.creditNotes()).extracting(RefundResult.CreditNote::totalExcludingVat)
        .containsExactly(eur("33.33"));
    assertThat(doc.lines()).singleElement().satisfies(l -> {
      assertThat(l.vatRate()).isEqualTo(VatRate.GENERAL);
      assertThat(l.amountExcludingVat()).isEqualTo(eur("-33.33"));
      assertThat(l.vatAmount()).isEqualTo(eur("-7.00")); // 21 % of 33.33 = 6.9993, half up
    });
    assertThat(doc.vatTotals()).containsExactly(new InvoiceDocument.VatTotal(VatRate.GENERAL, eur("-33.33"),
        eur("-7.00")));
    assertThat(doc.total()).isEqualTo(eur("-40.33"));
    assertThat(doc.exemptionText()).isEmpty();
    // The journal books the amount excluding VAT: 33.33 to refunds payable, 56.67 to breakage.
    assertThat(refunded.refund().amount()).isEqualTo(eur("33.33"));
    assertThat(refunded.refund().breakage()).isEqualTo(eur("56.67"));
    assertThat(f.journal().get(f.journal().size() - 1).lines()).extracting(l -> l.amount())
        .containsExactlyInAnyOrder(eur("90.00"), eur("33.33"), eur("56.67"));
  }

  @Test
  void aWalletRefundAcrossLotsOfTwoSdkInvoicesIssuesACreditNoteForEach() {
    saveProfile();
    paidSale("F-1", 1); // F2026-0001, 5 credits worth 150.00
    paidSale("F-2", 1); // F2026-0002, 5 credits worth 150.00

    // 7 credits (210.00) in spending order: 5 of F-1's lot, 2 of F-2's; 180.00 paid back.
    RefundResult refunded = refund("R-1", 7, Optional.of("180.00"));

    assertThat(refunded.creditNotes()).containsExactly(
        new RefundResult.CreditNote(InvoiceId.of("F-1"), "F2026-0003", eur("150.00")),
        new RefundResult.CreditNote(InvoiceId.of("F-2"), "F2026-0004", eur("30.00")));
    assertThat(p.creditNotes(PRACTICE, InvoiceId.of("F-2"))).singleElement().satisfies(n -> {
      assertThat(n.number()).isEqualTo("F2026-0004");
      assertThat(n.lines()).extracting(RefundCreditNote.Line::credits).containsExactly(2);
    });
    assertThat(f.events).filteredOn(InvoiceEvents.RefundCreditNoteIssued.class::isInstance).hasSize(2);
  }

  @Test
  void lotsOfAHostsInvoiceOrAnImportIssueNoCreditNoteAndTakeNoNumber() {
    saveProfile();
    f.pay("HOST-1", PATIENT, InvoiceLine.of("P5", 1, eur(150)));
    f.importCredits("IMP-1", PATIENT, basis.id(), 3, eur(30));

    RefundResult refunded = refund("R-1", 8, Optional.empty());

    assertThat(refunded.refund().credits()).isEqualTo(8);
    assertThat(refunded.creditNotes()).isEmpty();
    assertThat(p.creditNotes(PRACTICE, InvoiceId.of("HOST-1"))).isEmpty();
    assertThat(f.events).noneMatch(InvoiceEvents.RefundCreditNoteIssued.class::isInstance);
    assertThat(issuedSale("F-1").invoice().issue().orElseThrow().number()).isEqualTo("F2026-0001");
  }

  @Test
  void creditsTransferredToAnotherPatientIssueNoCreditNoteWhenThatPatientIsRefunded() {
    saveProfile();
    paidSale("F-1", 1);
    PatientId partner = PatientId.of("partner");
    p.transferCredits(nl.pakketten.wallet.TransferCredits.builder().practice(PRACTICE).actor(RECEPTIONIST)
        .transferId(nl.pakketten.wallet.TransferId.of("T-1")).from(PATIENT).lot(f.lots(PATIENT).get(0).id())
        .credits(2).to(partner).build());

    RefundResult refunded = p.refundCredits(RefundCredits.builder().practice(PRACTICE).actor(OWNER)
        .refundId(RefundId.of("R-1")).patient(partner).packageId(basis.id()).credits(2).reason("moved away")
        .build());

    assertThat(refunded.refund().credits()).isEqualTo(2);
    assertThat(refunded.creditNotes()).isEmpty();
    assertThat(p.creditNotes(PRACTICE, InvoiceId.of("F-1"))).isEmpty();
    // The buyer's own remaining credits of F-1 still get one.
    assertThat(refund("R-2", 3, Optional.empty()).creditNotes()).extracting(RefundResult.CreditNote::number)
        .containsExactly("F2026-0002");
  }

  @Test
  void aReplayAnswersWithTheSameCreditNoteAndTakesNoSecondNumber() {
    saveProfile();
    paidSale("F-1", 2);
    RefundResult first = refund("R-1", 4, Optional.empty());

    RefundResult again = refund("R-1", 4, Optional.empty());

    assertThat(again.replay()).isTrue();
    assertThat(again.creditNotes()).isEqualTo(first.creditNotes()).hasSize(1);
    assertThat(p.creditNotes(PRACTICE, InvoiceId.of("F-1"))).hasSize(1);
    assertThat(issuedSale("F-2").invoice().issue().orElseThrow().number()).isEqualTo("F2026-0003");
  }

  @Test
  void aRefusedRefundTakesNoNumberAndStoresNoCreditNote() {
    saveProfile();
    paidSale("F-1", 1);

    assertThatThrownBy(() -> refund("R-1", 6, Optional.empty())).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> refund("R-2", 5, Optional.of("150.01"))).isInstanceOf(InvalidInputException.class);

    assertThat(p.creditNotes(PRACTICE, InvoiceId.of("F-1"))).isEmpty();
    assertThat(f.events).noneMatch(InvoiceEvents.RefundCreditNoteIssued.class::isInstance);
    assertThat(refund("R-1", 5, Optional.empty()).creditNotes()).extracting(RefundResult.CreditNote::number)
        .containsExactly("F2026-0002");
  }

  @Test
  void aRefundsCreditNoteIsMailedOnceWithTheCreditNoteTemplateUnderAStableMessageId() {
    saveProfile();
    p.saveMailTemplate(SaveMailTemplate.builder().practice(PRACTICE).actor(OWNER).template(new MailTemplate(
        DocumentKind.CREDIT_NOTE, Locale.forLanguageTag("nl"), "Creditnota {{number}}", "<p>{{number}}</p>",
        "{{number}}")).build());
    paidSale("F-1", 2);
    String number = refund("R-1", 4, Optional.empty()).creditNotes().get(0).number();

    InvoiceAnswer answer = sendCreditNote("F-1", number);

    assertThat(answer.replay()).isFalse();
    assertThat(answer.invoice().state()).isEqualTo(InvoiceState.PAID);
    OutboxMessage queued = onlyMessage();
    assertThat(queued.subject()).isEqualTo("Creditnota F2026-0002");
    assertThat(queued.messageId()).isEqualTo("credit_note.F2026-0002." + PRACTICE.value() + "@pakketten");
    assertThat(sendCreditNote("F-1", number).replay()).isTrue();
    assertThat(p.dispatchOutbox()).isEqualTo(new DispatchResult(1, 0, 0));
    assertThat(documents.sent).singleElement().satisfies(mail -> {
      assertThat(mail.messageId()).isEqualTo(queued.messageId());
      assertThat(mail.mail().subject()).isEqualTo("Creditnota F2026-0002");
      assertThat(mail.attachments()).singleElement().satisfies(a -> {
        assertThat(a.fileName()).isEqualTo("F2026-0002.pdf");
        assertThat(new String(a.content(), java.nio.charset.StandardCharsets.UTF_8))
            .isEqualTo("F2026-0002 EUR -120.00");
      });
    });
    assertThat(onlyMessage().state()).isEqualTo(OutboxState.SENT);
    assertThat(f.events).filteredOn(InvoiceEvents.InvoiceSent.class::isInstance).singleElement()
        .satisfies(e -> assertThat(((InvoiceEvents.InvoiceSent) e).number()).isEqualTo("F2026-0002"));
    // The invoice itself is still sent on its own, under its own Message-ID.
    assertThat(send("F-1").replay()).isFalse();
    assertThat(p.outboxMessages(PRACTICE, null, PageRequest.first()).items()).hasSize(2);
  }

  @Test
  void sendingACreditNoteTheInvoiceDoesNotHaveIsNotFound() {
    saveProfile();
    paidSale("F-1", 1);
    paidSale("F-2", 1);
    String number = refund("R-1", 2, Optional.empty()).creditNotes().get(0).number();

    assertThatThrownBy(() -> sendCreditNote("F-2", number)).isInstanceOf(NotFoundException.class)
        .hasMessageContaining(number);
    assertThatThrownBy(() -> sendCreditNote("F-1", "F2026-9999")).isInstanceOf(NotFoundException.class);
    assertThat(p.outboxMessages(PRACTICE, null, PageRequest.first()).items()).isEmpty();
  }
}
