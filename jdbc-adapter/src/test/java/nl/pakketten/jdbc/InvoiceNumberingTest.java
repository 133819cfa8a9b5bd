package nl.pakketten.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * the numbers 1 to 32, each once; an issue failing at any step, its commit included, gives its
 * number back; 16 threads registering the same completing payment grant the credits once; and
 * refunds issuing credit notes concurrently with issues share the series without gaps.
 */
class InvoiceNumberingTest {
  private static final Actor OWNER = Actor.of("owner-1", Role.OWNER);
  private static final Actor DESK = Actor.of("desk-1", Role.RECEPTIONIST);
  private static final PatientId PATIENT = PatientId.of("patient-1");

  private final PracticeId practice = PracticeId.of("numbering-" + UUID.randomUUID());

  private Pakketten pakketten(Database database) {
    return pakketten(database.dataSource());
  }

  private Pakketten pakketten(javax.sql.DataSource dataSource) {
    InvoicingFixtures.Directory directory = new InvoicingFixtures.Directory()
        .with(PATIENT, "Jan Jansen", Optional.of("jan@example.nl"), Optional.of(Locale.forLanguageTag("nl")));
    Pakketten p = Pakketten.builder().storage(JdbcStorage.create(dataSource))
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

  /**
   * The number is taken in the issue's last statement before the commit (on PostgreSQL in the
   * statement that stores the issue): a fault at any step, the commit included, must give it back.
   * A refused step fails the call and the caller's second try takes the same number; a conflict
   * (40001, the database rolled back) is retried by the core and takes the same number; so does a
   * commit the database rolled back after the number was taken.
   */
  @ParameterizedTest
  @EnumSource(Database.class)
  void anIssueFailingAtAnyStepCommitIncludedGivesItsNumberBack(Database database) {
    FaultyDataSource faulty = new FaultyDataSource(database.dataSource());
    Pakketten p = pakketten(faulty);
    draft(p, "F-first");
    assertThat(issue(p, "F-first")).isEqualTo("1"); // the practice's first number inserts its counter row
    draft(p, "F-probe");
    faulty.disarm();
    assertThat(issue(p, "F-probe")).isEqualTo("2");
    int steps = faulty.steps();
    // PostgreSQL: the draft's head, lines and payments in one round trip, the profile, one statement
    // taking the number and storing the issue, the commit. H2: the draft's three reads on their own,
    // and the number and the issue's update as three statements.
    assertThat(steps).isEqualTo(database == Database.POSTGRESQL ? 4 : 8);

    long expected = 3;
    for (int n = 1; n <= steps; n++) {
      for (String sqlState : n < steps ? List.of("XX000", "40001") : List.of("40001")) {
        String id = "F-" + n + "-" + sqlState;
        draft(p, id);
        faulty.failAt(n, sqlState);
        if (sqlState.equals("XX000")) {
          assertThatThrownBy(() -> issue(p, id)).as("refused at step %d", n)
              .isInstanceOf(nl.pakketten.storage.StorageException.class);
          assertThat(p.findInvoice(practice, InvoiceId.of(id)).orElseThrow().issue()).isEmpty();
          faulty.disarm();
        }
        assertThat(issue(p, id)).as("number after a fault (%s) at step %d", sqlState, n)
            .isEqualTo(Long.toString(expected++));
        faulty.disarm();
      }
    }
  }

  private String issue(Pakketten p, String id) {
    return p.issueInvoice(IssueInvoice.builder().practice(practice).actor(DESK).invoiceId(InvoiceId.of(id)).build())
        .invoice().issue().orElseThrow().number();
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

  /**
   * Refunds of credits of SDK invoices take their credit notes' numbers from the same counter as
   * issues: 16 refunds of 16 different lots and 16 issues at once get the next 32 numbers, each
   * once, the refunds' credit notes among them.
   */
  @ParameterizedTest
  @EnumSource(Database.class)
  void concurrentRefundsAndIssuesTakeDistinctNumbersWithoutGaps(Database database) {
    Pakketten p = pakketten(database);
    int each = 16;
    List<nl.pakketten.granting.LotGrant> lots = new java.util.ArrayList<>();
    for (int i = 0; i < each; i++) {
      draft(p, "PAID-" + i);
      p.issueInvoice(IssueInvoice.builder().practice(practice).actor(DESK).invoiceId(InvoiceId.of("PAID-" + i))
          .build());
      lots.add(p.registerInvoicePayment(RegisterInvoicePayment.builder().practice(practice).actor(DESK)
          .invoiceId(InvoiceId.of("PAID-" + i)).reference(PaymentReference.of("BANK-" + i))
          .amount(Money.of(CurrencyUnit.EUR, 150)).paidOn(java.time.LocalDate.of(2026, 3, 3))
          .method(PaymentMethod.BANK_TRANSFER).build()).grants().get(0));
      draft(p, "NEW-" + i);
    }

    List<Concurrently.Outcome<String>> outcomes = Concurrently.run(2 * each, i -> i < each
        ? p.refundCredits(nl.pakketten.wallet.RefundCredits.builder().practice(practice).actor(OWNER)
            .refundId(nl.pakketten.wallet.RefundId.of("R-" + i)).patient(PATIENT).packageId(lots.get(i).packageId())
            .lot(lots.get(i).lotId()).credits(2).reason("moved away").build()).creditNotes().get(0).number()
        : p.issueInvoice(IssueInvoice.builder().practice(practice).actor(DESK)
            .invoiceId(InvoiceId.of("NEW-" + (i - each))).build()).invoice().issue().orElseThrow().number());

    assertThat(outcomes).noneMatch(Concurrently.Outcome::failed);
    assertThat(outcomes.stream().map(o -> Long.parseLong(o.result())).sorted().toList())
        .isEqualTo(LongStream.rangeClosed(each + 1, 3L * each).boxed().toList());
    for (int i = 0; i < each; i++) {
      assertThat(p.creditNotes(practice, InvoiceId.of("PAID-" + i))).singleElement()
          .satisfies(n -> assertThat(n.lines()).singleElement().satisfies(l -> assertThat(l.credits()).isEqualTo(2)));
    }
  }
}
