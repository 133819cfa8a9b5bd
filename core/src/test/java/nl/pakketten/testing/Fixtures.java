package nl.pakketten.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import nl.pakketten.Pakketten;
import nl.pakketten.appointments.CancelAppointment;
import nl.pakketten.appointments.CancelResult;
import nl.pakketten.appointments.ChangeAppointmentType;
import nl.pakketten.appointments.ScheduleAppointment;
import nl.pakketten.appointments.ScheduleResult;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.catalog.CreatePackage;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.catalog.ProductCode;
import nl.pakketten.catalog.SaveAppointmentType;
import nl.pakketten.catalog.SaveProduct;
import nl.pakketten.common.Actor;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.DomainEvent;
import nl.pakketten.common.ImportId;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.Role;
import nl.pakketten.granting.ImportCredits;
import nl.pakketten.granting.ImportResult;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.granting.PaymentResult;
import nl.pakketten.granting.RegisterPayment;
import nl.pakketten.inmemory.InMemoryStorage;
import nl.pakketten.revenue.JournalEntry;
import nl.pakketten.spi.Storage;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.Movement;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Shared test fixtures: a practice with an owner, a receptionist and a clock, over any {@link
 * Storage}, with one-line helpers for the usual set-up. Travels in the core's test-jar so the
 * adapters' tests use the same.
 */
public final class Fixtures {
  public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  public static final PracticeId PRACTICE = PracticeId.of("practice-1");
  public static final PracticeId OTHER_PRACTICE = PracticeId.of("practice-2");
  public static final Actor OWNER = Actor.of("owner-1", Role.OWNER);
  public static final Actor RECEPTIONIST = Actor.of("reception-1", Role.RECEPTIONIST);
  public static final PatientId PATIENT = PatientId.of("patient-1");
  /** Later than anything a test books: the end of an open period in journal queries. */
  public static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");

  public final MutableClock clock = new MutableClock(START);
  public final List<DomainEvent> events = Collections.synchronizedList(new ArrayList<>());
  public final Storage storage;
  public final Pakketten pakketten;

  public Fixtures() {
    this(InMemoryStorage.create());
  }

  public Fixtures(Storage storage) {
    this(storage, Pakketten.builder());
  }

  /** Over {@code storage}, publishing to {@code publisher} instead of {@link #events}. */
  public Fixtures(Storage storage, nl.pakketten.spi.EventPublisher publisher) {
    this.storage = storage;
    this.pakketten = Pakketten.builder().storage(storage).clock(clock).eventPublisher(publisher).build();
  }

  /** Over {@code storage}, with the builder's other settings; clock, storage and events are set here. */
  public Fixtures(Storage storage, Pakketten.Builder builder) {
    this.storage = storage;
    this.pakketten = builder.storage(storage).clock(clock).eventPublisher(events::add).build();
  }

  public static Money eur(String amount) {
    return Money.of(CurrencyUnit.EUR, new java.math.BigDecimal(amount));
  }

  public static Money eur(long amount) {
    return Money.of(CurrencyUnit.EUR, amount);
  }

  /** A package named {@code name} at {@code rate} per credit, in {@link #PRACTICE}. */
  public CreditPackage createPackage(String name, Money rate) {
    return createPackage(PRACTICE, name, rate);
  }

  public CreditPackage createPackage(PracticeId practice, String name, Money rate) {
    return pakketten.createPackage(CreatePackage.builder().practice(practice).actor(OWNER)
        .packageId(PackageId.of(name.toLowerCase().replaceAll("[^a-z0-9]+", "-")))
        .name(name).internalRate(rate).build());
  }

  /** A product {@code code} linked to {@code pkg} with {@code creditsPerUnit}. */
  public void linkProduct(String code, PackageId pkg, int creditsPerUnit, Money unitPrice) {
    linkProduct(PRACTICE, code, pkg, creditsPerUnit, unitPrice);
  }

  public void linkProduct(PracticeId practice, String code, PackageId pkg, int creditsPerUnit, Money unitPrice) {
    pakketten.saveProduct(SaveProduct.builder().practice(practice).actor(OWNER).code(ProductCode.of(code))
        .name("Product " + code).unitPrice(unitPrice).packageId(Optional.ofNullable(pkg))
        .creditsPerUnit(creditsPerUnit).build());
  }

