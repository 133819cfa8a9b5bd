package nl.pakketten.appointments;

import static nl.pakketten.testing.Fixtures.OWNER;
import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.RECEPTIONIST;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.LedgerAccount;
import nl.pakketten.catalog.UpdatePackage;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.testing.Fixtures;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Giving credits back reverses their revenue on the ledger account it was booked to. */
class GivingBackRevenueTest {
  private static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");

  private final Fixtures fx = new Fixtures();
  private CreditPackage fysio;

  @BeforeEach
  void aPatientWithCreditsBookedToLedgerAccount8010() {
    fysio = fx.createPackage("Fysio", eur("33.33"));
    bookRevenueOf(fysio, "8010");
    fx.linkType("T1", fysio.id(), 1);
    fx.linkType("T2", fysio.id(), 1);
    fx.importCredits("import-1", PATIENT, fysio.id(), 5, eur("33.33"));
  }

  @Test
  void aCancellationReversesTheRevenueOnTheAccountItsSpendWasBookedTo() {
    fx.schedule("A-1", PATIENT, "T1");
    bookRevenueOf(fysio, "8020");

    fx.cancel("A-1");

    assertThat(revenue()).containsEntry("8010", eur("0.00")).doesNotContainKey("8020");
  }

  @Test
  void aTypeChangeReversesAndRebooksOnTheLotsOwnAccountNotThePackagesNewOne() {
    fx.schedule("A-1", PATIENT, "T1");
    bookRevenueOf(fysio, "8020");

    ScheduleResult changed = fx.pakketten.changeAppointmentType(ChangeAppointmentType.builder().practice(PRACTICE)
        .actor(RECEPTIONIST).appointmentId(AppointmentId.of("A-1")).typeId(AppointmentTypeId.of("T2")).build());

    assertThat(changed).isInstanceOf(ScheduleResult.Covered.class);
    assertThat(revenue()).containsEntry("8010", eur("33.33")).doesNotContainKey("8020");
    fx.cancel("A-1");
    assertThat(revenue()).containsEntry("8010", eur("0.00")).doesNotContainKey("8020");
  }

  @Test
  void creditsGrantedAfterTheAccountChangedBookOnTheNewAccount() {
    bookRevenueOf(fysio, "8020");
    fx.importCredits("import-2", nl.pakketten.common.PatientId.of("patient-2"), fysio.id(), 1, eur("33.33"));

    fx.schedule("A-2", nl.pakketten.common.PatientId.of("patient-2"), "T1");

    assertThat(revenue()).containsEntry("8020", eur("33.33"));
  }

  @Test
  void aLotRemembersTheAccountItsRevenueGoesTo() {
    bookRevenueOf(fysio, "8020");

    assertThat(fx.lots(PATIENT)).singleElement()
        .satisfies(lot -> assertThat(lot.revenueAccount()).isEqualTo(LedgerAccount.of("8010")));
  }

  private void bookRevenueOf(CreditPackage pkg, String account) {
    fx.pakketten.updatePackage(UpdatePackage.builder().practice(PRACTICE).actor(OWNER).packageId(pkg.id())
        .name(pkg.name()).internalRate(pkg.internalRate()).ledgerAccount(LedgerAccount.of(account)).build());
  }

  /** Revenue per ledger account, keyed by the account's code. */
  private Map<String, Money> revenue() {
    Map<String, Money> byCode = new java.util.TreeMap<>();
    fx.pakketten.revenueByLedgerAccount(PRACTICE, Instant.EPOCH, FAR_FUTURE)
        .forEach((account, amount) -> byCode.put(account.value(), amount));
    return byCode;
  }
}
