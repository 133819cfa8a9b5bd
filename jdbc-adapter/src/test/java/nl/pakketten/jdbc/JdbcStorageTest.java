package nl.pakketten.jdbc;

import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;

import nl.pakketten.appointments.CancelResult;
import nl.pakketten.appointments.ScheduleResult;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.granting.PaymentResult;
import nl.pakketten.testing.Fixtures;
import nl.pakketten.testing.Pages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The whole package story end to end on each database. */
class JdbcStorageTest {
  @ParameterizedTest
  @EnumSource(Database.class)
  void thePackageStoryRunsEndToEnd(Database database) {
    Fixtures f = new Fixtures(database.emptyStorage());
    CreditPackage pkg = f.createPackage("Fysio 10", eur("45.00"));
    f.linkProduct("FYSIO10", pkg.id(), 10, eur("400.00"));
    f.linkType("fysio", pkg.id(), 1);

    PaymentResult paid = f.pay("F-1", PATIENT, InvoiceLine.of("FYSIO10", 1, eur("400.00")));
    PaymentResult again = f.pay("F-1", PATIENT, InvoiceLine.of("FYSIO10", 1, eur("400.00")));
    ScheduleResult scheduled = f.schedule("A-1", PATIENT, "fysio");
    CancelResult cancelled = f.cancel("A-1");
    f.schedule("A-2", PATIENT, "fysio");

    assertThat(paid).isInstanceOf(PaymentResult.Granted.class);
    assertThat(again).isInstanceOf(PaymentResult.AlreadyGranted.class);
    assertThat(again.grants()).isEqualTo(paid.grants());
    assertThat(scheduled).isInstanceOf(ScheduleResult.Covered.class);
    assertThat(cancelled).isInstanceOf(CancelResult.GivenBack.class);
    assertThat(f.balance(PATIENT, pkg.id())).isEqualTo(9);
    assertThat(f.pakketten.lots(Fixtures.PRACTICE, PATIENT)).singleElement()
        .satisfies(lot -> assertThat(lot.creditsRemaining()).isEqualTo(9));
    assertThat(Pages.history(f.pakketten, Fixtures.PRACTICE, PATIENT)).hasSize(4);
    assertThat(LedgerAudit.violations(database.dataSource())).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aWalletThatWasOnlyLockedDoesNotExistAfterwards(Database database) {
    Fixtures f = new Fixtures(database.emptyStorage());
    CreditPackage pkg = f.createPackage("Fysio 10", eur("45.00"));

    // The lock creates the row to lock; the commit removes it again when nothing was saved.
    f.storage.transactions().inTransaction(() -> f.storage.wallets().lock(Fixtures.PRACTICE, PATIENT, pkg.id()));

    assertThat(f.storage.wallets().find(Fixtures.PRACTICE, PATIENT, pkg.id())).isEmpty();
    assertThat(f.pakketten.wallets(Fixtures.PRACTICE, PATIENT)).isEmpty();
    assertThat(LedgerAudit.count(database.dataSource(), "pakketten_wallets")).isZero();
  }
}
