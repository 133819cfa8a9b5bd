package nl.pakketten.testing;

import static nl.pakketten.testing.Fixtures.OWNER;
import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.pakketten.appointments.ScheduleResult;
import nl.pakketten.catalog.CreatePackage;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.ConflictException;
import nl.pakketten.common.FieldViolation;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.PatientId;
import nl.pakketten.granting.ImportResult;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.spi.Storage;
import nl.pakketten.wallet.Allocation;
import nl.pakketten.wallet.ExpireCredits;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.LotSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Input from outside that storages once answered differently (issue 8): names that differ only in
 * letters case rules disagree on, instants and days at and beyond the edges of what a database
 * holds, and lots granted in one instant. Written once, run on every storage: subclass it and
 * implement {@link #newStorage()} with an empty storage; every storage must give the same answers.
 */
public abstract class OutsideInputContract {
  /** An empty storage to test; called once per test. */
  protected abstract Storage newStorage();

  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
  private static final String INSTANT_RANGE = "must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999Z";
  private static final String DAY_RANGE = "must be between 0001-01-01 and 9999-12-31";

  private Fixtures f;
  private CreditPackage basis;

  @BeforeEach
  void setUp() {
    f = new Fixtures(newStorage());
    basis = f.createPackage("Basis", eur(30));
    f.linkType("T1", basis.id(), 1);
  }

  private CreditPackage create(String id, String name) {
    return f.pakketten.createPackage(CreatePackage.builder().practice(PRACTICE).actor(OWNER)
        .packageId(PackageId.of(id)).name(name).internalRate(eur(10)).build());
  }

  private static void assertRefused(Runnable call, String field, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidInputException.class, e ->
        assertThat(e.violations()).extracting(FieldViolation::field, FieldViolation::message)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(field, message)));
  }

  // ---------------------------------------------------------------------------------------------
  // One case rule for package names

  /** Creates packages named {@code first} and {@code second}; each is found by its own name. */
  private void assertTwoPackages(String first, String second) {
    CreditPackage one = create("p-1", first);
    CreditPackage two = create("p-2", second);

    assertThat(f.storage.transactions().inTransaction(() -> f.storage.packages().findByName(PRACTICE, first)))
        .contains(one);
    assertThat(f.storage.transactions().inTransaction(() -> f.storage.packages().findByName(PRACTICE, second)))
        .contains(two);
  }

  @Test
  void pakketCapitalIAndPakketDotlessIAreTwoPackages() {
    assertTwoPackages("Pakket I", "Pakket ı");
  }

  @Test
  void pakketDottedCapitalIAndPakketSmallIAreTwoPackages() {
    assertTwoPackages("Pakket İ", "Pakket i");
  }

  @Test
  void capitalOdosAndOdosWithMedialSigmaAreTwoPackages() {
    assertTwoPackages("ΟΔΟΣ", "οδοσ");
  }

  @Test
  void odosWithFinalSigmaAndOdosWithMedialSigmaAreTwoPackages() {
    assertTwoPackages("οδος", "οδοσ");
  }

  @Test
  void capitalOdosLowerCasesToFinalSigmaSoOdosWithFinalSigmaIsTaken() {
    CreditPackage capital = create("p-1", "ΟΔΟΣ");

    assertThatThrownBy(() -> create("p-2", "οδος")).isInstanceOf(ConflictException.class);
    assertThat(f.storage.transactions().inTransaction(() -> f.storage.packages().findByName(PRACTICE, " οδος ")))
        .contains(capital);
  }

  @Test
  void aNameOfTwoHundredDottedCapitalIsIsStoredThoughItsKeyIsTwiceAsLong() {
    String name = "İ".repeat(200);
    CreditPackage longest = create("p-1", name);

    assertThat(CreditPackage.nameKey(name)).hasSize(400);
    assertThat(f.storage.transactions().inTransaction(() -> f.storage.packages().findByName(PRACTICE, name)))
        .contains(longest);
    assertThatThrownBy(() -> create("p-2", name)).isInstanceOf(ConflictException.class);
  }

  @Test
  void namesThatDifferOnlyInAsciiCaseAreOnePackage() {
    CreditPackage first = create("p-1", "Fysio Tien");

    assertThatThrownBy(() -> create("p-2", "FYSIO TIEN")).isInstanceOf(ConflictException.class);
    assertThat(f.pakketten.packages(PRACTICE)).extracting(CreditPackage::id)
        .containsOnlyOnce(first.id()).doesNotContain(PackageId.of("p-2"));
  }

  // ---------------------------------------------------------------------------------------------
  // One range for instants and days

  @Test
  void anAppointmentStartBeforeYearOneIsRefusedNamingTheFieldAndTheRange() {
    f.importCredits("I1", PATIENT, basis.id(), 5, eur(30));

    for (Instant start : List.of(Instant.MIN, Instant.parse("-5000-01-01T00:00:00Z"), EARLIEST.minusNanos(1000))) {
      assertRefused(() -> f.pakketten.schedule(Fixtures.scheduleCommand(PRACTICE, "A1", PATIENT, "T1", start)),
          "start", INSTANT_RANGE);
    }
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(5);
  }

  @Test
  void anAppointmentStartAfterYear9999IsRefusedNamingTheFieldAndTheRange() {
    f.importCredits("I1", PATIENT, basis.id(), 5, eur(30));

    for (Instant start : List.of(Instant.MAX, Instant.ofEpochSecond(Instant.MAX.getEpochSecond()),
        LATEST.plusNanos(1000))) {
      assertRefused(() -> f.pakketten.schedule(Fixtures.scheduleCommand(PRACTICE, "A1", PATIENT, "T1", start)),
          "start", INSTANT_RANGE);
    }
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(5);
  }

  @Test
  void anAppointmentStartFinerThanAMicrosecondIsRefused() {
    f.importCredits("I1", PATIENT, basis.id(), 5, eur(30));
    Instant start = Instant.parse("2026-03-09T09:00:00.000000001Z");

    assertRefused(() -> f.pakketten.schedule(Fixtures.scheduleCommand(PRACTICE, "A1", PATIENT, "T1", start)),
        "start", "must have at most microsecond precision");
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(5);
  }

  @Test
  void appointmentsAtTheEdgesOfTheRangeAreStoredAndTheirRetryIsRecognised() {
    f.importCredits("I1", PATIENT, basis.id(), 5, eur(30));

    ScheduleResult first = f.pakketten.schedule(Fixtures.scheduleCommand(PRACTICE, "A1", PATIENT, "T1", EARLIEST));
    ScheduleResult last = f.pakketten.schedule(Fixtures.scheduleCommand(PRACTICE, "A2", PATIENT, "T1", LATEST));

    assertThat(f.pakketten.schedule(Fixtures.scheduleCommand(PRACTICE, "A1", PATIENT, "T1", EARLIEST)))
        .isEqualTo(first.withReplay(true));
    assertThat(f.pakketten.schedule(Fixtures.scheduleCommand(PRACTICE, "A2", PATIENT, "T1", LATEST)))
        .isEqualTo(last.withReplay(true));
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(3);
  }

  @Test
  void anImportExpiringOutsideTheRangeIsRefusedNamingTheFieldAndTheRange() {
    for (LocalDate day : List.of(LocalDate.MIN, LocalDate.of(-5000, 1, 1), LocalDate.of(0, 12, 31),
        LocalDate.of(10000, 1, 1), LocalDate.MAX)) {
      assertRefused(() -> f.importCredits("I1", PATIENT, basis.id(), 5, eur(30), day), "expiresOn", DAY_RANGE);
    }
    assertThat(f.lots(PATIENT)).isEmpty();
  }

  @Test
  void importsExpiringOnTheEdgeDaysAreStoredAndTheirRetryIsRecognised() {
    LocalDate first = LocalDate.of(1, 1, 1);
    LocalDate last = LocalDate.of(9999, 12, 31);
    f.importCredits("I1", PATIENT, basis.id(), 5, eur(30), first);
    f.importCredits("I2", PATIENT, basis.id(), 5, eur(30), last);

    assertThat(f.importCredits("I1", PATIENT, basis.id(), 5, eur(30), first))
        .isInstanceOf(ImportResult.AlreadyImported.class);
    assertThat(f.importCredits("I2", PATIENT, basis.id(), 5, eur(30), last))
        .isInstanceOf(ImportResult.AlreadyImported.class);
    assertThat(f.lots(PATIENT)).extracting(l -> l.expiresOn().orElseThrow()).containsExactly(first, last);
  }

  @Test
  void anExpiryDayBeforeYearOneIsRefusedNamingTheFieldAndTheRange() {
    f.importCredits("I1", PATIENT, basis.id(), 5, eur(30), LocalDate.of(2026, 1, 1));

    assertRefused(() -> f.pakketten.expireCredits(ExpireCredits.of(PRACTICE, OWNER, LocalDate.of(-5000, 1, 1))), "day", DAY_RANGE);
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(5);
  }

  @Test
  void theSdksTimestampsAreReadAtMicrosecondsFromAClockWithNanoseconds() {
    Instant now = Instant.parse("2026-03-02T09:00:00.123456789Z");
    f.clock.set(now);

    f.importCredits("I1", PATIENT, basis.id(), 5, eur(30));

    Instant micros = Instant.parse("2026-03-02T09:00:00.123456Z");
    assertThat(f.lots(PATIENT)).extracting(Lot::grantedAt).containsExactly(micros);
    assertThat(f.history(PATIENT)).extracting(nl.pakketten.wallet.Movement::at).containsExactly(micros);
  }

  @Test
  void aClockBeyondYear9999IsRefusedAndNothingIsStored() {
    f.clock.set(Instant.parse("+10000-01-01T00:00:00Z"));

    assertThatThrownBy(() -> f.importCredits("I1", PATIENT, basis.id(), 5, eur(30)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("The clock given to Pakketten reads +10000-01-01T00:00:00Z, outside");
    assertThat(f.lots(PATIENT)).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // Lots granted in one instant

  @Test
  void theLinesOfOneInvoiceAreSpentInLineOrderWhateverTheirLotIds() {
    f.linkProduct("TEN", basis.id(), 1, eur("10.00"));
    f.linkProduct("NINETY-NINE", basis.id(), 1, eur("99.00"));
    List<Boolean> lineTwoIdSortsFirst = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      PatientId patient = PatientId.of("patient-" + i);
      f.pay("INV-" + i, patient, InvoiceLine.of("TEN", 1, eur("10.00")),
          InvoiceLine.of("NINETY-NINE", 1, eur("99.00")));
      List<Lot> lots = f.lots(patient);
      lineTwoIdSortsFirst.add(lots.get(1).id().compareTo(lots.get(0).id()) < 0);

      ScheduleResult result = f.schedule("A-" + i, patient, "T1");

      assertThat(result).isInstanceOfSatisfying(ScheduleResult.Covered.class, c ->
          assertThat(c.allocations()).extracting(Allocation::lotId, Allocation::revenue)
              .containsExactly(org.assertj.core.groups.Tuple.tuple(lots.get(0).id(), eur("10.00"))));
      assertThat(((LotSource.InvoiceLine) lots.get(0).source()).lineNumber()).isEqualTo(1);
    }
    assertThat(lineTwoIdSortsFirst).as("some invoice's second line has the smaller lot id").contains(true, false);
  }

  @Test
  void aLotUsedUpAndGivenBackToKeepsItsPlaceInGrantingOrderForTheNextSpend() {
    // All in one instant: only the order of granting separates the lots. The first lot is used up,
    // so a command's read of the open lots leaves it out until a give-back brings it back.
    f.linkProduct("ONE", basis.id(), 1, eur("10.00"));
    f.linkProduct("THREE", basis.id(), 3, eur("30.00"));
    f.linkType("T2", basis.id(), 2);
    f.pay("INV-1", PATIENT, InvoiceLine.of("ONE", 1, eur("10.00")));
    f.schedule("A-1", PATIENT, "T1");
    f.pay("INV-2", PATIENT, InvoiceLine.of("THREE", 1, eur("30.00")));
    List<Lot> lots = f.lots(PATIENT);

    ScheduleResult changed = f.changeType("A-1", "T2");

    assertThat(changed).isInstanceOfSatisfying(ScheduleResult.Covered.class, c ->
        assertThat(c.allocations()).extracting(Allocation::lotId)
            .containsExactly(lots.get(0).id(), lots.get(1).id()));
  }
}