  /** An appointment type {@code id} linked to {@code pkg} (or unlinked when null). */
  public void linkType(String id, PackageId pkg, int credits) {
    linkType(PRACTICE, id, pkg, credits);
  }

  public void linkType(PracticeId practice, String id, PackageId pkg, int credits) {
    pakketten.saveAppointmentType(SaveAppointmentType.builder().practice(practice).actor(OWNER)
        .id(AppointmentTypeId.of(id)).name("Type " + id).packageId(Optional.ofNullable(pkg))
        .creditsPerAppointment(credits).build());
  }

  public static RegisterPayment invoice(PracticeId practice, String invoiceId, PatientId patient, InvoiceLine... lines) {
    return RegisterPayment.builder().practice(practice).actor(RECEPTIONIST).invoiceId(InvoiceId.of(invoiceId))
        .patient(patient).addLines(lines).build();
  }

  public PaymentResult pay(String invoiceId, PatientId patient, InvoiceLine... lines) {
    return pakketten.registerPayment(invoice(PRACTICE, invoiceId, patient, lines));
  }

  public static ImportCredits importCommand(PracticeId practice, String importId, PatientId patient, PackageId pkg,
      int credits, Money rate, LocalDate expiresOn) {
    return ImportCredits.builder().practice(practice).actor(OWNER).importId(ImportId.of(importId)).patient(patient)
        .packageId(pkg).credits(credits).internalRate(rate).reason("migrated from the old system")
        .expiresOn(Optional.ofNullable(expiresOn)).build();
  }

  public ImportResult importCredits(String importId, PatientId patient, PackageId pkg, int credits, Money rate) {
    return pakketten.importCredits(importCommand(PRACTICE, importId, patient, pkg, credits, rate, null));
  }

  /** Imports into a lot whose last spendable day is {@code expiresOn} (null: never expires). */
  public ImportResult importCredits(String importId, PatientId patient, PackageId pkg, int credits, Money rate,
      LocalDate expiresOn) {
    return pakketten.importCredits(importCommand(PRACTICE, importId, patient, pkg, credits, rate, expiresOn));
  }

  public static ScheduleAppointment scheduleCommand(PracticeId practice, String appointmentId, PatientId patient,
      String typeId, Instant start) {
    return ScheduleAppointment.builder().practice(practice).actor(RECEPTIONIST)
        .appointmentId(AppointmentId.of(appointmentId)).patient(patient).typeId(AppointmentTypeId.of(typeId))
        .start(start).build();
  }

  /** Schedules {@code appointmentId} a week after the clock's now. */
  public ScheduleResult schedule(String appointmentId, PatientId patient, String typeId) {
    return pakketten.schedule(scheduleCommand(PRACTICE, appointmentId, patient, typeId,
        clock.instant().plus(java.time.Duration.ofDays(7))));
  }

  public CancelResult cancel(String appointmentId) {
    return pakketten.cancel(CancelAppointment.builder().practice(PRACTICE).actor(RECEPTIONIST)
        .appointmentId(AppointmentId.of(appointmentId)).build());
  }

  public int balance(PatientId patient, PackageId pkg) {
    return pakketten.balance(PRACTICE, patient, pkg);
  }

  public ScheduleResult changeType(String appointmentId, String typeId) {
    return pakketten.changeAppointmentType(ChangeAppointmentType.builder().practice(PRACTICE).actor(RECEPTIONIST)
        .appointmentId(AppointmentId.of(appointmentId)).typeId(AppointmentTypeId.of(typeId)).build());
  }

  public List<Lot> lots(PatientId patient) {
    return pakketten.lots(PRACTICE, patient);
  }

  public List<Movement> history(PatientId patient) {
    return Pages.history(pakketten, PRACTICE, patient);
  }

  /** Every journal entry of {@link #PRACTICE}, in booking order. */
  public List<JournalEntry> journal() {
    return Pages.journal(pakketten, PRACTICE, Instant.EPOCH, FAR_FUTURE);
  }
}
