package nl.pakketten.wallet;

import static nl.pakketten.testing.Fixtures.OWNER;
import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.RECEPTIONIST;
import static nl.pakketten.testing.Fixtures.START;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import nl.pakketten.Pakketten;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.common.LotId;
import nl.pakketten.common.PatientId;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.inmemory.InMemoryStorage;
import nl.pakketten.spi.History;
import nl.pakketten.spi.Storage;
import nl.pakketten.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** A patient's balance per package, lots and history. */
class WalletQueriesTest {
  private final Fixtures f = new Fixtures();
  private final CreditPackage basis = f.createPackage("Basis", eur(30));
  private final CreditPackage plus = f.createPackage("Plus", eur(40));

  WalletQueriesTest() {
    f.linkProduct("P5", basis.id(), 5, eur(150));
    f.linkType("T1", basis.id(), 1);
  }

  @Test
  void balanceIsPerPackage() {
    f.pay("F-1", PATIENT, InvoiceLine.of("P5", 1, eur(150)));
    f.importCredits("I1", PATIENT, plus.id(), 3, eur(40));
    f.schedule("A1", PATIENT, "T1");

    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(4);
    assertThat(f.balance(PATIENT, plus.id())).isEqualTo(3);
  }

  @Test
  void aPatientWithoutCreditsHasABalanceOfZero() {
    assertThat(f.balance(PatientId.of("nobody"), basis.id())).isZero();
    assertThat(f.lots(PatientId.of("nobody"))).isEmpty();
    assertThat(f.history(PatientId.of("nobody"))).isEmpty();
  }

  @Test
  void balanceIsKeptAsStateNotSummedFromTheHistory() {
    Storage storage = InMemoryStorage.create();
    Fixtures g = new Fixtures(withoutHistoryReads(storage), Pakketten.builder());
    CreditPackage pkg = g.createPackage("Basis", eur(30));
    g.importCredits("I1", PATIENT, pkg.id(), 3, eur(30));

    assertThat(g.balance(PATIENT, pkg.id())).isEqualTo(3);
  }

