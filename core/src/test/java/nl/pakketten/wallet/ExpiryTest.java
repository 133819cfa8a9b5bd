package nl.pakketten.wallet;

import static nl.pakketten.testing.Fixtures.OWNER;
import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import nl.pakketten.appointments.ScheduleResult;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.revenue.AccountRole;
import nl.pakketten.revenue.JournalEntry;
import nl.pakketten.revenue.JournalLine;
import nl.pakketten.revenue.Side;
import nl.pakketten.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** Credits of a lot past its last day leave the balance, and what is left of its value goes to breakage. */
class ExpiryTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

  private final Fixtures f = new Fixtures();
  private final CreditPackage basis = f.createPackage("Basis", eur(30));

  ExpiryTest() {
    f.linkType("T1", basis.id(), 1);
  }

  @Test
  void expiryRemovesTheRemainingCreditsOfALotPastItsLastDay() {
    f.importCredits("I1", PATIENT, basis.id(), 3, eur(10), TODAY.minusDays(1));

    int expired = f.pakketten.expireCredits(ExpireCredits.of(PRACTICE, OWNER, TODAY));

    assertThat(expired).isEqualTo(3);
    assertThat(f.balance(PATIENT, basis.id())).isZero();
    assertThat(f.lots(PATIENT)).singleElement().extracting(Lot::creditsRemaining).isEqualTo(0);
  }

  @Test
  void expiryBooksWhatIsLeftOfTheLotsValueToBreakageOnTheLotsRevenueAccount() {
    f.importCredits("I1", PATIENT, basis.id(), 3, eur(10), TODAY.plusDays(10));
    f.schedule("A1", PATIENT, "T1");
    f.clock.advance(java.time.Duration.ofDays(12));

    f.pakketten.expireCredits(ExpireCredits.of(PRACTICE, OWNER, TODAY.plusDays(12)));

    assertThat(f.history(PATIENT)).last().satisfies(m -> {
      assertThat(m.kind()).isEqualTo(MovementKind.EXPIRED);
      assertThat(m.credits()).isEqualTo(2);
      assertThat(m.revenue()).isEqualTo(eur(20));
      assertThat(m.actor()).isEqualTo(OWNER.userId());
    });
    assertThat(f.lots(PATIENT)).singleElement().satisfies(lot -> assertThat(lot.recognisedRevenue())
        .isEqualTo(lot.deferredValue()));
    JournalEntry entry = f.journal().get(f.journal().size() - 1);
    assertThat(entry.lines()).extracting(JournalLine::role, JournalLine::side, JournalLine::amount).containsExactly(
        org.assertj.core.groups.Tuple.tuple(AccountRole.DEFERRED_REVENUE, Side.DEBIT, eur(20)),
        org.assertj.core.groups.Tuple.tuple(AccountRole.BREAKAGE, Side.CREDIT, eur(20)));
    assertThat(entry.lines()).extracting(JournalLine::account).containsExactly("1700", "8000");
  }

  @Test
  void expiryBooksBreakageOnThePackagesBreakageAccountWhenItNamesOne() {
    f.pakketten.updatePackage(nl.pakketten.catalog.UpdatePackage.builder().practice(PRACTICE).actor(OWNER)
        .packageId(basis.id()).name("Basis").internalRate(eur(30))
        .breakageAccount(nl.pakketten.catalog.LedgerAccount.of("8090")).build());
    f.importCredits("I1", PATIENT, basis.id(), 3, eur(10), TODAY.plusDays(10));
    f.clock.advance(java.time.Duration.ofDays(12));

    f.pakketten.expireCredits(ExpireCredits.of(PRACTICE, OWNER, TODAY.plusDays(12)));

    JournalEntry entry = f.journal().get(f.journal().size() - 1);
    assertThat(entry.lines()).extracting(JournalLine::account, JournalLine::role, JournalLine::side,
        JournalLine::amount).containsExactly(
        org.assertj.core.groups.Tuple.tuple("1700", AccountRole.DEFERRED_REVENUE, Side.DEBIT, eur(30)),
        org.assertj.core.groups.Tuple.tuple("8090", AccountRole.BREAKAGE, Side.CREDIT, eur(30)));
    assertThat(f.pakketten.revenueByLedgerAccount(PRACTICE, java.time.Instant.EPOCH, Fixtures.FAR_FUTURE))
        .isEmpty();
  }

  @Test
  void creditsCanStillBeSpentOnTheirLastDay() {
    f.importCredits("I1", PATIENT, basis.id(), 3, eur(10), TODAY);

    assertThat(f.schedule("A1", PATIENT, "T1")).isInstanceOf(ScheduleResult.Covered.class);
  }

  @Test
  void lotsNotYetPastTheirLastDayAreKept() {
    f.importCredits("I1", PATIENT, basis.id(), 3, eur(10), TODAY);

    assertThat(f.pakketten.expireCredits(ExpireCredits.of(PRACTICE, OWNER, TODAY))).isZero();
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(3);
  }

  @Test
  void onlyTheLotsPastTheirLastDayExpire() {
    f.importCredits("I1", PATIENT, basis.id(), 3, eur(10), TODAY.minusDays(1));
    f.importCredits("I2", PATIENT, basis.id(), 4, eur(10), TODAY);

    assertThat(f.pakketten.expireCredits(ExpireCredits.of(PRACTICE, OWNER, TODAY))).isEqualTo(3);
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(4);
  }

  @Test
  void lotsWithoutExpiryNeverExpire() {
    f.importCredits("I1", PATIENT, basis.id(), 3, eur(10), null);

    assertThat(f.pakketten.expireCredits(ExpireCredits.of(PRACTICE, OWNER, TODAY))).isZero();
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(3);
  }

  @Test
  void runningExpiryAgainChangesNothing() {
    f.importCredits("I1", PATIENT, basis.id(), 3, eur(10), TODAY.minusDays(1));
    f.pakketten.expireCredits(ExpireCredits.of(PRACTICE, OWNER, TODAY));
    int historyBefore = f.history(PATIENT).size();
    f.events.clear();

    assertThat(f.pakketten.expireCredits(ExpireCredits.of(PRACTICE, OWNER, TODAY))).isZero();
    assertThat(f.history(PATIENT)).hasSize(historyBefore);
    assertThat(f.events).isEmpty();
  }

  @Test
  void expiryCannotRunAheadOfTime() {
    f.importCredits("I1", PATIENT, basis.id(), 3, eur(10), TODAY.plusDays(1));

    assertThatThrownBy(() -> f.pakketten.expireCredits(ExpireCredits.of(PRACTICE, OWNER, TODAY.plusDays(5))))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("day")));
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(3);
  }

  @Test
  void balanceIsGrantedMinusSpentPlusGivenBackMinusExpired() {
    f.importCredits("I1", PATIENT, basis.id(), 5, eur(10), TODAY.plusDays(3));
    f.importCredits("I2", PATIENT, basis.id(), 4, eur(10), null);
    f.schedule("A1", PATIENT, "T1");
    f.schedule("A2", PATIENT, "T1");
    f.cancel("A1");
    f.clock.advance(java.time.Duration.ofDays(5));
    f.pakketten.expireCredits(ExpireCredits.of(PRACTICE, OWNER, TODAY.plusDays(5)));

    int fromHistory = f.history(PATIENT).stream().mapToInt(Movement::balanceEffect).sum();
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(4).isEqualTo(fromHistory);
  }
}
