package nl.pakketten.internal.outbox;

import static java.util.stream.Collectors.toCollection;
import static nl.pakketten.testing.Fixtures.OWNER;
import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.RECEPTIONIST;
import static nl.pakketten.testing.Fixtures.START;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import nl.pakketten.Pakketten;
import nl.pakketten.appointments.Appointment;
import nl.pakketten.appointments.AppointmentChanged;
import nl.pakketten.appointments.LateCancellationPolicy;
import nl.pakketten.appointments.MarkNoShow;
import nl.pakketten.appointments.ScheduleResult;
import nl.pakketten.appointments.ShortfallPolicy;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.catalog.BalanceSheetItem;
import nl.pakketten.catalog.CatalogEvents;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.DeactivatePackage;
import nl.pakketten.catalog.DeletePackage;
import nl.pakketten.catalog.LedgerAccount;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.catalog.ProductCode;
import nl.pakketten.catalog.ReactivatePackage;
import nl.pakketten.catalog.SaveProduct;
import nl.pakketten.catalog.UpdatePackage;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.DomainEvent;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.UserId;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.inmemory.InMemoryStorage;
import nl.pakketten.invoicing.VatRate;
import nl.pakketten.sale.CancelInvoice;
import nl.pakketten.sale.CreateInvoice;
import nl.pakketten.sale.DraftLine;
import nl.pakketten.sale.InvoiceEvents;
import nl.pakketten.sale.IssueInvoice;
import nl.pakketten.sale.PaymentMethod;
import nl.pakketten.sale.PaymentReference;
import nl.pakketten.sale.RegisterInvoicePayment;
import nl.pakketten.sale.SendInvoice;
import nl.pakketten.testevents.SampleEvent;
import nl.pakketten.testing.Fixtures;
import nl.pakketten.testing.InvoicingFixtures;
import nl.pakketten.wallet.ExpireCredits;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The outbox's codec: every domain event survives the trip through its text, the text is stable,
 * and a text that is not one of ours is refused with its problem named.
 */
class EventCodecTest {
  private static final List<DomainEvent> EVENTS = events();

