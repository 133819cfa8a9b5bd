package nl.pakketten.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import nl.pakketten.Pakketten;
import nl.pakketten.appointments.AppointmentChanged;
import nl.pakketten.appointments.CancelAppointment;
import nl.pakketten.appointments.CancelResult;
import nl.pakketten.appointments.ScheduleAppointment;
import nl.pakketten.appointments.ScheduleResult;
import nl.pakketten.appointments.ShortfallPolicy;
import nl.pakketten.catalog.AppointmentType;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.catalog.BalanceSheetItem;
import nl.pakketten.catalog.CatalogEvents;
import nl.pakketten.catalog.CreatePackage;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.LedgerAccount;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.catalog.Product;
import nl.pakketten.catalog.ProductCode;
import nl.pakketten.catalog.SaveAppointmentType;
import nl.pakketten.catalog.SaveProduct;
import nl.pakketten.common.Actor;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.DomainEvent;
import nl.pakketten.common.ImportId;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.LotId;
import nl.pakketten.common.Page;
import nl.pakketten.common.PageRequest;
import nl.pakketten.common.PakkettenException;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.Role;
import nl.pakketten.granting.ImportCredits;
import nl.pakketten.granting.ImportResult;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.granting.LotGrant;
import nl.pakketten.granting.PaymentResult;
import nl.pakketten.granting.RegisterPayment;
import nl.pakketten.invoicing.DocumentKind;
import nl.pakketten.invoicing.MailTemplate;
import nl.pakketten.invoicing.PatientDetails;
import nl.pakketten.invoicing.PostalAddress;
import nl.pakketten.invoicing.PracticeProfile;
import nl.pakketten.invoicing.SaveMailTemplate;
import nl.pakketten.invoicing.SavePracticeProfile;
import nl.pakketten.jdbc.JdbcStorage;
import nl.pakketten.revenue.Bookkeeping;
import nl.pakketten.revenue.JournalEntry;
import nl.pakketten.revenue.LiabilityRollForward;
import nl.pakketten.revenue.Side;
import nl.pakketten.sale.CreateInvoice;
import nl.pakketten.sale.DraftLine;
import nl.pakketten.sale.InvoiceEvents;
import nl.pakketten.sale.InvoicePayment;
import nl.pakketten.sale.InvoicePaymentResult;
import nl.pakketten.sale.IssueInvoice;
import nl.pakketten.sale.PaymentMethod;
import nl.pakketten.sale.PaymentReference;
import nl.pakketten.sale.ProductInvoice;
import nl.pakketten.sale.RegisterInvoicePayment;
import nl.pakketten.sale.SendInvoice;
import nl.pakketten.spi.DocumentServices;
import nl.pakketten.spi.PatientDirectory;
import nl.pakketten.spi.Storage;
import nl.pakketten.wallet.Allocation;
import nl.pakketten.wallet.CreditEvents;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.Movement;
import nl.pakketten.wallet.PatientStatement;
import nl.pakketten.wallet.StatementLine;
import nl.pakketten.wallet.WalletStatement;
import org.flywaydb.core.Flyway;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The package story of one physiotherapy practice, end to end, printed as it happens: the owner
 * sets up a package, links a product and appointment types to it, and sets up invoicing (the
 * practice's profile and its invoice mail); the package is sold on a product invoice that is
 * created, issued and mailed, and whose registered payment grants the credits (once, however often
 * the payment arrives); credits are imported by hand, appointments spend them, a cancellation
 * gives them back, a patient runs short, and finally the balances, lots, history, journal, revenue
 * and events are shown.
 *
 * <p>Run it from the project root with {@code ./mvnw -B -q -DskipTests -pl examples -am package exec:java}.
 * The invoice mail is written as an {@code .eml} file, with its PDF beside it, into {@code
 * target/quickstart-mail/} under the working directory; with SMTP settings ({@link MailSettings})
 * it is sent by SMTP instead.
 */
public final class Quickstart {
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  static final PracticeId PRACTICE = PracticeId.of("fysio-de-linde");
  /** The practice owner (eigenaar): the only one who may set up packages. */
  static final Actor ANNA = Actor.of("anna", Role.OWNER);
  /** Front desk: registers payments and books appointments. */
  static final Actor RUBEN = Actor.of("ruben", Role.RECEPTIONIST);
  /** The payment provider's webhook, which may deliver a payment more than once. */
  static final Actor WEBHOOK = Actor.of("webhook", Role.SYSTEM);
  static final PatientId SANNE = PatientId.of("sanne");
  static final PatientId BRAM = PatientId.of("bram");
  static final PackageId RITTENKAART = PackageId.of("fysio-rittenkaart");
  /** The host's id of Sanne's product invoice; its number comes from the practice's series. */
  static final InvoiceId SANNES_INVOICE = InvoiceId.of("F-2026-0001");

  /** The host's patient records, as the invoices need them: name, e-mail, address, language. */
  private static final PatientDirectory PATIENTS = (practice, patient) -> Optional.ofNullable(Map.of(
      SANNE, new PatientDetails("Sanne de Vries", Optional.of("sanne.devries@example.com"),
          new PostalAddress("Oudegracht 101", "3511 AH", "Utrecht", "NL"), Optional.empty()),
      BRAM, new PatientDetails("Bram Jansen", Optional.of("bram.jansen@example.com"),
          new PostalAddress("Biltstraat 12", "3572 AH", "Utrecht", "NL"), Optional.of(Locale.ENGLISH)))
      .get(patient));

  private final Storage storage;
  private final String where;
  private final MailSettings mail;
  private final DocumentServices documents;
  private final PrintStream out;
  private final StoryClock clock = new StoryClock(LocalDateTime.of(2026, 3, 2, 8, 30), AMSTERDAM);
  private final List<DomainEvent> events = new ArrayList<>();
  private final Map<LotId, String> lotLabels = new HashMap<>();
  private final Pakketten pakketten;
  private int section;

  Quickstart(Storage storage, String where, MailSettings mail, PrintStream out) {
    this.storage = storage;
    this.where = where;
    this.mail = mail;
    this.documents = mail.documents();
    this.out = out;
    this.pakketten = pakketten(ShortfallPolicy.REJECT);
  }

  /**
   * Runs the story on an embedded H2 database in memory (nothing to set up, nothing left behind),
   * or on the database of the JDBC URL given as the first argument, for example {@code
   * jdbc:postgresql://localhost:5432/pakketten?user=me&password=secret}. The invoice mail goes
   * where {@link MailSettings#fromEnvironment()} says: files under {@code target/quickstart-mail/},
   * or an SMTP server.
   */
  public static void main(String[] args) {
    String url = args.length > 0 ? args[0]
        : "jdbc:h2:mem:quickstart-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
    try (HikariDataSource dataSource = dataSource(url)) {
      JdbcStorage storage = storage(dataSource);
      String where = "JDBC adapter on " + storage.database() + (args.length > 0 ? "" : ", embedded in memory");
      new Quickstart(storage, where, MailSettings.fromEnvironment(), System.out).tell();
    }
  }

  /** A connection pool, as a host would have one; HikariCP here, any {@link DataSource} will do. */
  static HikariDataSource dataSource(String jdbcUrl) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setMaximumPoolSize(4);
    config.setPoolName("quickstart");
    return new HikariDataSource(config);
  }

  /**
   * Where the data lives: the JDBC adapter over the pool. The schema comes from the migrations the
   * adapter ships in its jar; a host applies them with its own Flyway (as here), Liquibase or DBA.
   */
  static JdbcStorage storage(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource)
        .locations(JdbcStorage.migrationsFor(dataSource))
        .table("pakketten_schema_history")
        .baselineOnMigrate(true).baselineVersion("0") // a database with the host's tables: still run V1
        .load().migrate();
    return JdbcStorage.create(dataSource);
  }

  /** Built once at start-up by a host; every use case is reached from the result. */
  private Pakketten pakketten(ShortfallPolicy shortfall) {
    return Pakketten.builder()
        .storage(storage)
        .clock(clock)
        .eventPublisher(events::add)
        .shortfallPolicy(shortfall)
        // Revenue, deferred revenue, payments clearing, imports offset: used where a package names none.
        .bookkeeping(new Bookkeeping("8000", "1700", "1300", "8900"))
        // Templates, the invoice PDF and sending (pakketten-mail), and the host's patient records.
        .documents(documents)
        .patientDirectory(PATIENTS)
        .build();
  }

  void tell() {
    out.println("Pakketten quickstart: Fysiotherapie De Linde, March 2026");
    out.println("(" + where + "; times are Europe/Amsterdam)");
    setUpThePackage();
    refuseWhatIsNotAllowed();
    linkProductsAndAppointmentTypes();
    setUpInvoicing();
    sellThePackage();
    payTheInvoiceTwice();
    importCredits();
    scheduleAppointments();
    cancelAnAppointment();
    runShort();
    showBalances();
    showLots();
    showHistory();
    showJournal();
    showRevenue();
    showRollForward();
    showStatement();
    showEvents();
  }

  // --- The story -------------------------------------------------------------------------------

  private void setUpThePackage() {
    heading("Anna, the owner, sets up a package");
    CreditPackage pkg = pakketten.createPackage(CreatePackage.builder()
        .practice(PRACTICE)
        .actor(ANNA)
        .packageId(RITTENKAART)
        .name("Fysiotherapie rittenkaart")
        .internalRate(eur("38.50"))
        .ledgerAccount(LedgerAccount.of("8010"))
        .balanceSheetItem(BalanceSheetItem.of("1710"))
        .build());
    TextTable.of("package", "name", "internal rate", "ledger account", "balance-sheet item", "active")
        .row(pkg.id(), pkg.name(), pkg.internalRate() + " per credit",
            pkg.ledgerAccount().orElseThrow(), pkg.balanceSheetItem().orElseThrow(), pkg.active())
        .print(out);
  }

  private void refuseWhatIsNotAllowed() {
    heading("Not everyone may set up packages, and bad input is refused");
    say("Ruben at the front desk tries to add a 'Massage 5-rittenkaart':");
    attempt(() -> pakketten.createPackage(CreatePackage.builder()
        .practice(PRACTICE).actor(RUBEN).name("Massage 5-rittenkaart").internalRate(eur("30.00")).build()));
    say("Anna submits the form with a blank name and a negative rate:");
    attempt(() -> pakketten.createPackage(CreatePackage.builder()
        .practice(PRACTICE).actor(ANNA).name(" ").internalRate(eur("-5.00")).build()));
    say("Neither attempt changed anything: the practice has "
        + pakketten.packages(PRACTICE).size() + " package.");
  }

  private void linkProductsAndAppointmentTypes() {
    heading("Products and appointment types are linked to the package");
    say("A product sells credits (per unit); an appointment type spends them (per appointment).");
    List<Product> products = List.of(
        product("FYS10", "Fysiotherapie 10-rittenkaart", "385.00", 10),
        product("FYS3", "Fysiotherapie 3-rittenkaart (proef)", "100.00", 3));
    TextTable productTable = TextTable.of("product", "name", "unit price", "package", "credits per unit")
        .alignRight(2, 4);
    products.forEach(p -> productTable.row(p.code(), p.name(), p.unitPrice(),
        p.link().orElseThrow().packageId(), p.link().orElseThrow().creditsPerUnit()));
    productTable.print(out);
    out.println();
    List<AppointmentType> types = List.of(
        appointmentType("fysio-30", "Behandeling 30 minuten", 1),
        appointmentType("fysio-60", "Behandeling 60 minuten", 2),
        appointmentType("intake", "Intake", 0));
    TextTable typeTable = TextTable.of("appointment type", "name", "package", "credits per appointment")
        .alignRight(3);
    types.forEach(t -> typeTable.row(t.id(), t.name(),
        t.link().map(l -> l.packageId().value()).orElse("(not linked)"),
        t.link().map(l -> String.valueOf(l.creditsPerAppointment())).orElse("-")));
    typeTable.print(out);
  }

  private void setUpInvoicing() {
    heading("Anna sets up invoicing: the practice's profile and its invoice mail");
    PracticeProfile profile = pakketten.savePracticeProfile(SavePracticeProfile.builder()
        .practice(PRACTICE)
        .actor(ANNA)
        .name("Fysiotherapie De Linde")
        .address(new PostalAddress("Lindelaan 12", "3581 AB", "Utrecht", "NL"))
        .kvkNumber("12345678")
        .vatNumber("NL001234567B01")
        .iban("NL91ABNA0417164300") // checked by iban4j (pakketten-mail)
        .senderAddress("facturen@fysio-de-linde.example")
        .senderName("Fysiotherapie De Linde")
        .numberFormat("DL{yyyy}-{seq:4}")
        .paymentTermDays(14)
        .build());
    TextTable.of("practice", "KvK", "IBAN", "mails from", "numbers", "payment term")
        .row(profile.name(), profile.kvkNumber(), profile.iban().orElse("-"), profile.senderAddress(),
            profile.numberFormat(), profile.paymentTermDays() + " days")
        .print(out);
    say("She words the Dutch product-invoice mail her own way; it is checked by rendering it, then saved:");
    Locale dutch = Locale.forLanguageTag("nl");
    MailTemplate shipped = pakketten.mailTemplate(PRACTICE, DocumentKind.PRODUCT_INVOICE, dutch).orElseThrow();
    MailTemplate own = pakketten.saveMailTemplate(SaveMailTemplate.builder()
        .practice(PRACTICE)
        .actor(ANNA)
        .template(new MailTemplate(DocumentKind.PRODUCT_INVOICE, dutch,
            "Uw rittenkaart bij {{practice.name}}: factuur {{invoiceNumber}}", shipped.html(), shipped.text()))
        .build());
    out.printf("  %-15s %s (%s), subject: %s%n", "Template", own.kind(), own.language(), own.subject());
  }

  private void sellThePackage() {
    heading("The sale: a product invoice, created, issued and sent");
    clock.set(LocalDateTime.of(2026, 3, 2, 10, 0));
    say("Sanne buys the 10-rittenkaart. Ruben makes a product invoice with one line, 1 x FYS10:");
    ProductInvoice draft = pakketten.createInvoice(CreateInvoice.builder()
        .practice(PRACTICE)
        .actor(RUBEN)
        .invoiceId(SANNES_INVOICE)
        .patient(SANNE)
        .addLines(DraftLine.of("FYS10", 1)) // description, price and VAT come from the product
        .build()).invoice();
    ProductInvoice.Line line = draft.lines().get(0);
    out.printf("  %-15s %s for %s: %d x %s %s, %s, VAT %s%n", "Draft", draft.id(), draft.patient(),
        line.quantity(), line.productCode(), line.description(), line.amount(), line.vatRate());
    say("He issues it: it takes the next number of the practice's series and never changes again:");
    ProductInvoice issued = pakketten.issueInvoice(IssueInvoice.builder()
        .practice(PRACTICE).actor(RUBEN).invoiceId(SANNES_INVOICE).build()).invoice();
    ProductInvoice.Issue issue = issued.issue().orElseThrow();
    out.printf("  %-15s invoice %s, dated %s, due %s, total %s%n", "Issued", issue.number(), issue.issueDate(),
        issue.dueDate(), issued.total());
    say("and sends it: the practice's mail in Sanne's language, with the invoice as a PDF attached:");
    ProductInvoice sent = pakketten.sendInvoice(SendInvoice.builder()
        .practice(PRACTICE).actor(RUBEN).invoiceId(SANNES_INVOICE).build()).invoice();
    out.printf("  %-15s the mail with %s to %s (the invoice is %s)%n", "Queued", issue.number(),
        issue.customer().email(), sent.state());
    // The mail waits in the outbox, stored with the invoice's mark; a dispatcher delivers it. A host
    // runs one on its scheduler or with pakketten.startOutboxDispatcher(...); here one round does.
    pakketten.dispatchOutbox();
    mail.report(issue.number(), issue.customer().email(), out);
  }

  private void payTheInvoiceTwice() {
    heading("The registered payment grants the credits, once");
    clock.set(LocalDateTime.of(2026, 3, 2, 10, 15));
    RegisterInvoicePayment payment = RegisterInvoicePayment.builder()
        .practice(PRACTICE)
        .actor(RUBEN)
        .invoiceId(SANNES_INVOICE)
        .reference(PaymentReference.of("IDEAL-7731"))
        .amount(eur("385.00"))
        .paidOn(LocalDate.of(2026, 3, 2))
        .method(PaymentMethod.ONLINE)
        .build();
    say("Sanne pays EUR 385.00 with iDEAL; Ruben registers the payment of the invoice:");
    printInvoicePayment(pakketten.registerInvoicePayment(payment));
    clock.set(LocalDateTime.of(2026, 3, 2, 10, 16));
    say("A minute later the payment provider's webhook delivers the same payment again:");
    printInvoicePayment(pakketten.registerInvoicePayment(
        RegisterInvoicePayment.builder().from(payment).actor(WEBHOOK).build()));
    say("Sanne's balance: " + balance(SANNE) + " credits. The credits were granted once.");
  }

  private void printInvoicePayment(InvoicePaymentResult result) {
    InvoicePayment payment = result.payment();
    String number = result.invoice().issue().orElseThrow().number();
    out.printf("  %-15s %s on %s (%s, %s): invoice %s %s%s%n", "Paid", payment.amount(), payment.paidOn(),
        payment.method(), payment.reference(), number, result.invoice().state(),
        result.replay() ? " (replay; registered once)" : "");
    String lots = result.grants().stream()
        .map(g -> "lot " + label(g.lotId()) + " (" + g.deferredValue() + " deferred)")
        .collect(Collectors.joining(", "));
    int credits = result.grants().stream().mapToInt(LotGrant::credits).sum();
    out.printf("  %-15s %d credits in %s%s%n", result.replay() ? "AlreadyGranted" : "Granted", credits, lots,
        result.replay() ? "; nothing new granted" : "");
  }

  private void importCredits() {
    heading("Credits imported by hand, with a reason");
    clock.set(LocalDateTime.of(2026, 3, 2, 11, 0));
    say("Sanne still had 2 credits in the practice's previous system. Anna imports them:");
    ImportResult result = pakketten.importCredits(ImportCredits.builder()
        .practice(PRACTICE)
        .actor(ANNA)
        .importId(ImportId.of("IMP-2026-0007"))
        .patient(SANNE)
        .packageId(RITTENKAART)
        .credits(2)
        .internalRate(eur("35.00"))
        .reason("Unused credits carried over from the previous system")
        .expiresOn(LocalDate.of(2026, 6, 30))
        .build());
    LotGrant grant = result.grant();
    out.printf("  %-15s %d credits in lot %s at %s per credit, %s deferred, expires 2026-06-30%n",
        result.getClass().getSimpleName(), grant.credits(), label(grant.lotId()), grant.ratePerCredit(),
        grant.deferredValue());
    say("Sanne's balance: " + balance(SANNE) + " credits.");
  }

  private void scheduleAppointments() {
    heading("Scheduling appointments spends credits");
    clock.set(LocalDateTime.of(2026, 3, 2, 11, 30));
    say("Ruben books Sanne's appointments. Credits are spent when an appointment is scheduled,");
    say("from the lot that expires first (the imported one), then from the oldest lot:");
    TextTable table = appointmentTable();
    schedule(pakketten, table, "A-1000", SANNE, "intake", LocalDateTime.of(2026, 3, 3, 9, 0));
    schedule(pakketten, table, "A-1001", SANNE, "fysio-30", LocalDateTime.of(2026, 3, 5, 9, 0));
    schedule(pakketten, table, "A-1002", SANNE, "fysio-60", LocalDateTime.of(2026, 3, 10, 9, 0));
    schedule(pakketten, table, "A-1003", SANNE, "fysio-30", LocalDateTime.of(2026, 3, 12, 9, 0));
    table.print(out);
    say("Sanne's balance: " + balance(SANNE) + " credits.");
  }

  private void cancelAnAppointment() {
    heading("A cancellation gives the credits back to the lots they came from");
    clock.set(LocalDateTime.of(2026, 3, 4, 16, 45));
    say("Sanne calls in sick for A-1002 (the 60-minute treatment that took 2 credits):");
    CancelAppointment cancel = CancelAppointment.builder()
        .practice(PRACTICE)
        .actor(RUBEN)
        .appointmentId(AppointmentId.of("A-1002"))
        .reason("Sanne called in sick")
        .build();
    printCancel(pakketten.cancel(cancel));
    say("The agenda delivers the cancellation again; the replay answers as the first did:");
    printCancel(pakketten.cancel(cancel));
    say("Sanne's balance: " + balance(SANNE) + " credits. (No late-cancellation policy is set, so even a");
    say("cancellation on the day itself would give them back.)");
  }

  private void printCancel(CancelResult result) {
    String detail = result instanceof CancelResult.GivenBack given
        ? given.credits() + " credits back to " + allocations(given.allocations())
        : result.toString();
    String note = result.replay() ? " (replay; nothing given back now)" : "";
    out.printf("  %-15s %s%s%n", result.getClass().getSimpleName(), detail, note);
  }

  private void runShort() {
    heading("A patient runs short of credits");
    clock.set(LocalDateTime.of(2026, 3, 4, 17, 0));
    say("Bram pays invoice F-2026-0002 (1 x FYS3, the 3-credit trial card, EUR 100.00), made in the");
    say("practice's old system: Ruben registers the payment with its lines (the host-invoice path):");
    printPayment(pakketten.registerPayment(
        invoice("F-2026-0002", BRAM, InvoiceLine.of("FYS3", 1, eur("100.00")))));
    say("He books three treatments. The internal rate books EUR 38.50 per credit, but the card cost");
    say("EUR 100.00: the last credit takes what is left, so the lot's revenue adds up to EUR 100.00.");
    TextTable table = appointmentTable();
    schedule(pakketten, table, "B-2001", BRAM, "fysio-30", LocalDateTime.of(2026, 3, 6, 14, 0));
    schedule(pakketten, table, "B-2002", BRAM, "fysio-30", LocalDateTime.of(2026, 3, 13, 14, 0));
    schedule(pakketten, table, "B-2003", BRAM, "fysio-30", LocalDateTime.of(2026, 3, 20, 14, 0));
    table.print(out);
    say("A fourth booking, under the default ShortfallPolicy.REJECT:");
    attempt(() -> pakketten.schedule(scheduleCommand("B-2004", BRAM, "fysio-30",
        LocalDateTime.of(2026, 3, 27, 14, 0))));
    say("The same booking through a Pakketten built over the same storage with");
    say("ShortfallPolicy.ALLOW_UNCOVERED: it is recorded, takes no credits, and the host bills it as usual:");
    TextTable uncovered = appointmentTable();
    schedule(pakketten(ShortfallPolicy.ALLOW_UNCOVERED), uncovered, "B-2004", BRAM, "fysio-30",
        LocalDateTime.of(2026, 3, 27, 14, 0));
    uncovered.print(out);
  }

  // --- What the practice can read back ----------------------------------------------------------

  private void showBalances() {
    heading("Balances");
    TextTable table = TextTable.of("patient", "package", "balance").alignRight(2);
    for (PatientId patient : List.of(SANNE, BRAM)) {
      table.row(patient, RITTENKAART, pakketten.balance(PRACTICE, patient, RITTENKAART));
    }
    table.print(out);
  }

  private void showLots() {
    heading("Lots: where each patient's credits came from");
    TextTable table = TextTable.of("lot", "patient", "source", "granted", "remaining", "rate per credit",
        "deferred value", "recognised", "expires", "granted by").alignRight(3, 4, 5, 6, 7);
    for (PatientId patient : List.of(SANNE, BRAM)) {
      for (Lot lot : pakketten.lots(PRACTICE, patient)) {
        table.row(label(lot.id()), patient, lot.source().key(), lot.creditsGranted(),
            lot.creditsRemaining(), lot.ratePerCredit(), lot.deferredValue(), lot.recognisedRevenue(),
            lot.expiresOn().map(LocalDate::toString).orElse("-"), lot.grantedBy());
      }
    }
    table.print(out);
  }

  private void showHistory() {
    heading("History: every movement, who did it and why");
    for (PatientId patient : List.of(SANNE, BRAM)) {
      say("Patient " + patient + ":");
      TextTable table = TextTable.of("when", "what", "credits", "lot", "who", "why", "source key").alignRight(2);
      // The history comes in pages (500 movements by default): follow next() until it is empty.
      Optional<PageRequest> request = Optional.of(PageRequest.first());
      while (request.isPresent()) {
        Page<Movement> page = pakketten.history(PRACTICE, patient, request.get());
        for (Movement m : page.items()) {
          table.row(when(m.at()), m.kind(), signed(m), label(m.lotId()), m.actor(), m.reason(),
              m.sourceKey());
        }
        request = page.next();
      }
      table.print(out);
    }
  }

  private void showJournal() {
    heading("Journal: one balanced entry per movement that moves money");
    TextTable table = TextTable.of("when", "entry", "debit", "credit", "amount", "source key").alignRight(4);
    Optional<PageRequest> request = Optional.of(PageRequest.first());
    while (request.isPresent()) {
      Page<JournalEntry> page = pakketten.journal(PRACTICE, monthStart(), monthEnd(), request.get());
      for (JournalEntry entry : page.items()) {
        table.row(when(entry.at()), entry.description(), account(entry, Side.DEBIT), account(entry, Side.CREDIT),
            entry.total(), entry.sourceKey());
      }
      request = page.next();
    }
    table.print(out);
  }

  private void showRevenue() {
    heading("Revenue per ledger account, and what is still deferred");
    TextTable revenue = TextTable.of("ledger account", "revenue March 2026").alignRight(1);
    pakketten.revenueByLedgerAccount(PRACTICE, monthStart(), monthEnd()).forEach(revenue::row);
    revenue.print(out);
    out.println();
    TextTable deferred = TextTable.of("package", "deferred on 2026-04-01").alignRight(1);
    pakketten.deferredByPackage(PRACTICE, monthEnd()).forEach(deferred::row);
    deferred.print(out);
  }

  private void showRollForward() {
    heading("Liability roll-forward, March 2026: what the practice owes in prepaid care, and why it moved");
    LiabilityRollForward rollForward = pakketten.liabilityRollForward(PRACTICE, monthStart(), monthEnd());
    List<LiabilityRollForward.Line> lines = rollForward.totals();
    List<String> headers = new ArrayList<>(List.of("March 2026"));
    lines.forEach(line -> headers.add("item " + line.item().value()));
    TextTable table = TextTable.of(headers.toArray(String[]::new))
        .alignRight(java.util.stream.IntStream.rangeClosed(1, lines.size()).toArray());
    column(table, "opening", lines, LiabilityRollForward.Line::opening);
    column(table, "sold", lines, LiabilityRollForward.Line::sold);
    column(table, "imported", lines, LiabilityRollForward.Line::imported);
    column(table, "recognised", lines, LiabilityRollForward.Line::recognised);
    column(table, "given back", lines, LiabilityRollForward.Line::givenBack);
    column(table, "expired", lines, LiabilityRollForward.Line::expired);
    column(table, "refunded", lines, LiabilityRollForward.Line::refunded);
    column(table, "reversed", lines, LiabilityRollForward.Line::reversed);
    column(table, "transferred in", lines, LiabilityRollForward.Line::transferredIn);
    column(table, "transferred out", lines, LiabilityRollForward.Line::transferredOut);
    column(table, "closing", lines, LiabilityRollForward.Line::closing);
    table.print(out);
    for (LiabilityRollForward.Line line : lines) {
      Money journal = pakketten.deferredByPackage(PRACTICE, monthEnd()).values().stream()
          .reduce(Money::plus).orElse(Money.zero(line.currency()));
      say("Item " + line.item().value() + ": opening " + line.opening() + " + movements " + line.movements()
          + " = closing " + line.closing() + "; the journal's deferred balance on 2026-04-01 is " + journal + ".");
    }
  }

  private static void column(TextTable table, String name, List<LiabilityRollForward.Line> lines,
      java.util.function.Function<LiabilityRollForward.Line, Money> amount) {
    List<Object> row = new ArrayList<>(List.of(name));
    lines.forEach(line -> row.add(amount.apply(line)));
    table.row(row.toArray());
  }

  private void showStatement() {
    heading("Sanne's statement for March 2026, with a running balance");
    PatientStatement statement = pakketten.patientStatement(PRACTICE, SANNE, monthStart(), monthEnd());
    for (WalletStatement wallet : statement.packages()) {
      say("Package " + wallet.packageId().value() + ": opening " + wallet.opening().credits() + " credits, "
          + wallet.opening().value());
      TextTable table = TextTable.of("when", "what", "credits", "value", "balance", "worth").alignRight(2, 3, 4, 5);
      for (StatementLine line : wallet.lines()) {
        int credits = line.creditsIn() - line.creditsOut();
        Money value = line.valueIn().minus(line.valueOut());
        table.row(when(line.at()), line.kind(), (credits > 0 ? "+" : "") + credits, value,
            line.balance().credits(), line.balance().value());
      }
      table.print(out);
      say("Closing: " + wallet.closing().credits() + " credits worth " + wallet.closing().value()
          + "; balance() says " + pakketten.balance(PRACTICE, SANNE, wallet.packageId()) + ".");
    }
  }

  private void showEvents() {
    heading("Events the host received");
    TextTable table = TextTable.of("when", "event", "by", "about");
    for (DomainEvent event : events) {
      table.row(when(event.at()), event.getClass().getSimpleName(), event.actor(), about(event));
    }
    table.print(out);
    say("The refused attempts, the replays (of the payment and of the cancellation) and the rejected");
    say("booking published nothing.");
  }

  // --- Small helpers ------------------------------------------------------------------------------

  private Product product(String code, String name, String unitPrice, int creditsPerUnit) {
    return pakketten.saveProduct(SaveProduct.builder()
        .practice(PRACTICE)
        .actor(ANNA)
        .code(ProductCode.of(code))
        .name(name)
        .unitPrice(eur(unitPrice))
        .packageId(RITTENKAART)
        .creditsPerUnit(creditsPerUnit)
        .build());
  }

  /** An appointment type; linked to the package unless {@code credits} is 0. */
  private AppointmentType appointmentType(String id, String name, int credits) {
    SaveAppointmentType.Builder command = SaveAppointmentType.builder()
        .practice(PRACTICE)
        .actor(ANNA)
        .id(AppointmentTypeId.of(id))
        .name(name);
    if (credits > 0) {
      command.packageId(RITTENKAART).creditsPerAppointment(credits);
    }
    return pakketten.saveAppointmentType(command.build());
  }

  private static RegisterPayment invoice(String invoiceId, PatientId patient, InvoiceLine line) {
    return RegisterPayment.builder()
        .practice(PRACTICE)
        .actor(RUBEN)
        .invoiceId(InvoiceId.of(invoiceId))
        .patient(patient)
        .addLines(line)
        .build();
  }

  private void printPayment(PaymentResult result) {
    String lots = result.grants().stream()
        .map(g -> "lot " + label(g.lotId()) + " (" + g.deferredValue() + " deferred)")
        .collect(Collectors.joining(", "));
    String note = result instanceof PaymentResult.AlreadyGranted ? "; nothing new granted" : "";
    out.printf("  %-15s %d credits in %s%s%n", result.getClass().getSimpleName(), result.credits(), lots, note);
  }

  private static ScheduleAppointment scheduleCommand(String id, PatientId patient, String type,
      LocalDateTime start) {
    return ScheduleAppointment.builder()
        .practice(PRACTICE)
        .actor(RUBEN)
        .appointmentId(AppointmentId.of(id))
        .patient(patient)
        .typeId(AppointmentTypeId.of(type))
        .start(start.atZone(AMSTERDAM).toInstant())
        .build();
  }

  private static TextTable appointmentTable() {
    return TextTable.of("appointment", "patient", "type", "starts", "result", "credits", "taken from", "revenue")
        .alignRight(5, 7);
  }

  private void schedule(Pakketten using, TextTable table, String id, PatientId patient, String type,
      LocalDateTime start) {
    ScheduleResult result = using.schedule(scheduleCommand(id, patient, type, start));
    String credits = "-";
    String from = "-";
    String revenue = "-";
    if (result instanceof ScheduleResult.Covered covered) {
      credits = String.valueOf(covered.credits());
      from = allocations(covered.allocations());
      revenue = covered.allocations().stream().map(Allocation::revenue).reduce(Money::plus).orElseThrow()
          .toString();
    } else if (result instanceof ScheduleResult.Uncovered uncovered) {
      credits = "0 of " + uncovered.cost();
    }
    table.row(id, patient, type, WHEN.format(start), result.getClass().getSimpleName(), credits, from, revenue);
  }

  private void attempt(Runnable call) {
    try {
      call.run();
      out.println("  (unexpectedly allowed)");
    } catch (PakkettenException e) {
      out.println("  refused with " + e.getClass().getSimpleName() + ":");
      out.println("    " + e.getMessage());
    }
  }

  private int balance(PatientId patient) {
    return pakketten.balance(PRACTICE, patient, RITTENKAART);
  }

  private String allocations(List<Allocation> allocations) {
    return allocations.stream().map(a -> label(a.lotId()) + " (" + a.credits() + ")")
        .collect(Collectors.joining(", "));
  }

  /** Short names for lots (L1, L2, ...) in the order the story first meets them. */
  private String label(LotId lot) {
    return lotLabels.computeIfAbsent(lot, l -> "L" + (lotLabels.size() + 1));
  }

  private static String signed(Movement m) {
    int sign = m.kind().sign();
    return sign > 0 ? "+" + m.credits() : sign < 0 ? "-" + m.credits() : m.credits() + " kept";
  }

  private static String account(JournalEntry entry, Side side) {
    return entry.lines().stream().filter(l -> l.side() == side)
        .map(l -> l.account() + " " + l.role().name().toLowerCase().replace('_', ' '))
        .collect(Collectors.joining(", "));
  }

  private String about(DomainEvent event) {
    if (event instanceof CreditEvents.CreditEvent credit) {
      Movement m = credit.movement();
      return m.patient() + ": " + signed(m) + (m.credits() == 1 ? " credit" : " credits") + ", lot "
          + label(m.lotId()) + " (" + m.sourceKey() + ")";
    }
    if (event instanceof AppointmentChanged changed) {
      var a = changed.appointment();
      return a.id() + " of " + a.patient() + ": " + a.status() + ", " + a.coverage()
          + a.cancelOutcome().map(o -> ", " + o).orElse("");
    }
    if (event instanceof InvoiceEvents.InvoiceIssued issued) {
      return issued.invoiceId() + " as " + issued.number() + ", " + issued.total();
    }
    if (event instanceof InvoiceEvents.InvoiceSent sent) {
      return sent.invoiceId() + " (" + sent.number() + ") mailed";
    }
    if (event instanceof InvoiceEvents.PaymentRegistered paid) {
      return paid.invoiceId() + ": " + paid.payment().amount() + " (" + paid.payment().reference() + ")";
    }
    if (event instanceof InvoiceEvents.InvoicePaid paid) {
      return paid.invoiceId() + " paid in full, " + paid.grants().stream().mapToInt(LotGrant::credits).sum()
          + " credits granted";
    }
    if (event instanceof CatalogEvents.PackageCreated created) {
      return created.pkg().name() + " at " + created.pkg().internalRate() + " per credit";
    }
    if (event instanceof CatalogEvents.ProductSaved saved) {
      return saved.after().code() + " sells " + saved.after().link().map(l -> l.creditsPerUnit() + " credits")
          .orElse("no credits");
    }
    if (event instanceof CatalogEvents.AppointmentTypeSaved saved) {
      return saved.after().id() + " spends " + saved.after().link()
          .map(l -> l.creditsPerAppointment() + " credit" + (l.creditsPerAppointment() == 1 ? "" : "s"))
          .orElse("no credits");
    }
    return event.toString();
  }

  private void heading(String title) {
    String text = ++section + ". " + title;
    out.println();
    out.println(text);
    out.println("=".repeat(text.length()));
  }

  private void say(String text) {
    out.println(text);
  }

  private static String when(Instant instant) {
    return WHEN.format(instant.atZone(AMSTERDAM));
  }

  private static Instant monthStart() {
    return LocalDate.of(2026, 3, 1).atStartOfDay(AMSTERDAM).toInstant();
  }

  private static Instant monthEnd() {
    return LocalDate.of(2026, 4, 1).atStartOfDay(AMSTERDAM).toInstant();
  }

  private static Money eur(String amount) {
    return Money.of(CurrencyUnit.EUR, new BigDecimal(amount));
  }
}
