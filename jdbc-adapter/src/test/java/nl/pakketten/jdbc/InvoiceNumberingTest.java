package nl.pakketten.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.LongStream;
import nl.pakketten.Pakketten;
import nl.pakketten.catalog.CreatePackage;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.ProductCode;
import nl.pakketten.catalog.SaveProduct;
import nl.pakketten.common.Actor;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.Role;
import nl.pakketten.sale.CreateInvoice;
import nl.pakketten.sale.DraftLine;
import nl.pakketten.sale.InvoicePaymentResult;
import nl.pakketten.sale.IssueInvoice;
import nl.pakketten.sale.PaymentMethod;
import nl.pakketten.sale.PaymentReference;
import nl.pakketten.sale.RegisterInvoicePayment;
import nl.pakketten.testing.InvoicingFixtures;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The number series on a real database: 32 threads issuing invoices of one practice at once get
 * the numbers 1 to 32, each once; and 16 threads registering the same completing payment grant the
 * credits once.
 */
class InvoiceNumberingTest {
  private static final Actor OWNER = Actor.of("owner-1", Role.OWNER);
  private static final Actor DESK = Actor.of("desk-1", Role.RECEPTIONIST);
  private static final PatientId PATIENT = PatientId.of("patient-1");

  private final PracticeId practice = PracticeId.of("numbering-" + UUID.randomUUID());

  private Pakketten pakketten(Database database) {
    InvoicingFixtures.Directory directory = new InvoicingFixtures.Directory()
        .with(PATIENT, "Jan Jansen", Optional.of("jan@example.nl"), Optional.of(Locale.forLanguageTag("nl")));
    Pakketten p = Pakketten.builder().storage(JdbcStorage.create(database.dataSource()))
        .documents(new InvoicingFixtures.Documents()).patientDirectory(directory).maxAttempts(50).build();
    p.savePracticeProfile(InvoicingFixtures.profile(practice, OWNER).numberFormat("{seq}").build());
    CreditPackage basis = p.createPackage(CreatePackage.builder().practice(practice).actor(OWNER).name("Basis")
        .internalRate(Money.of(CurrencyUnit.EUR, 30)).build());
    p.saveProduct(SaveProduct.builder().practice(practice).actor(OWNER).code(ProductCode.of("P5")).name("Pakket 5")
        .unitPrice(Money.of(CurrencyUnit.EUR, 150)).packageId(basis.id()).creditsPerUnit(5).build());
    return p;
  }

  private void draft(Pakketten p, String id) {
    p.createInvoice(CreateInvoice.builder().practice(practice).actor(DESK).invoiceId(InvoiceId.of(id))
        .patient(PATIENT).addLines(DraftLine.of("P5", 1)).build());
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void concurrentIssuesNeverSkipOrRepeatANumber(Database database) {
    Pakketten p = pakketten(database);
    int threads = 32;
    for (int i = 0; i < threads; i++) {
      draft(p, "F-" + i);
    }

    List<Concurrently.Outcome<String>> outcomes = Concurrently.run(threads, i -> p.issueInvoice(
        IssueInvoice.builder().practice(practice).actor(DESK).invoiceId(InvoiceId.of("F-" + i)).build())
        .invoice().issue().orElseThrow().number());

    assertThat(outcomes).noneMatch(Concurrently.Outcome::failed);
    assertThat(outcomes.stream().map(o -> Long.parseLong(o.result())).sorted().toList())
        .isEqualTo(LongStream.rangeClosed(1, threads).boxed().toList());
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void theSameCompletingPaymentSixteenTimesAtOnceGrantsOnce(Database database) {
    Pakketten p = pakketten(database);
    draft(p, "F-1");
    p.issueInvoice(IssueInvoice.builder().practice(practice).actor(DESK).invoiceId(InvoiceId.of("F-1")).build());

    List<Concurrently.Outcome<InvoicePaymentResult>> outcomes = Concurrently.run(16, i ->
        p.registerInvoicePayment(RegisterInvoicePayment.builder().practice(practice).actor(DESK)
            .invoiceId(InvoiceId.of("F-1")).reference(PaymentReference.of("BANK-1"))
            .amount(Money.of(CurrencyUnit.EUR, 150)).paidOn(java.time.LocalDate.of(2026, 3, 3))
            .method(PaymentMethod.BANK_TRANSFER).build()));

    assertThat(outcomes).noneMatch(Concurrently.Outcome::failed);
    assertThat(outcomes).filteredOn(o -> !o.result().replay()).hasSize(1);
    assertThat(outcomes).allSatisfy(o -> assertThat(o.result().grants()).hasSize(1));
    assertThat(p.lots(practice, PATIENT)).hasSize(1);
    assertThat(p.findInvoice(practice, InvoiceId.of("F-1")).orElseThrow().payments()).hasSize(1);
  }
}