  /**
   * A realistic instance of every event, and of each shape its components take: optionals empty
   * and present, lists empty and not, money with cents, every sealed answer. Most come from driving
   * the SDK through a practice's day; {@link SampleEvent} adds the component kinds no core event has.
   */
  static List<DomainEvent> events() {
    InvoicingFixtures.Documents documents = new InvoicingFixtures.Documents();
    InvoicingFixtures.Directory directory = new InvoicingFixtures.Directory()
        .with(PATIENT, "Jan Jansen", Optional.of("jan@example.nl"), Optional.of(Locale.forLanguageTag("nl")));
    Fixtures f = new Fixtures(InMemoryStorage.create(), Pakketten.builder().documents(documents)
        .patientDirectory(directory).shortfallPolicy(ShortfallPolicy.ALLOW_UNCOVERED)
        .lateCancellationPolicy(LateCancellationPolicy.keepCreditsWithin(Duration.ofDays(2))));
    Pakketten p = f.pakketten;

    // The catalog: a package created, updated with accounts, deactivated and back; one deleted.
    CreditPackage basis = f.createPackage("Basis", eur("30.50"));
    p.updatePackage(UpdatePackage.builder().practice(PRACTICE).actor(OWNER).packageId(basis.id()).name("Basis plus")
        .internalRate(eur("32.75")).ledgerAccount(LedgerAccount.of("8000")).balanceSheetItem(BalanceSheetItem.of("1500"))
        .breakageAccount(LedgerAccount.of("8090")).lowBalanceThreshold(5).build());
    p.deactivatePackage(DeactivatePackage.of(PRACTICE, OWNER, basis.id()));
    p.reactivatePackage(ReactivatePackage.of(PRACTICE, OWNER, basis.id()));
    p.deletePackage(DeletePackage.of(PRACTICE, OWNER, f.createPackage("Unused", eur(1)).id()));
    // Products new and changed, linked and not; appointment types likewise.
    f.linkProduct("P5", basis.id(), 5, eur("150.00"));
    f.linkProduct("P5", basis.id(), 6, eur("180.25"));
    p.saveProduct(SaveProduct.builder().practice(PRACTICE).actor(OWNER).code(ProductCode.of("P12M"))
        .name("Jaarkaart").unitPrice(eur("300.00")).packageId(basis.id()).creditsPerUnit(10)
        .validity(java.time.Period.ofMonths(12)).build());
    p.saveProduct(SaveProduct.builder().practice(PRACTICE).actor(OWNER).code(ProductCode.of("TOWEL"))
        .name("Handdoek").description("Handdoek met \"logo\", \u00e9\u00e9n \ud83d\ude00").unitPrice(eur("10.00"))
        .vatRate(VatRate.GENERAL).build());
    f.linkType("T1", basis.id(), 1);
    f.linkType("T2", basis.id(), 1);
    f.linkType("T2", basis.id(), 2);
    f.linkType("T0", null, 1);

    // Credits: imported with an expiry, spent, given back, forfeited, granted, expired.
    f.importCredits("I1", PATIENT, basis.id(), 3, eur("32.75"), LocalDate.of(2026, 3, 20));
    f.schedule("A1", PATIENT, "T1");
    f.cancel("A1");
    p.schedule(Fixtures.scheduleCommand(PRACTICE, "A2", PATIENT, "T1", START.plus(Duration.ofDays(1))));
    f.cancel("A2");
    f.schedule("A3", PATIENT, "T0");
    p.markNoShow(MarkNoShow.builder().practice(PRACTICE).actor(RECEPTIONIST).appointmentId(AppointmentId.of("A3"))
        .build());
    f.schedule("A4", PatientId.of("patient-without-credits"), "T1");
    nl.pakketten.common.LotId paid = f.pay("F-0", PATIENT, InvoiceLine.of("P5", 1, eur("180.25"))).grants().get(0)
        .lotId();
    f.clock.advance(Duration.ofDays(20));
    p.expireCredits(ExpireCredits.of(PRACTICE, OWNER, LocalDate.of(2026, 3, 21)));
    // Credits transferred to another patient, and the payment that granted them reversed.
    p.transferCredits(nl.pakketten.wallet.TransferCredits.builder().practice(PRACTICE).actor(RECEPTIONIST)
        .transferId(nl.pakketten.wallet.TransferId.of("T-1")).from(PATIENT).lot(paid).credits(2)
        .to(PatientId.of("partner")).build());
    p.reversePayment(nl.pakketten.granting.ReversePayment.builder().practice(PRACTICE).actor(OWNER)
        .reversalId(nl.pakketten.granting.ReversalId.of("R-1")).patient(PATIENT).invoiceId(InvoiceId.of("F-0"))
        .reason("charge-back").build());
    // A lot expiring soon told to the host.
    f.importCredits("I9", PATIENT, basis.id(), 2, eur("32.75"), LocalDate.of(2026, 3, 30));
    p.notifyExpiringCredits(nl.pakketten.wallet.NotifyExpiringCredits.of(PRACTICE, OWNER, 14,
        LocalDate.of(2026, 3, 22)));
    // Two of F-0's credits refunded, for less than their value.
    p.refundCredits(nl.pakketten.wallet.RefundCredits.builder().practice(PRACTICE).actor(OWNER)
        .refundId(nl.pakketten.wallet.RefundId.of("R-1")).patient(PATIENT).packageId(basis.id()).credits(2)
        .amount(eur("50.00")).reason("moved away").build());

    // Product invoices: issued, sent, paid in two parts (credits granted); one of a towel only,
    // overpaid (no grants); one cancelled by a credit note.
    p.savePracticeProfile(InvoicingFixtures.profile(PRACTICE, OWNER).build());
    Money total = issue(p, f, "F-1", DraftLine.of("P5", 2), DraftLine.of("TOWEL", 1));
    p.sendInvoice(SendInvoice.builder().practice(PRACTICE).actor(RECEPTIONIST).invoiceId(InvoiceId.of("F-1")).build());
    pay(p, "F-1", "BANK-1", eur("100.01"));
    pay(p, "F-1", "BANK-2", total.minus(eur("100.01")));
    pay(p, "F-2", "CASH-1", issue(p, f, "F-2", DraftLine.of("TOWEL", 1)).plus(eur("0.50")));
    issue(p, f, "F-3", DraftLine.of("P5", 1));
    p.cancelInvoice(CancelInvoice.builder().practice(PRACTICE).actor(RECEPTIONIST).invoiceId(InvoiceId.of("F-3"))
        .build());
    // Credits of the paid invoice F-1 refunded: a credit note issued.
    p.refundCredits(nl.pakketten.wallet.RefundCredits.builder().practice(PRACTICE).actor(OWNER)
        .refundId(nl.pakketten.wallet.RefundId.of("R-2")).patient(PATIENT).packageId(basis.id()).credits(3)
        .reason("moved away").build());

    List<DomainEvent> events = new ArrayList<>(f.events);
    events.add(sample(null, null, null, null));
    events.add(sample("a \"note\"\n\tover lines \\ \u0001 \ud800 \ud83d\ude00", eur("0.05"), Appointment.CancelOutcome.FORFEITED,
        new ScheduleResult.Uncovered(AppointmentId.of("A9"), basis.id(), 2, true)));
    events.add(new InvoiceEvents.InvoicePaid(PRACTICE, START, OWNER.userId(), InvoiceId.of("F-9"),
        Money.ofMajor(org.joda.money.CurrencyUnit.JPY, 1234), List.of()));
    return List.copyOf(events);
  }