  @Test
  void lotsShowEachLotWithWhatIsLeft() {
    f.pay("F-1", PATIENT, InvoiceLine.of("P5", 1, eur(150)));
    f.clock.advance(Duration.ofMinutes(1));
    f.importCredits("I1", PATIENT, basis.id(), 2, eur(25), LocalDate.of(2026, 6, 30));
    f.importCredits("I2", PATIENT, plus.id(), 3, eur(40));
    f.schedule("A1", PATIENT, "T1");

    List<Lot> lots = f.lots(PATIENT);

    assertThat(lots).extracting(Lot::packageId, Lot::creditsGranted, Lot::creditsRemaining,
        Lot::ratePerCredit, Lot::deferredValue, l -> l.expiresOn().orElse(null)).containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(basis.id(), 5, 5, eur(30), eur(150), null),
            org.assertj.core.groups.Tuple.tuple(basis.id(), 2, 1, eur(25), eur(50), LocalDate.of(2026, 6, 30)),
            org.assertj.core.groups.Tuple.tuple(plus.id(), 3, 3, eur(40), eur(120), null));
  }

  @Test
  void lotsAddUpToTheBalance() {
    f.pay("F-1", PATIENT, InvoiceLine.of("P5", 2, eur(300)));
    f.importCredits("I1", PATIENT, basis.id(), 2, eur(25));
    f.schedule("A1", PATIENT, "T1");
    f.schedule("A2", PATIENT, "T1");
    f.cancel("A1");

    assertThat(f.lots(PATIENT).stream().mapToInt(Lot::creditsRemaining).sum())
        .isEqualTo(f.balance(PATIENT, basis.id())).isEqualTo(11);
    assertThat(f.pakketten.wallets(PRACTICE, PATIENT)).singleElement()
        .satisfies(w -> assertThat(w.balance()).isEqualTo(11));
  }

  @Test
  void historyRecordsWhatHowManyWhichLotWhenWhoWhyAndSource() {
    LotId lot = f.pay("F-1", PATIENT, InvoiceLine.of("P5", 1, eur(150))).grants().get(0).lotId();
    f.clock.advance(Duration.ofMinutes(10));
    f.schedule("A1", PATIENT, "T1");
    f.clock.advance(Duration.ofMinutes(10));
    f.cancel("A1");

    assertThat(f.history(PATIENT)).satisfiesExactly(
        granted -> {
          assertThat(granted.kind()).isEqualTo(MovementKind.GRANTED);
          assertThat(granted.credits()).isEqualTo(5);
          assertThat(granted.lotId()).isEqualTo(lot);
          assertThat(granted.packageId()).isEqualTo(basis.id());
          assertThat(granted.at()).isEqualTo(START);
          assertThat(granted.actor()).isEqualTo(RECEPTIONIST.userId());
          assertThat(granted.reason()).contains("F-1");
          assertThat(granted.sourceKey()).isEqualTo("invoice:F-1#1");
        },
        spent -> {
          assertThat(spent.kind()).isEqualTo(MovementKind.SPENT);
          assertThat(spent.credits()).isEqualTo(1);
          assertThat(spent.lotId()).isEqualTo(lot);
          assertThat(spent.at()).isEqualTo(START.plus(Duration.ofMinutes(10)));
          assertThat(spent.reason()).contains("A1").contains("T1");
          assertThat(spent.sourceKey()).isEqualTo("appointment:A1");
        },
        givenBack -> {
          assertThat(givenBack.kind()).isEqualTo(MovementKind.GIVEN_BACK);
          assertThat(givenBack.credits()).isEqualTo(1);
          assertThat(givenBack.lotId()).isEqualTo(lot);
          assertThat(givenBack.at()).isEqualTo(START.plus(Duration.ofMinutes(20)));
          assertThat(givenBack.sourceKey()).isEqualTo("appointment:A1");
        });
  }

  @Test
  void historyOfAnImportNamesTheImporterAndTheirReason() {
    f.importCredits("I1", PATIENT, basis.id(), 2, eur(25));

    assertThat(f.history(PATIENT)).singleElement().satisfies(m -> {
      assertThat(m.kind()).isEqualTo(MovementKind.IMPORTED);
      assertThat(m.actor()).isEqualTo(OWNER.userId());
      assertThat(m.reason()).isEqualTo("migrated from the old system");
      assertThat(m.sourceKey()).isEqualTo("import:I1");
    });
  }

  @Test
  void historyShowsOnlyThatPatient() {
    PatientId other = PatientId.of("patient-2");
    f.importCredits("I1", PATIENT, basis.id(), 2, eur(25));
    f.importCredits("I2", other, basis.id(), 4, eur(25));

    assertThat(f.history(other)).singleElement().satisfies(m -> assertThat(m.credits()).isEqualTo(4));
    assertThat(f.lots(other)).singleElement().satisfies(l -> assertThat(l.patient()).isEqualTo(other));
  }

  /** The storage, except that reading a patient's history fails the test. */
  private static Storage withoutHistoryReads(Storage storage) {
    History history = storage.history();
    History guarded = new History() {
      @Override
      public void append(Movement movement) {
        history.append(movement);
      }

      @Override
      public nl.pakketten.common.Page<Movement> ofPatient(nl.pakketten.common.PracticeId practice, PatientId patient,
          nl.pakketten.common.PageRequest request) {
        throw new AssertionError("the balance must not be summed from the history");
      }

      @Override
      public java.util.SortedMap<nl.pakketten.catalog.PackageId, nl.pakketten.wallet.CreditBalance> balancesBefore(
          nl.pakketten.common.PracticeId practice, PatientId patient, java.time.Instant before) {
        throw new AssertionError("the balance must not be summed from the history");
      }

      @Override
      public java.util.List<ValuedMovement> valuedBetween(nl.pakketten.common.PracticeId practice,
          PatientId patient, java.time.Instant from, java.time.Instant to, int limit) {
        throw new AssertionError("the balance must not be summed from the history");
      }
    };
    return (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[] {Storage.class},
        (proxy, method, args) -> method.getName().equals("history") ? guarded : method.invoke(storage, args));
  }
}
