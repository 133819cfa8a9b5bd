package nl.pakketten.benchmarks;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import nl.pakketten.Pakketten;
import nl.pakketten.catalog.ProductCode;
import nl.pakketten.catalog.SaveProduct;
import nl.pakketten.common.Actor;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.Role;
import nl.pakketten.invoicing.PatientDetails;
import nl.pakketten.invoicing.PostalAddress;
import nl.pakketten.invoicing.SavePracticeProfile;
import nl.pakketten.invoicing.VatRate;
import nl.pakketten.jdbc.JdbcStorage;
import nl.pakketten.sale.CreateInvoice;
import nl.pakketten.sale.DraftLine;
import nl.pakketten.sale.IssueInvoice;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * B6: invoices issued in one practice. One operation is a sale at the desk: create a draft for a
 * patient (its own transaction, touching no shared row) and issue it (the transaction that takes
 * the next number of the practice's one gapless series, a counter row updated with
 * {@code UPDATE ... RETURNING}, and stores the issued invoice). Every client's issue waits for that
 * one row, so the ceiling is {@link HotRowBaseline}.
 */
final class InvoiceWorkload {
  private static final PracticeId PRACTICE = PracticeId.of("bench-invoicing");
  private static final Actor OWNER = Actor.of("bench-owner", Role.OWNER);
  private static final Actor DESK = Actor.of("bench-desk", Role.RECEPTIONIST);
  private static final String PRODUCT = "TREATMENT";
  private static final PostalAddress ADDRESS = new PostalAddress("Laan 5", "3500 AA", "Utrecht", "NL");
  private static final int PATIENTS = 1000;

  /** Sales made before the statistics are taken, so the invoice tables are not planned as empty. */
  private static final int HISTORY = 2000;

  private final DataSource dataSource;
  private final Pakketten sdk;
  private final String run = Long.toString(System.nanoTime(), 36);
  private volatile int perClient;

  InvoiceWorkload(DataSource dataSource) {
    this.dataSource = dataSource;
    // Every patient is known to the host's directory: a fixed name and address, no lookup cost.
    PatientDetails details = new PatientDetails("Jan Jansen", Optional.of("jan@example.nl"), ADDRESS,
        Optional.of(Locale.forLanguageTag("nl")));
    this.sdk = Pakketten.builder().storage(JdbcStorage.create(dataSource)).maxAttempts(20)
        .patientDirectory((practice, patient) -> Optional.of(details)).build();
  }

  /**
   * The practice's profile (without an IBAN, which needs no {@code DocumentServices} to check), one
   * product at 21 % VAT, and a history of {@value #HISTORY} issued invoices; then {@code VACUUM
   * ANALYZE}, so PostgreSQL plans the invoice, line and counter statements for tables holding what a
   * practice that has run for a while holds, not for the empty tables it saw at creation (see
   * {@link SdkWorkload#analyze}).
   */
  void load() throws Exception {
    sdk.savePracticeProfile(SavePracticeProfile.builder().practice(PRACTICE).actor(OWNER).name("Fysio Benchmark")
        .address(new PostalAddress("Dorpsstraat 1", "1234 AB", "Utrecht", "NL")).kvkNumber("12345678")
        .vatNumber("NL001234567B01").iban(Optional.empty()).senderAddress("facturen@fysio.example")
        .senderName("Fysio Benchmark").numberFormat("F{yyyy}-{seq:6}").build());
    sdk.saveProduct(SaveProduct.builder().practice(PRACTICE).actor(OWNER).code(ProductCode.of(PRODUCT))
        .name("Behandeling").description("Fysiotherapie, 30 minuten")
        .unitPrice(Money.of(CurrencyUnit.EUR, 45)).vatRate(VatRate.GENERAL).build());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int first = t;
        done.add(pool.submit(() -> {
          for (int i = first; i < HISTORY; i += 4) {
            InvoiceId id = InvoiceId.of("history-" + run + "-" + i);
            create(id, i % 8, i);
            issue(id);
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      s.execute("VACUUM ANALYZE");
    }
  }

  /** B6: one draft created and issued; the issue takes the practice's next number. */
  void sale(int client, long n) {
    InvoiceId id = InvoiceId.of("inv-" + run + "-" + client + "-" + n);
    create(id, client, n);
    issue(id);
  }

  /**
   * For the issue-only figure beside B6: {@code perClient} drafts for each of {@code clients}
   * clients, created before the measured window (on 4 threads).
   */
  void prepareDrafts(int clients, int perClient) throws Exception {
    this.perClient = perClient;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int first = t;
        done.add(pool.submit(() -> {
          for (int i = first; i < clients * perClient; i += 4) {
            create(prepared(i / perClient, i % perClient), i / perClient, i % perClient);
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Issue-only: issues the client's next prepared draft. A client that has used them all idles
   * (50 ms, then an error, so the run notes it) instead of spinning on the cores the others use;
   * its rate is then a lower bound.
   */
  void issuePrepared(int client, long n) throws InterruptedException {
    if (n >= perClient) {
      Thread.sleep(50);
      throw new IllegalStateException("client " + client + " has issued all its " + perClient + " prepared drafts");
    }
    issue(prepared(client, n));
  }

  private InvoiceId prepared(int client, long n) {
    return InvoiceId.of("pre-" + run + "-" + client + "-" + n);
  }

  private void create(InvoiceId id, int client, long n) {
    sdk.createInvoice(CreateInvoice.builder().practice(PRACTICE).actor(DESK).invoiceId(id)
        .patient(PatientId.of("patient-" + (int) ((client * 7919L + n) % PATIENTS)))
        .addLines(DraftLine.of(PRODUCT, 1)).build());
  }

  private void issue(InvoiceId id) {
    sdk.issueInvoice(IssueInvoice.builder().practice(PRACTICE).actor(DESK).invoiceId(id).build());
  }
}