  private static SampleEvent sample(String note, Money fee, Appointment.CancelOutcome outcome, ScheduleResult answer) {
    return new SampleEvent(PRACTICE, Instant.parse("2026-03-02T09:00:00.123456789Z"), UserId.of("user-\u00e9"), note,
        fee, outcome, Long.MAX_VALUE, new BigDecimal("1.2300"), note != null,
        note == null ? Set.of() : Set.of(PATIENT, PatientId.of("patient-2"), PatientId.of("patient-3")),
        note == null ? List.of() : List.of(LocalDate.of(2026, 12, 31), LocalDate.of(2024, 2, 29)), answer);
  }

  private static Money issue(Pakketten p, Fixtures f, String id, DraftLine... lines) {
    p.createInvoice(CreateInvoice.builder().practice(PRACTICE).actor(RECEPTIONIST).invoiceId(InvoiceId.of(id))
        .patient(PATIENT).addLines(lines).build());
    p.issueInvoice(IssueInvoice.builder().practice(PRACTICE).actor(RECEPTIONIST).invoiceId(InvoiceId.of(id)).build());
    return ((InvoiceEvents.InvoiceIssued) f.events.get(f.events.size() - 1)).total();
  }

  private static void pay(Pakketten p, String id, String reference, Money amount) {
    p.registerInvoicePayment(RegisterInvoicePayment.builder().practice(PRACTICE).actor(RECEPTIONIST)
        .invoiceId(InvoiceId.of(id)).reference(PaymentReference.of(reference)).amount(amount)
        .paidOn(LocalDate.of(2026, 3, 3)).method(PaymentMethod.BANK_TRANSFER).build());
  }

  @ParameterizedTest
  @MethodSource("events")
  void everyEventComesBackEqual(DomainEvent event) {
    assertThat(EventCodec.decode(EventCodec.encode(event))).isEqualTo(event);
  }

  @ParameterizedTest
  @MethodSource("events")
  void theTextIsStable(DomainEvent event) {
    String text = EventCodec.encode(event);

    assertThat(EventCodec.encode(event)).isEqualTo(text);
    assertThat(EventCodec.encode(EventCodec.decode(text))).isEqualTo(text);
  }

  @Test
  void everyDomainEventOfTheCoreHasARoundTripCase() {
    Set<String> concrete = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("nl.pakketten").stream()
        .filter(c -> c.isAssignableTo(DomainEvent.class) && !c.isInterface()
            && !c.getModifiers().contains(JavaModifier.ABSTRACT))
        .map(JavaClass::getName).collect(toCollection(TreeSet::new));
    Set<String> covered = EVENTS.stream().map(e -> e.getClass().getName()).collect(toCollection(TreeSet::new));

    assertThat(concrete).hasSizeGreaterThanOrEqualTo(19);
    assertThat(covered).as("domain events with a round-trip case").containsAll(concrete);
  }

  @Test
  void theCasesCoverEmptyAndPresentOptionalsAndListsAndEverySealedAnswer() {
    List<AppointmentChanged> appointments = EVENTS.stream().filter(AppointmentChanged.class::isInstance)
        .map(AppointmentChanged.class::cast).toList();
    assertThat(appointments).extracting(a -> a.appointment().scheduleAnswer().orElseThrow().getClass().getSimpleName())
        .contains("Covered", "NotCovered", "Uncovered");
    assertThat(appointments).extracting(a -> a.appointment().allocations().isEmpty()).contains(true, false);
    assertThat(appointments).extracting(a -> a.appointment().cancelOutcome().isPresent()).contains(true, false);
    assertThat(EVENTS).filteredOn(CatalogEvents.ProductSaved.class::isInstance)
        .extracting(e -> ((CatalogEvents.ProductSaved) e).before().isPresent()).contains(true, false);
    assertThat(EVENTS).filteredOn(InvoiceEvents.InvoicePaid.class::isInstance)
        .extracting(e -> ((InvoiceEvents.InvoicePaid) e).grants().isEmpty()).contains(true, false);
  }

