package nl.pakketten.export;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.pakketten.Pakketten;
import nl.pakketten.appointments.CancelAppointment;
import nl.pakketten.appointments.ScheduleAppointment;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.catalog.BalanceSheetItem;
import nl.pakketten.catalog.CreatePackage;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.LedgerAccount;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.catalog.ProductCode;
import nl.pakketten.catalog.SaveAppointmentType;
import nl.pakketten.catalog.SaveProduct;
import nl.pakketten.common.Actor;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.ImportId;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.PageRequest;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.Role;
import nl.pakketten.granting.ImportCredits;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.granting.RegisterPayment;
import nl.pakketten.inmemory.InMemoryStorage;
import nl.pakketten.invoicing.PostalAddress;
import nl.pakketten.invoicing.SavePracticeProfile;
import nl.pakketten.revenue.JournalEntry;
import nl.pakketten.spi.Storage;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/** A practice with a profile and a few months of sales, imports and appointments, over any storage. */
final class ExportFixtures {
  static final PracticeId PRACTICE = PracticeId.of("practice-export");
  static final Actor OWNER = Actor.of("owner-1", Role.OWNER);
  static final Actor BOOKKEEPER = Actor.of("books-1", Role.BOOKKEEPER);
  static final Actor RECEPTIONIST = Actor.of("desk-1", Role.RECEPTIONIST);
  static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
  static final Instant YEAR_START = Instant.parse("2025-12-31T23:00:00Z"); // 2026-01-01 in Amsterdam
  static final Instant YEAR_END = Instant.parse("2026-12-31T23:00:00Z");

  final Storage storage;
  final SteppingClock clock = new SteppingClock(START);
  final Pakketten pakketten;

  ExportFixtures() {
    this(InMemoryStorage.create());
  }

  ExportFixtures(Storage storage) {
    this.storage = storage;
    this.pakketten = Pakketten.builder().storage(storage).clock(clock).build();
  }

  static Money eur(String amount) {
    return Money.of(CurrencyUnit.EUR, new BigDecimal(amount));
  }

  /** Saves the practice's profile (no IBAN: no document services are configured). */
  ExportFixtures withProfile() {
    pakketten.savePracticeProfile(SavePracticeProfile.builder().practice(PRACTICE).actor(OWNER)
        .name("Fysio Utrecht & Partners").address(new PostalAddress("Dorpsstraat 1", "1234 AB", "Utrecht", "NL"))
        .kvkNumber("12345678").vatNumber("NL001234567B01").senderAddress("facturen@fysio.example")
        .senderName("Fysio Utrecht").numberFormat("F{yyyy}-{seq:4}").build());
    return this;
  }

  /**
   * Two packages on their own accounts, sales to {@code patients} patients, an import, appointments
   * spread over three months and one cancellation: every kind of journal entry but expiry.
   */
  ExportFixtures withJournal(int patients) {
    CreditPackage basis = pakketten.createPackage(CreatePackage.builder().practice(PRACTICE).actor(OWNER)
        .packageId(PackageId.of("basis")).name("Basis").internalRate(eur("33.33"))
        .ledgerAccount(LedgerAccount.of("8010")).balanceSheetItem(BalanceSheetItem.of("1710")).build());
    CreditPackage plus = pakketten.createPackage(CreatePackage.builder().practice(PRACTICE).actor(OWNER)
        .packageId(PackageId.of("plus")).name("Plus \"extra\", met komma").internalRate(eur("45.00")).build());
    pakketten.saveProduct(SaveProduct.builder().practice(PRACTICE).actor(OWNER).code(ProductCode.of("B10"))
        .name("Basis 10").unitPrice(eur("300.00")).packageId(Optional.of(basis.id())).creditsPerUnit(10).build());
    pakketten.saveProduct(SaveProduct.builder().practice(PRACTICE).actor(OWNER).code(ProductCode.of("P5"))
        .name("Plus 5").unitPrice(eur("200.00")).packageId(Optional.of(plus.id())).creditsPerUnit(5).build());
    pakketten.saveAppointmentType(SaveAppointmentType.builder().practice(PRACTICE).actor(OWNER)
        .id(AppointmentTypeId.of("T1")).name("Treatment").packageId(Optional.of(basis.id()))
        .creditsPerAppointment(1).build());
    pakketten.saveAppointmentType(SaveAppointmentType.builder().practice(PRACTICE).actor(OWNER)
        .id(AppointmentTypeId.of("T2")).name("Plus treatment").packageId(Optional.of(plus.id()))
        .creditsPerAppointment(1).build());
    for (int p = 0; p < patients; p++) {
      PatientId patient = PatientId.of("patient-" + p);
      pakketten.registerPayment(RegisterPayment.builder().practice(PRACTICE).actor(RECEPTIONIST)
          .invoiceId(InvoiceId.of("F-" + p)).patient(patient)
          .addLines(InvoiceLine.of("B10", 1, eur("300.00")), InvoiceLine.of("P5", 1, eur("200.00"))).build());
    }
    pakketten.importCredits(ImportCredits.builder().practice(PRACTICE).actor(OWNER).importId(ImportId.of("I-1"))
        .patient(PatientId.of("patient-0")).packageId(basis.id()).credits(3).internalRate(eur("10.01"))
        .reason("migrated, with a \"quote\"\nand a new line").build());
    for (int month = 0; month < 3; month++) {
      clock.advance(Duration.ofDays(31));
      for (int p = 0; p < patients; p++) {
        schedule("A-" + month + "-" + p + "-1", PatientId.of("patient-" + p), "T1");
        schedule("A-" + month + "-" + p + "-2", PatientId.of("patient-" + p), "T2");
      }
    }
    pakketten.cancel(CancelAppointment.builder().practice(PRACTICE).actor(RECEPTIONIST)
        .appointmentId(AppointmentId.of("A-2-0-1")).build());
    return this;
  }

  private void schedule(String id, PatientId patient, String type) {
    clock.advance(Duration.ofMinutes(5));
    pakketten.schedule(ScheduleAppointment.builder().practice(PRACTICE).actor(RECEPTIONIST)
        .appointmentId(AppointmentId.of(id)).patient(patient).typeId(AppointmentTypeId.of(type))
        .start(clock.instant().plus(Duration.ofDays(1))).build());
  }

  /** The whole journal of the practice, paged the ordinary way. */
  List<JournalEntry> journal(Instant from, Instant to) {
    List<JournalEntry> all = new ArrayList<>();
    Optional<PageRequest> request = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
    while (request.isPresent()) {
      var page = pakketten.journal(PRACTICE, from, to, request.get());
      all.addAll(page.items());
      request = page.next();
    }
    return all;
  }

  /** A clock a test moves forward. */
  static final class SteppingClock extends Clock {
    private volatile Instant now;

    SteppingClock(Instant start) {
      this.now = start;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
