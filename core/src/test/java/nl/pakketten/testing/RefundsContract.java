package nl.pakketten.testing;

import static nl.pakketten.testing.Fixtures.OTHER_PRACTICE;
import static nl.pakketten.testing.Fixtures.OWNER;
import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.RECEPTIONIST;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.pakketten.access.AccessDeniedException;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.LedgerAccount;
import nl.pakketten.catalog.Product;
import nl.pakketten.catalog.ProductCode;
import nl.pakketten.catalog.SaveProduct;
import nl.pakketten.catalog.UpdatePackage;
import nl.pakketten.common.ConflictException;
import nl.pakketten.common.FieldViolation;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.LotId;
import nl.pakketten.common.NotFoundException;
import nl.pakketten.common.PatientId;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.granting.PaymentResult;
import nl.pakketten.revenue.AccountRole;
import nl.pakketten.revenue.JournalEntry;
import nl.pakketten.revenue.JournalLine;
import nl.pakketten.revenue.Side;
import nl.pakketten.spi.Storage;
import nl.pakketten.wallet.CreditEvents;
import nl.pakketten.wallet.ExpireCredits;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.Movement;
import nl.pakketten.wallet.MovementKind;
import nl.pakketten.wallet.RefundCredits;
import nl.pakketten.wallet.RefundId;
import nl.pakketten.wallet.RefundResult;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Money after the sale (issue 11, items 1 and 2): the validity of paid credits, expiry to breakage,
 * and refunds of unused credits. Written once, run on every storage: subclass it and implement
 * {@link #newStorage()} with an empty storage.
 */
public abstract class RefundsContract {
  /** An empty storage to test; called once per test. */
  protected abstract Storage newStorage();

  private Fixtures f;
  private CreditPackage basis;

  @BeforeEach
  void setUp() {
    f = new Fixtures(newStorage());
    // A rate that does not divide the price: 3 credits paid with 100.00 at 33.33 a credit.
    basis = f.createPackage("Basis", eur("33.33"));
    f.linkType("T1", basis.id(), 1);
    f.linkProduct("P3", basis.id(), 3, eur("100.00"));
  }

  private LotId paidLot(String invoiceId) {
    PaymentResult result = f.pay(invoiceId, PATIENT, InvoiceLine.of("P3", 1, eur("100.00")));
    return result.grants().get(0).lotId();
  }

  private static RefundCredits.Builder refund(String id, int credits) {
    return RefundCredits.builder().practice(PRACTICE).actor(OWNER).refundId(RefundId.of(id)).patient(PATIENT)
        .credits(credits).reason("moved away");
  }

  private RefundResult refundFromLot(String id, LotId lot, int credits) {
    return f.pakketten.refundCredits(refund(id, credits).packageId(basis.id()).lot(lot).build());
  }

  private Lot lot(LotId id) {
    return f.lots(PATIENT).stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
  }

  private JournalEntry lastEntry() {
    List<JournalEntry> journal = f.journal();
    return journal.get(journal.size() - 1);
  }

  /** What a failed call must leave untouched. */
  private record State(int balance, int history, int journal, List<Lot> lots) {}

  private State state() {
    return new State(f.balance(PATIENT, basis.id()), f.history(PATIENT).size(), f.journal().size(),
        f.lots(PATIENT));
  }

  private void assertEveryEntryBalancesAndDeferredMatchesTheLots() {
    for (JournalEntry entry : f.journal()) {
      Money debit = Money.zero(CurrencyUnit.EUR);
      Money credit = Money.zero(CurrencyUnit.EUR);
      for (JournalLine line : entry.lines()) {
        if (line.side() == Side.DEBIT) {
          debit = debit.plus(line.amount());
        } else {
          credit = credit.plus(line.amount());
        }
      }
      assertThat(debit).as("entry %s balances", entry.id()).isEqualTo(credit);
    }
    Money open = f.lots(PATIENT).stream().map(Lot::unrecognised).reduce(Money.zero(CurrencyUnit.EUR), Money::plus);
    assertThat(f.pakketten.deferredByPackage(PRACTICE, Fixtures.FAR_FUTURE).getOrDefault(basis.id(),
        Money.zero(CurrencyUnit.EUR))).as("deferred revenue in the journal = the lots' unrecognised value")
        .isEqualTo(open);
  }

  private static void assertInvalid(Runnable call, String field) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidInputException.class, e ->
        assertThat(e.violations()).extracting(FieldViolation::field).contains(field));
  }

  // ---------------------------------------------------------------------------------------------
  // Validity of paid credits

  private void linkWithValidity(String code, Optional<Period> validity) {
    f.pakketten.saveProduct(SaveProduct.builder().practice(PRACTICE).actor(OWNER).code(ProductCode.of(code))
        .name("Product " + code).unitPrice(eur("100.00")).packageId(basis.id()).creditsPerUnit(3)
        .validity(validity).build());
  }

  @Test
  void paidCreditsOfAProductWithAValidityLastUntilTheGrantDayPlusTheValidityMinusOneDay() {
    linkWithValidity("P12", Optional.of(Period.ofMonths(12)));

    LotId lot = f.pay("F-1", PATIENT, InvoiceLine.of("P12", 1, eur("100.00"))).grants().get(0).lotId();

    // granted on 2026-03-02 (the fixtures' clock): valid through 2027-03-01
    assertThat(lot(lot).expiresOn()).contains(LocalDate.of(2027, 3, 1));
  }

  @Test
  void paidCreditsOfAProductWithoutAValidityDoNotExpire() {
    assertThat(lot(paidLot("F-1")).expiresOn()).isEmpty();
  }

  @Test
  void aProductKeepsItsValidityInStorage() {
    linkWithValidity("P12", Optional.of(Period.ofMonths(12)));

    Optional<Product> product = f.storage.transactions().inTransaction(() ->
        f.storage.products().find(PRACTICE, ProductCode.of("P12")));

    assertThat(product.orElseThrow().link().orElseThrow().validity()).contains(Period.ofMonths(12));
  }

  @Test
  void aZeroOrNegativeValidityIsRefusedNamingTheField() {
    assertInvalid(() -> linkWithValidity("P0", Optional.of(Period.ZERO)), "validity");
    assertInvalid(() -> linkWithValidity("PN", Optional.of(Period.ofDays(-1))), "validity");
  }

  @Test
  void expiredPaidCreditsBookTheirRemainingValueToBreakageAndTheJournalBalances() {
    linkWithValidity("P1M", Optional.of(Period.ofDays(10)));
    LotId lot = f.pay("F-1", PATIENT, InvoiceLine.of("P1M", 1, eur("100.00"))).grants().get(0).lotId();
    f.schedule("A1", PATIENT, "T1");
    f.clock.advance(Duration.ofDays(11));

    int expired = f.pakketten.expireCredits(ExpireCredits.of(PRACTICE, OWNER, LocalDate.of(2026, 3, 13)));

    assertThat(expired).isEqualTo(2);
    assertThat(lastEntry().lines()).extracting(JournalLine::account, JournalLine::role, JournalLine::side,
        JournalLine::amount).containsExactly(
        tuple("1700", AccountRole.DEFERRED_REVENUE, Side.DEBIT, eur("66.67")),
        tuple("8000", AccountRole.BREAKAGE, Side.CREDIT, eur("66.67")));
    assertThat(lot(lot).unrecognised()).isEqualTo(eur(0));
    assertThat(f.pakketten.revenueByLedgerAccount(PRACTICE, Instant.EPOCH, Fixtures.FAR_FUTURE))
        .containsExactly(Map.entry(LedgerAccount.of("8000"), eur("33.33")));
    assertEveryEntryBalancesAndDeferredMatchesTheLots();
  }

  @Test
  void aPackageKeepsItsBreakageAccountAndLowBalanceThresholdInStorage() {
    f.pakketten.updatePackage(UpdatePackage.builder().practice(PRACTICE).actor(OWNER).packageId(basis.id())
        .name("Basis").internalRate(eur("33.33")).breakageAccount(LedgerAccount.of("8090")).lowBalanceThreshold(1)
        .build());

    CreditPackage stored = f.storage.transactions().inTransaction(() ->
        f.storage.packages().find(PRACTICE, basis.id())).orElseThrow();

    assertThat(stored.breakageAccount()).contains(LedgerAccount.of("8090"));
    assertThat(stored.lowBalanceThreshold()).contains(1);
  }

  @Test
  void aNegativeLowBalanceThresholdIsRefusedNamingTheField() {
    assertInvalid(() -> f.pakketten.updatePackage(UpdatePackage.builder().practice(PRACTICE).actor(OWNER)
        .packageId(basis.id()).name("Basis").internalRate(eur("33.33")).lowBalanceThreshold(-1).build()),
        "lowBalanceThreshold");
  }

  // ---------------------------------------------------------------------------------------------
  // Expiring soon

  private int notify(int withinDays, LocalDate day) {
    return f.pakketten.notifyExpiringCredits(nl.pakketten.wallet.NotifyExpiringCredits.of(PRACTICE, OWNER,
        withinDays, day));
  }

  private List<CreditEvents.CreditsExpiringSoon> expiringSoon() {
    return f.events.stream().filter(CreditEvents.CreditsExpiringSoon.class::isInstance)
        .map(CreditEvents.CreditsExpiringSoon.class::cast).toList();
  }

  @Test
  void lotsWhoseLastDayIsWithinReachAreToldToTheHostOncePerDay() {
    f.importCredits("I1", PATIENT, basis.id(), 2, eur(10), LocalDate.of(2026, 3, 10)); // within 14 days
    f.importCredits("I2", PATIENT, basis.id(), 2, eur(10), LocalDate.of(2026, 4, 30)); // too far
    f.importCredits("I3", PATIENT, basis.id(), 2, eur(10), null);                      // never expires

    assertThat(notify(14, LocalDate.of(2026, 3, 2))).isEqualTo(1);
    assertThat(notify(14, LocalDate.of(2026, 3, 2))).as("a rerun the same day").isZero();

    assertThat(expiringSoon()).singleElement().satisfies(e -> {
      assertThat(e.patient()).isEqualTo(PATIENT);
      assertThat(e.packageId()).isEqualTo(basis.id());
      assertThat(e.credits()).isEqualTo(2);
      assertThat(e.lastDay()).isEqualTo(LocalDate.of(2026, 3, 10));
    });
  }

  @Test
  void aLaterRunNotifiesALotStillWithinReachAgainButNotOnePastItsLastDayOrUsedUp() {
    LotId lot = f.importCredits("I1", PATIENT, basis.id(), 1, eur(10), LocalDate.of(2026, 3, 10)).grant().lotId();
    f.importCredits("I2", PATIENT, basis.id(), 1, eur(10), LocalDate.of(2026, 3, 3));
    notify(14, LocalDate.of(2026, 3, 2));
    refundFromLot("R-1", lot, 1);
    f.clock.advance(Duration.ofDays(2));

    assertThat(notify(14, LocalDate.of(2026, 3, 4))).as("I1 used up, I2 past its last day").isZero();
    assertThat(expiringSoon()).hasSize(2);
  }

  @Test
  void aNegativeOrTooLargeReachIsRefusedNamingTheField() {
    assertInvalid(() -> notify(-1, LocalDate.of(2026, 3, 2)), "withinDays");
    assertInvalid(() -> notify(367, LocalDate.of(2026, 3, 2)), "withinDays");
    assertThatThrownBy(() -> f.pakketten.notifyExpiringCredits(nl.pakketten.wallet.NotifyExpiringCredits.of(PRACTICE,
        RECEPTIONIST, 14, LocalDate.of(2026, 3, 2)))).isInstanceOf(AccessDeniedException.class);
  }

  // ---------------------------------------------------------------------------------------------
  // Low balance

  private void threshold(int threshold) {
    f.pakketten.updatePackage(UpdatePackage.builder().practice(PRACTICE).actor(OWNER).packageId(basis.id())
        .name("Basis").internalRate(eur("33.33")).lowBalanceThreshold(threshold).build());
  }

  @Test
  void aSpendThatLeavesTheBalanceAtOrBelowThePackagesThresholdRaisesCreditsLow() {
    threshold(1);
    paidLot("F-1");

    f.schedule("A1", PATIENT, "T1"); // 2 left: above
    assertThat(f.events).filteredOn(CreditEvents.CreditsLow.class::isInstance).isEmpty();
    f.schedule("A2", PATIENT, "T1"); // 1 left: at
    f.schedule("A3", PATIENT, "T1"); // 0 left: below

    assertThat(f.events).filteredOn(CreditEvents.CreditsLow.class::isInstance)
        .map(CreditEvents.CreditsLow.class::cast)
        .extracting(CreditEvents.CreditsLow::patient, CreditEvents.CreditsLow::balance,
            CreditEvents.CreditsLow::threshold)
        .containsExactly(tuple(PATIENT, 1, 1), tuple(PATIENT, 0, 1));
  }

  @Test
  void aPackageWithoutAThresholdNeverRaisesCreditsLow() {
    paidLot("F-1");

    f.schedule("A1", PATIENT, "T1");
    f.schedule("A2", PATIENT, "T1");
    f.schedule("A3", PATIENT, "T1");

    assertThat(f.events).filteredOn(CreditEvents.CreditsLow.class::isInstance).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // Refunds

  @Test
  void aRefundOfTheRestOfALotMovesItsRemainingValueToRefundsPayableExactToTheCent() {
    LotId lot = paidLot("F-1");
    f.schedule("A1", PATIENT, "T1"); // recognises 33.33; 66.67 is left

    RefundResult result = refundFromLot("R-1", lot, 2);

    assertThat(result.replay()).isFalse();
    assertThat(result.refund().value()).isEqualTo(eur("66.67"));
    assertThat(result.refund().amount()).isEqualTo(eur("66.67"));
    assertThat(result.refund().breakage()).isEqualTo(eur(0));
    assertThat(f.balance(PATIENT, basis.id())).isZero();
    assertThat(lot(lot).unrecognised()).isEqualTo(eur(0));
    assertThat(lastEntry().lines()).extracting(JournalLine::account, JournalLine::role, JournalLine::side,
        JournalLine::amount).containsExactly(
        tuple("1700", AccountRole.DEFERRED_REVENUE, Side.DEBIT, eur("66.67")),
        tuple("1620", AccountRole.REFUNDS_PAYABLE, Side.CREDIT, eur("66.67")));
    assertEveryEntryBalancesAndDeferredMatchesTheLots();
  }

  @Test
  void aRefundOfSomeCreditsOfALotTakesThemAtTheLotsRate() {
    LotId lot = paidLot("F-1");

    RefundResult result = refundFromLot("R-1", lot, 1);

    assertThat(result.refund().value()).isEqualTo(eur("33.33"));
    assertThat(lot(lot).creditsRemaining()).isEqualTo(2);
    assertThat(lot(lot).unrecognised()).isEqualTo(eur("66.67"));
    assertEveryEntryBalancesAndDeferredMatchesTheLots();
  }

  @Test
  void anOwnerMayRefundLessAndTheDifferenceGoesToBreakage() {
    LotId lot = paidLot("F-1");

    RefundResult result = f.pakketten.refundCredits(refund("R-1", 3).packageId(basis.id()).lot(lot)
        .amount(eur("80.00")).build());

    assertThat(result.refund().breakage()).isEqualTo(eur("20.00"));
    assertThat(lastEntry().lines()).extracting(JournalLine::account, JournalLine::role, JournalLine::side,
        JournalLine::amount).containsExactly(
        tuple("1700", AccountRole.DEFERRED_REVENUE, Side.DEBIT, eur("100.00")),
        tuple("1620", AccountRole.REFUNDS_PAYABLE, Side.CREDIT, eur("80.00")),
        tuple("8000", AccountRole.BREAKAGE, Side.CREDIT, eur("20.00")));
    assertThat(f.pakketten.revenueByLedgerAccount(PRACTICE, Instant.EPOCH, Fixtures.FAR_FUTURE)).isEmpty();
    assertEveryEntryBalancesAndDeferredMatchesTheLots();
  }

  @Test
  void breakageOfARefundGoesToThePackagesBreakageAccountWhenItNamesOne() {
    f.pakketten.updatePackage(UpdatePackage.builder().practice(PRACTICE).actor(OWNER).packageId(basis.id())
        .name("Basis").internalRate(eur("33.33")).breakageAccount(LedgerAccount.of("8090")).build());
    LotId lot = paidLot("F-1");

    f.pakketten.refundCredits(refund("R-1", 3).packageId(basis.id()).lot(lot).amount(eur(0)).build());

    assertThat(lastEntry().lines()).extracting(JournalLine::account, JournalLine::role, JournalLine::amount)
        .containsExactly(tuple("1700", AccountRole.DEFERRED_REVENUE, eur("100.00")),
            tuple("8090", AccountRole.BREAKAGE, eur("100.00")));
    assertEveryEntryBalancesAndDeferredMatchesTheLots();
  }

  @Test
  void aRefundFromTheWalletTakesLotsInSpendingOrderAndRecordsEachInTheHistory() {
    f.importCredits("I1", PATIENT, basis.id(), 2, eur(10), null);
    f.importCredits("I2", PATIENT, basis.id(), 2, eur(20), LocalDate.of(2026, 6, 1)); // expires first

    RefundResult result = f.pakketten.refundCredits(refund("R-1", 3).packageId(basis.id()).build());

    assertThat(result.refund().value()).isEqualTo(eur(50));
    assertThat(f.lots(PATIENT)).extracting(Lot::creditsRemaining).containsExactly(1, 0);
    List<Movement> refunded = f.history(PATIENT).stream().filter(m -> m.kind() == MovementKind.REFUNDED).toList();
    assertThat(refunded).extracting(Movement::credits, Movement::revenue, Movement::reason, Movement::sourceKey)
        .containsExactly(tuple(2, eur(0), "moved away", "refund:R-1"), tuple(1, eur(0), "moved away", "refund:R-1"));
    assertThat(f.lots(PATIENT)).extracting(Lot::valueOut, Lot::recognisedRevenue)
        .containsExactly(tuple(eur(10), eur(0)), tuple(eur(40), eur(0)));
    assertThat(f.events).filteredOn(CreditEvents.CreditsRefunded.class::isInstance).hasSize(2);
    assertEveryEntryBalancesAndDeferredMatchesTheLots();
  }

  @Test
  void aLowerAmountFromTheWalletIsPaidFromTheFirstLotsAndTheRestIsBreakage() {
    f.importCredits("I1", PATIENT, basis.id(), 2, eur(10), null);
    f.importCredits("I2", PATIENT, basis.id(), 2, eur(20), null);

    f.pakketten.refundCredits(refund("R-1", 4).packageId(basis.id()).amount(eur(45)).build());

    List<JournalEntry> journal = f.journal();
    assertThat(journal.subList(journal.size() - 2, journal.size())).flatExtracting(JournalEntry::lines)
        .extracting(JournalLine::role, JournalLine::amount).containsExactly(
            tuple(AccountRole.DEFERRED_REVENUE, eur(20)), tuple(AccountRole.REFUNDS_PAYABLE, eur(20)),
            tuple(AccountRole.DEFERRED_REVENUE, eur(40)), tuple(AccountRole.REFUNDS_PAYABLE, eur(25)),
            tuple(AccountRole.BREAKAGE, eur(15)));
    assertEveryEntryBalancesAndDeferredMatchesTheLots();
  }

  @Test
  void aRepeatWithTheSameIdAndContentIsAReplayThatChangesNothing() {
    LotId lot = paidLot("F-1");
    RefundResult first = refundFromLot("R-1", lot, 1);
    State before = state();

    RefundResult again = refundFromLot("R-1", lot, 1);

    assertThat(again.replay()).isTrue();
    assertThat(again.refund()).isEqualTo(first.refund());
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void theSameIdWithOtherContentIsAConflictThatStoresNothing() {
    LotId lot = paidLot("F-1");
    refundFromLot("R-1", lot, 1);
    State before = state();

    assertThatThrownBy(() -> refundFromLot("R-1", lot, 2)).isInstanceOf(ConflictException.class)
        .hasMessageContaining("R-1").hasMessageContaining("other content");
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void moreCreditsThanTheLotHasLeftAreRefusedAndNothingIsStored() {
    LotId lot = paidLot("F-1");
    f.schedule("A1", PATIENT, "T1");
    State before = state();

    assertThatThrownBy(() -> refundFromLot("R-1", lot, 3)).isInstanceOf(ConflictException.class)
        .hasMessageContaining("has 2 remaining");
    assertThat(state()).isEqualTo(before);
    // the key is not used up by the failure
    assertThat(refundFromLot("R-1", lot, 2).replay()).isFalse();
  }

  @Test
  void moreCreditsThanTheWalletHasAreRefused() {
    paidLot("F-1");
    State before = state();

    assertThatThrownBy(() -> f.pakketten.refundCredits(refund("R-1", 4).packageId(basis.id()).build()))
        .isInstanceOf(ConflictException.class).hasMessageContaining("has 3 refundable credits");
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void anAmountAboveTheCreditsValueIsRefusedNamingTheField() {
    LotId lot = paidLot("F-1");
    State before = state();

    assertInvalid(() -> f.pakketten.refundCredits(refund("R-1", 1).packageId(basis.id()).lot(lot)
        .amount(eur("33.34")).build()), "amount");
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void aNegativeAmountOrOneInAnotherCurrencyIsRefusedNamingTheField() {
    LotId lot = paidLot("F-1");
    State before = state();

    assertInvalid(() -> f.pakketten.refundCredits(refund("R-1", 1).packageId(basis.id()).lot(lot)
        .amount(eur("-1.00")).build()), "amount");
    assertInvalid(() -> f.pakketten.refundCredits(refund("R-2", 1).packageId(basis.id()).lot(lot)
        .amount(Money.of(CurrencyUnit.USD, 1)).build()), "amount");
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void zeroOrNegativeCreditsAndAMissingReasonAreRefusedNamingTheFields() {
    paidLot("F-1");

    assertInvalid(() -> f.pakketten.refundCredits(refund("R-1", 0).packageId(basis.id()).build()), "credits");
    assertInvalid(() -> f.pakketten.refundCredits(refund("R-1", -2).packageId(basis.id()).build()), "credits");
    assertInvalid(() -> f.pakketten.refundCredits(refund("R-1", 1).packageId(basis.id()).reason(" ").build()),
        "reason");
  }

  @Test
  void onlyTheOwnerMayRefundByDefault() {
    LotId lot = paidLot("F-1");
    State before = state();

    assertThatThrownBy(() -> f.pakketten.refundCredits(refund("R-1", 1).actor(RECEPTIONIST).packageId(basis.id())
        .lot(lot).build())).isInstanceOf(AccessDeniedException.class).hasMessageContaining("refund credits");
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void anUnknownPackageOrLotIsRefused() {
    paidLot("F-1");

    assertThatThrownBy(() -> f.pakketten.refundCredits(refund("R-1", 1)
        .packageId(nl.pakketten.catalog.PackageId.of("nope")).build())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> refundFromLot("R-1", LotId.of("no-such-lot"), 1))
        .isInstanceOf(ConflictException.class).hasMessageContaining("has 0 remaining");
  }

  @Test
  void anExpiredLotCannotBeRefunded() {
    f.importCredits("I1", PATIENT, basis.id(), 2, eur(10), LocalDate.of(2026, 3, 5));
    LotId lot = f.lots(PATIENT).get(0).id();
    f.clock.advance(Duration.ofDays(5));

    assertThatThrownBy(() -> refundFromLot("R-1", lot, 1)).isInstanceOf(ConflictException.class)
        .hasMessageContaining("expired");
  }

  @Test
  void anotherPracticeCannotRefundThePatientsCredits() {
    paidLot("F-1");

    assertThatThrownBy(() -> f.pakketten.refundCredits(refund("R-1", 1).practice(OTHER_PRACTICE)
        .packageId(basis.id()).build())).isInstanceOf(NotFoundException.class);
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(3);
  }

  @Test
  void refundedCreditsLeaveTheBalance() {
    LotId lot = paidLot("F-1");
    refundFromLot("R-1", lot, 3);

    assertThat(f.balance(PatientId.of(PATIENT.value()), basis.id())).isZero();
    assertThat(lot(lot).creditsRemaining()).isZero();
    assertThat(f.history(PATIENT)).extracting(Movement::balanceEffect).containsExactly(3, -3);
  }
}