  @Test
  void aTextNamesItsVersionAndTypeAndHoldsThePropertiesInOrder() {
    DomainEvent deleted = new CatalogEvents.PackageDeleted(PRACTICE, START, OWNER.userId(), PackageId.of("unused"));

    assertThat(EventCodec.encode(deleted)).isEqualTo("{\"version\":1,"
        + "\"type\":\"nl.pakketten.catalog.CatalogEvents.PackageDeleted\","
        + "\"event\":{\"practice\":\"practice-1\",\"at\":\"2026-03-02T09:00:00Z\",\"actor\":\"owner-1\","
        + "\"packageId\":\"unused\"}}");
  }

  @Test
  void moneyKeepsItsCurrencyAndExactAmount() {
    DomainEvent issued = new InvoiceEvents.InvoiceIssued(PRACTICE, START, OWNER.userId(), InvoiceId.of("F-1"), "F2026-0001",
        eur("312.10"));

    assertThat(EventCodec.encode(issued)).contains("\"total\":{\"currency\":\"EUR\",\"amount\":\"312.10\"}");
  }

  @Test
  void setsAreWrittenInOneOrder() {
    SampleEvent one = sample("a note", null, null, null);
    SampleEvent other = new SampleEvent(one.practice(), one.at(), one.actor(), one.note(), one.fee(), one.outcome(),
        one.sequence(), one.share(), one.urgent(), new TreeSet<>(one.patients()), one.days(), one.answer());

    assertThat(EventCodec.encode(other)).isEqualTo(EventCodec.encode(one))
        .contains("\"patients\":[\"patient-1\",\"patient-2\",\"patient-3\"]");
  }

  // --- refusals ----------------------------------------------------------------------------------

  private static String deletedWith(String type) {
    return "{\"version\":1,\"type\":\"" + type + "\",\"event\":{\"practice\":\"practice-1\","
        + "\"at\":\"2026-03-02T09:00:00Z\",\"actor\":\"owner-1\",\"packageId\":\"unused\"}}";
  }

