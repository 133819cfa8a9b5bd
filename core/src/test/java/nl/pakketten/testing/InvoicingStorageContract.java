package nl.pakketten.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import nl.pakketten.catalog.Product;
import nl.pakketten.catalog.ProductCode;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.UserId;
import nl.pakketten.invoicing.DocumentKind;
import nl.pakketten.invoicing.InvoiceDocument;
import nl.pakketten.invoicing.InvoiceNumbers;
import nl.pakketten.invoicing.MailTemplate;
import nl.pakketten.invoicing.PostalAddress;
import nl.pakketten.invoicing.PracticeProfile;
import nl.pakketten.invoicing.VatRate;
import nl.pakketten.sale.InvoicePayment;
import nl.pakketten.sale.PaymentMethod;
import nl.pakketten.sale.PaymentReference;
import nl.pakketten.sale.ProductInvoice;
import nl.pakketten.spi.Storage;
import nl.pakketten.spi.TransientException;
import nl.pakketten.spi.ValueBuilders;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of the invoicing ports ({@code PracticeProfiles}, {@code Invoices} with its number
 * series, {@code MailTemplates}) and of the products' invoicing fields, run against every adapter:
 * subclass it and implement {@link #newStorage()}. Each test works in fresh random practices.
 */
public abstract class InvoicingStorageContract {
  private static final Instant T0 = Instant.parse("2026-03-02T09:15:30.123456Z");
  private static final UserId USER = UserId.of("user-1");
  private static final PatientId PATIENT = PatientId.of("patient-1");
  private static final PostalAddress ADDRESS = new PostalAddress("Dorpsstraat 1", "1234 AB", "Utrecht", "NL");

  /** A storage to test; called once per test. It may already hold data of other practices. */
  protected abstract Storage newStorage();

  protected Storage storage;
  protected PracticeId practice;
  protected PracticeId otherPractice;

  @BeforeEach
  void openStorage() {
    storage = newStorage();
    practice = PracticeId.of("invoicing-" + UUID.randomUUID());
    otherPractice = PracticeId.of("invoicing-" + UUID.randomUUID());
  }

  protected <T> T tx(Supplier<T> work) {
    return storage.transactions().inTransaction(work);
  }

  protected void run(Runnable work) {
    tx(() -> {
      work.run();
      return null;
    });
  }

  private static Money eur(String amount) {
    return Money.of(CurrencyUnit.EUR, new java.math.BigDecimal(amount));
  }

  private PracticeProfile profile(PracticeId practice, Optional<String> iban) {
    return ValueBuilders.practiceProfile().practice(practice).name("Fysio Ütrecht").address(ADDRESS)
        .kvkNumber("12345678").vatNumber("NL001234567B01").iban(iban).senderAddress("f@fysio.example")
        .senderName("Fysio").numberFormat("F{yyyy}-{seq:5}").paymentTermDays(30)
        .defaultLanguage(Locale.forLanguageTag("en")).build();
  }

  protected ProductInvoice draft(PracticeId practice, String id) {
    return ValueBuilders.productInvoice().practice(practice).id(InvoiceId.of(id)).patient(PATIENT)
        .currency(CurrencyUnit.EUR)
        .lines(List.of(
            new ProductInvoice.Line(ProductCode.of("P5"), "Pakket 5", 2, eur("150.00"), VatRate.EXEMPT,
                Optional.of("Basis"), 10),
            new ProductInvoice.Line(ProductCode.of("TOWEL"), "Handdoek", 1, eur("10.00"), VatRate.GENERAL,
                Optional.empty(), 0)))
        .createdAt(T0).createdBy(USER).build();
  }

  private ProductInvoice.Issue issue(String number) {
    return new ProductInvoice.Issue(number, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 16),
        Locale.forLanguageTag("nl"),
        new InvoiceDocument.Supplier("Fysio", ADDRESS, "12345678", "NL001234567B01", "NL91ABNA0417164300",
            "f@fysio.example"),
        new InvoiceDocument.Customer("Jan Jansen", ADDRESS, ""), T0.plusMillis(1), USER);
  }

  private static InvoicePayment payment(String reference, String amount) {
    return new InvoicePayment(PaymentReference.of(reference), eur(amount), LocalDate.of(2026, 3, 3),
        PaymentMethod.BANK_TRANSFER, T0.plusSeconds(5), USER);
  }

  @Test
  void aProfileRoundTripsWithAndWithoutIbanAndIsReplaced() {
    PracticeProfile with = profile(practice, Optional.of("NL91ABNA0417164300"));
    run(() -> storage.practiceProfiles().save(with));
    assertThat(tx(() -> storage.practiceProfiles().find(practice))).contains(with);

    PracticeProfile without = profile(practice, Optional.empty());
    run(() -> storage.practiceProfiles().save(without));
    assertThat(tx(() -> storage.practiceProfiles().find(practice))).contains(without);
    assertThat(tx(() -> storage.practiceProfiles().find(otherPractice))).isEmpty();
  }

  @Test
  void templatesAreKeptPerPracticeKindAndLanguage() {
    MailTemplate nl = new MailTemplate(DocumentKind.PRODUCT_INVOICE, Locale.forLanguageTag("nl"), "Factuur",
        "<p>é</p>", "tekst");
    MailTemplate en = new MailTemplate(DocumentKind.PRODUCT_INVOICE, Locale.ENGLISH, "Invoice", "<p>x</p>", "text");
    run(() -> {
      storage.mailTemplates().save(practice, nl);
      storage.mailTemplates().save(practice, en);
    });
    MailTemplate changed = new MailTemplate(DocumentKind.PRODUCT_INVOICE, Locale.forLanguageTag("nl"), "Nota",
        "<p>b</p>", "t");
    run(() -> storage.mailTemplates().save(practice, changed));

    assertThat(tx(() -> storage.mailTemplates().find(practice, DocumentKind.PRODUCT_INVOICE,
        Locale.forLanguageTag("nl")))).contains(changed);
    assertThat(tx(() -> storage.mailTemplates().find(practice, DocumentKind.PRODUCT_INVOICE, Locale.ENGLISH)))
        .contains(en);
    assertThat(tx(() -> storage.mailTemplates().find(practice, DocumentKind.CREDIT_NOTE, Locale.ENGLISH))).isEmpty();
    assertThat(tx(() -> storage.mailTemplates().find(otherPractice, DocumentKind.PRODUCT_INVOICE, Locale.ENGLISH)))
        .isEmpty();
  }

  @Test
  void aProductKeepsItsDescriptionAndVatRate() {
    Product product = ValueBuilders.product().practice(practice).code(ProductCode.of("TOWEL")).name("Handdoek")
        .description("Handdoek met logo").unitPrice(eur("10.00")).vatRate(VatRate.LOW).build();
    run(() -> storage.products().save(product));

    assertThat(tx(() -> storage.products().find(practice, product.code()))).contains(product);
  }

  @Test
  void aDraftRoundTripsWithItsLinesAndAnIdTakenIsTransient() {
    ProductInvoice draft = draft(practice, "F-1");
    run(() -> storage.invoices().insert(draft));

    assertThat(tx(() -> storage.invoices().find(practice, draft.id()))).contains(draft);
    assertThat(tx(() -> storage.invoices().lock(practice, draft.id()))).contains(draft);
    assertThat(tx(() -> storage.invoices().find(otherPractice, draft.id()))).isEmpty();
    assertThatThrownBy(() -> run(() -> storage.invoices().insert(draft))).isInstanceOf(TransientException.class);
  }

  @Test
  void anUpdateStoresTheIssueTheSendingAndTheCancellation() {
    ProductInvoice draft = draft(practice, "F-1");
    run(() -> storage.invoices().insert(draft));
    ProductInvoice issued = ValueBuilders.productInvoice().from(draft).issue(issue("F2026-00001"))
        .sentAt(T0.plusSeconds(60)).build();
    run(() -> storage.invoices().update(issued));
    assertThat(tx(() -> storage.invoices().find(practice, draft.id()))).contains(issued);

    ProductInvoice cancelled = ValueBuilders.productInvoice().from(issued)
        .cancellation(new ProductInvoice.Cancellation("F2026-00002", LocalDate.of(2026, 3, 4), T0.plusSeconds(90), USER))
        .build();
    run(() -> storage.invoices().update(cancelled));
    ProductInvoice read = tx(() -> storage.invoices().find(practice, draft.id())).orElseThrow();
    assertThat(read).isEqualTo(cancelled);
    assertThat(read.creditNote()).isEqualTo(cancelled.creditNote());
  }

  @Test
  void aRefundsCreditNotesRoundTripByInvoiceAndByRefundAndANumberTakenIsTransient() {
    ProductInvoice draft = draft(practice, "F-1");
    run(() -> storage.invoices().insert(draft));
    run(() -> storage.invoices().update(ValueBuilders.productInvoice().from(draft).issue(issue("F2026-00001")).build()));
    nl.pakketten.wallet.RefundId refundId = nl.pakketten.wallet.RefundId.of("R-1");
    run(() -> storage.refunds().insert(new nl.pakketten.wallet.Refund(practice, refundId, "f", PATIENT,
        nl.pakketten.catalog.PackageId.of("basis"), 5, eur("150.00"), eur("140.00"), T0)));
    nl.pakketten.sale.RefundCreditNote note = new nl.pakketten.sale.RefundCreditNote(practice, "F2026-00002",
        draft.id(), refundId, LocalDate.of(2026, 4, 1), List.of(
            new nl.pakketten.sale.RefundCreditNote.Line(1, nl.pakketten.common.LotId.of("L1"), 3, eur("90.00")),
            new nl.pakketten.sale.RefundCreditNote.Line(1, nl.pakketten.common.LotId.of("L2"), 2, eur("50.00"))),
        T0.plusSeconds(120), USER);

    run(() -> storage.invoices().insertCreditNote(note));

    assertThat(tx(() -> storage.invoices().creditNotes(practice, draft.id()))).containsExactly(note);
    assertThat(tx(() -> storage.invoices().creditNotesOfRefund(practice, refundId))).containsExactly(note);
    assertThat(tx(() -> storage.invoices().creditNotes(otherPractice, draft.id()))).isEmpty();
    assertThat(tx(() -> storage.invoices().creditNotesOfRefund(otherPractice, refundId))).isEmpty();
    assertThatThrownBy(() -> run(() -> storage.invoices().insertCreditNote(note)))
        .isInstanceOf(TransientException.class);
    // A note written in a transaction that rolls back is not kept.
    nl.pakketten.sale.RefundCreditNote second = new nl.pakketten.sale.RefundCreditNote(practice, "F2026-00003",
        draft.id(), refundId, LocalDate.of(2026, 4, 1), List.of(
            new nl.pakketten.sale.RefundCreditNote.Line(1, nl.pakketten.common.LotId.of("L1"), 1, eur("0.00"))),
        T0.plusSeconds(120), USER);
    assertThatThrownBy(() -> run(() -> {
      storage.invoices().insertCreditNote(second);
      throw new IllegalStateException("fault after the insert");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(tx(() -> storage.invoices().creditNotes(practice, draft.id()))).containsExactly(note);
  }

  @Test
  void paymentsAreAddedInOrderAndAReferenceTakenIsTransient() {
    ProductInvoice draft = draft(practice, "F-1");
    run(() -> storage.invoices().insert(draft));
    run(() -> storage.invoices().update(ValueBuilders.productInvoice().from(draft).issue(issue("1")).build()));
    run(() -> {
      storage.invoices().addPayment(practice, draft.id(), payment("BANK-2", "100.00"));
      storage.invoices().addPayment(practice, draft.id(), payment("BANK-1", "212.10"));
    });

    ProductInvoice read = tx(() -> storage.invoices().find(practice, draft.id())).orElseThrow();
    assertThat(read.payments()).containsExactly(payment("BANK-2", "100.00"), payment("BANK-1", "212.10"));
    assertThat(tx(() -> storage.invoices().paidWith(practice, PaymentReference.of("BANK-1")))).contains(draft.id());
    assertThat(tx(() -> storage.invoices().paidWith(otherPractice, PaymentReference.of("BANK-1")))).isEmpty();
    assertThatThrownBy(() -> run(() -> storage.invoices().addPayment(practice, draft.id(),
        payment("BANK-1", "1.00")))).isInstanceOf(TransientException.class);
  }

  @Test
  void anIssueTakesTheNextNumberStoresItWithTheIssueAndARollbackGivesItBack() {
    InvoiceNumbers.Numbering numbering = InvoiceNumbers.numbering("F{yyyy}-{seq:2}/B", 2026);
    ProductInvoice first = draft(otherPractice, "F-1");
    run(() -> storage.invoices().insert(first));
    // A practice's first number: no counter yet.
    assertThat(tx(() -> storage.invoices().issue(first, issue(""), numbering)).issue().orElseThrow().number())
        .isEqualTo("F2026-01/B");
    for (int i = 0; i < 98; i++) {
      tx(() -> storage.invoices().nextNumber(practice));
    }
    List<ProductInvoice> drafts = List.of(draft(practice, "F-1"), draft(practice, "F-2"), draft(practice, "F-3"));
    drafts.forEach(d -> run(() -> storage.invoices().insert(d)));

    ProductInvoice issued = tx(() -> storage.invoices().issue(drafts.get(0), issue(""), numbering));
    assertThat(issued).isEqualTo(ValueBuilders.productInvoice().from(drafts.get(0)).issue(issue("F2026-99/B")).build());
    assertThatThrownBy(() -> run(() -> {
      storage.invoices().issue(drafts.get(1), issue(""), numbering);
      throw new IllegalStateException("rolled back");
    })).hasMessage("rolled back");
    assertThat(tx(() -> storage.invoices().find(practice, drafts.get(1).id())).orElseThrow().issue()).isEmpty();
    // Wider than the padding: not cut.
    assertThat(tx(() -> storage.invoices().issue(drafts.get(2), issue(""), numbering)).issue().orElseThrow()
        .number()).isEqualTo("F2026-100/B");

    assertThat(tx(() -> storage.invoices().find(practice, drafts.get(0).id())).orElseThrow()).isEqualTo(issued);
    assertThat(tx(() -> storage.invoices().find(practice, drafts.get(2).id())).orElseThrow().issue().orElseThrow()
        .number()).isEqualTo("F2026-100/B");
    assertThat(tx(() -> storage.invoices().nextNumber(practice))).isEqualTo(101);
  }

  @Test
  void theNumberSeriesCountsPerPracticeAndARollbackGivesTheNumberBack() {
    assertThat(tx(() -> storage.invoices().nextNumber(practice))).isEqualTo(1);
    assertThat(tx(() -> storage.invoices().nextNumber(practice))).isEqualTo(2);
    assertThat(tx(() -> storage.invoices().nextNumber(otherPractice))).isEqualTo(1);

    assertThatThrownBy(() -> run(() -> {
      storage.invoices().nextNumber(practice);
      throw new IllegalStateException("rolled back");
    })).hasMessage("rolled back");

    assertThat(tx(() -> List.of(storage.invoices().nextNumber(practice), storage.invoices().nextNumber(practice))))
        .containsExactly(3L, 4L);
  }
}