  @Test
  void anUnknownTypeIsRefusedByName() {
    assertThatThrownBy(() -> EventCodec.decode(deletedWith("nl.pakketten.catalog.CatalogEvents.PackageExploded")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unknown event type nl.pakketten.catalog.CatalogEvents.PackageExploded");
  }

  @Test
  void aClassOutsideTheAllowedPackagesIsRefusedByName() {
    for (String type : List.of("java.lang.ProcessBuilder", "java.lang.Runtime", "nl.pakketten.internal.Fingerprint",
        "nl.pakketten.internal.outbox.EventCodecTest.InternalEvent", "nl.pakketten.catalog.CatalogEvents$PackageDeleted",
        "nl.pakketten.catalog.CatalogEvents.PackageDeleted ")) {
      assertThatThrownBy(() -> EventCodec.decode(deletedWith(type)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(type + " is not allowed");
    }
  }

  @Test
  void aTypeOfTheAllowedPackagesThatIsNoDomainEventIsRefused() {
    for (String type : List.of("nl.pakketten.catalog.CreditPackage", "nl.pakketten.catalog.CatalogEvents",
        "nl.pakketten.wallet.CreditEvents.CreditEvent")) {
      assertThatThrownBy(() -> EventCodec.decode(deletedWith(type)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Type " + type + " is not an allowed domain event");
    }
  }

  /** A domain event in an internal package: neither written nor read. */
  record InternalEvent(PracticeId practice, Instant at, UserId actor) implements DomainEvent {}

  @Test
  void anEventOfAnInternalPackageIsNotWritten() {
    assertThatThrownBy(() -> EventCodec.encode(new InternalEvent(PRACTICE, START, OWNER.userId())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nl.pakketten.internal.outbox.EventCodecTest.InternalEvent is not an allowed domain event");
  }

  @Test
  void malformedJsonIsRefusedWithWhereItWentWrong() {
    for (String text : List.of("", "{\"version\":1,", "{\"version\":1}}", "[1,2", "{\"a\":tru}", "\"\\x\"",
        "{\"a\":1,\"a\":2}", "01", "\"line\nbreak\"", "[".repeat(100) + "]".repeat(100))) {
      assertThatThrownBy(() -> EventCodec.decode(text))
          .as(text)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("Malformed JSON");
    }
  }

  @Test
  void aNewerFormatVersionIsRefused() {
    String text = EventCodec.encode(EVENTS.get(0)).replace("{\"version\":1,", "{\"version\":2,");

    assertThatThrownBy(() -> EventCodec.decode(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Format version 2 is newer than this SDK reads (1)");
  }

  @Test
  void aTextThatIsNoEventOfOursIsRefusedNamingWhatIsWrongAndWhere() {
    String deleted = deletedWith("nl.pakketten.catalog.CatalogEvents.PackageDeleted");

    assertThatThrownBy(() -> EventCodec.decode("[]")).hasMessageContaining("the text: expected an object");
    assertThatThrownBy(() -> EventCodec.decode(deleted.replace(",\"packageId\":\"unused\"", "")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("event: missing \"packageId\"");
    assertThatThrownBy(() -> EventCodec.decode(deleted.replace("\"packageId\"", "\"extra\":1,\"packageId\"")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("event: unknown key \"extra\"");
    assertThatThrownBy(() -> EventCodec.decode(deleted.replace("\"unused\"", "\"  \"")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("event.packageId: ")
        .hasMessageContaining("must not be blank");
    assertThatThrownBy(() -> EventCodec.decode(deleted.replace("2026-03-02T09:00:00Z", "yesterday")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("event.at: ");
  }

  @Test
  void aValueItsTypeRefusesIsRefusedNamingThePath() {
    String issued = EventCodec.encode(new InvoiceEvents.InvoiceIssued(PRACTICE, START, OWNER.userId(),
        InvoiceId.of("F-1"), "F2026-0001", eur("312.10")));
    String paid = EventCodec.encode(EVENTS.stream().filter(InvoiceEvents.PaymentRegistered.class::isInstance)
        .findFirst().orElseThrow());

    assertThatThrownBy(() -> EventCodec.decode(issued.replace("\"312.10\"", "\"312.105\"")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("event.total: ");
    assertThatThrownBy(() -> EventCodec.decode(issued.replace("\"EUR\"", "\"XYZ\"")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("event.total: ");
    assertThatThrownBy(() -> EventCodec.decode(paid.replace("\"BANK_TRANSFER\"", "\"CHEQUE\"")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("event.payment.method: CHEQUE is not a constant of nl.pakketten.sale.PaymentMethod");
    assertThatThrownBy(() -> EventCodec.decode(paid.replaceFirst("\"amount\":\"[0-9.]+\"", "\"amount\":\"-1.00\"")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("event.payment: ")
        .hasMessageContaining("must be more than zero");
  }

  @Test
  void anImmutablesValueIsRefusedWhenItsInvariantsFail() {
    DomainEvent spent = EVENTS.stream().filter(e -> e instanceof nl.pakketten.wallet.CreditEvents.CreditsSpent)
        .findFirst().orElseThrow();
    String text = EventCodec.encode(spent);

    assertThatThrownBy(() -> EventCodec.decode(text.replaceFirst("\"credits\":1", "\"credits\":0")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("event.movement: ")
        .hasMessageContaining("at least one credit");
    assertThatThrownBy(() -> EventCodec.decode(text.replaceFirst("\"credits\":1", "\"credits\":1.5")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("event.movement.credits: expected a whole number");
    assertThatThrownBy(() -> EventCodec.decode(text.replaceFirst("\"credits\":1", "\"credits\":null")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("event.movement.credits: null for a int");
  }

  @Test
  void aSealedAnswerMustNameOneOfItsPermittedSubtypes() {
    String text = EventCodec.encode(sample("a note", null, null,
        new ScheduleResult.NotCovered(AppointmentId.of("A1"), AppointmentTypeId.of("T0"))));

    assertThat(text).contains("\"answer\":{\"NotCovered\":{\"appointmentId\":\"A1\",\"typeId\":\"T0\",\"replay\":false}}");
    assertThatThrownBy(() -> EventCodec.decode(text.replace("{\"NotCovered\":", "{\"ProcessBuilder\":")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("event.answer: ProcessBuilder is not a subtype of nl.pakketten.appointments.ScheduleResult");
  }
}
