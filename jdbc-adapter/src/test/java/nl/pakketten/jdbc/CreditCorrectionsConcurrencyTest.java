package nl.pakketten.jdbc;

import static nl.pakketten.testing.Fixtures.OWNER;
import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.RECEPTIONIST;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import nl.pakketten.appointments.InsufficientCreditsException;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.ConflictException;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.LotId;
import nl.pakketten.common.PatientId;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.granting.ReversalId;
import nl.pakketten.granting.ReversalResult;
import nl.pakketten.granting.ReversePayment;
import nl.pakketten.testing.Fixtures;
import nl.pakketten.wallet.NotEnoughCreditsException;
import nl.pakketten.wallet.TransferCredits;
import nl.pakketten.wallet.TransferId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Reversals and transfers under concurrency: the same reversal delivered many times at once
 * reverses once, a payment is reversed once whatever the keys, and a transfer racing a spend of
 * the same lot never over-spends it.
 */
class CreditCorrectionsConcurrencyTest extends AuditedDatabaseTest {
  private static final Instant START = Fixtures.START.plusSeconds(7 * 24 * 3600);
  private static final PatientId PARTNER = PatientId.of("patient-2");

  private static ReversePayment reversal(String key) {
    return ReversePayment.builder().practice(PRACTICE).actor(OWNER).reversalId(ReversalId.of(key)).patient(PATIENT)
        .invoiceId(InvoiceId.of("F-1")).reason("charge-back").build();
  }

  private static TransferCredits transfer(String key, PatientId from, LotId lot, int credits, PatientId to) {
    return TransferCredits.builder().practice(PRACTICE).actor(RECEPTIONIST).transferId(TransferId.of(key))
        .from(from).lot(lot).credits(credits).to(to).build();
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void theSameReversalSixteenTimesAtOnceReversesOnce(Database db) {
    Fixtures f = fixtures(db);
    PackageId pkg = f.createPackage("Fysio", eur("40.00")).id();
    f.linkProduct("FYSIO10", pkg, 10, eur("400.00"));
    f.linkType("fysio", pkg, 1);
    f.pay("F-1", PATIENT, InvoiceLine.of("FYSIO10", 1, eur("400.00")));
    f.schedule("A-1", PATIENT, "fysio");

    List<Concurrently.Outcome<ReversalResult>> outcomes = Concurrently.run(16,
        i -> f.pakketten.reversePayment(reversal("R-1")));

    assertThat(outcomes).noneMatch(Concurrently.Outcome::failed);
    assertThat(outcomes).filteredOn(o -> o.result() instanceof ReversalResult.Reversed).hasSize(1);
    assertThat(outcomes).allSatisfy(o -> assertThat(o.result().reversal()).isEqualTo(outcomes.get(0).result()
        .reversal()));
    assertThat(f.balance(PATIENT, pkg)).isZero();
    assertThat(count("SELECT COUNT(*) FROM pakketten_movements WHERE kind = 'REVERSED'")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM pakketten_journal_entries WHERE source_key = 'reversal:R-1'"))
        .isEqualTo(2); // the revoked credits, and the receivable of the spent one
    assertThat(count("SELECT COUNT(*) FROM pakketten_reversals")).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void sixteenReversalsOfOnePaymentUnderDifferentKeysReverseItOnce(Database db) {
    Fixtures f = fixtures(db);
    PackageId pkg = f.createPackage("Fysio", eur("40.00")).id();
    f.linkProduct("FYSIO10", pkg, 10, eur("400.00"));
    f.pay("F-1", PATIENT, InvoiceLine.of("FYSIO10", 1, eur("400.00")));

    List<Concurrently.Outcome<ReversalResult>> outcomes = Concurrently.run(16,
        i -> f.pakketten.reversePayment(reversal("R-" + i)));

    assertThat(outcomes).filteredOn(o -> !o.failed()).hasSize(1);
    assertThat(outcomes).filteredOn(Concurrently.Outcome::failed).hasSize(15)
        .allSatisfy(o -> assertThat(o.error()).isInstanceOf(ConflictException.class));
    assertThat(count("SELECT COUNT(*) FROM pakketten_movements WHERE kind = 'REVERSED'")).isEqualTo(1);
    assertThat(count("SELECT SUM(value_out) FROM pakketten_lots")).isEqualTo(400);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aTransferRacingASpendOfTheSameLotNeverOverSpendsIt(Database db) {
    Fixtures f = fixtures(db);
    PackageId pkg = f.createPackage("Fysio", eur("40.00")).id();
    f.linkType("six", pkg, 6);
    for (int round = 0; round < 8; round++) {
      PatientId giver = PatientId.of("giver-" + round);
      PatientId receiver = PatientId.of("receiver-" + round);
      LotId lot = f.importCredits("I-" + round, giver, pkg, 10, eur("40.00")).grant().lotId();
      int r = round;

      List<Concurrently.Outcome<Object>> outcomes = Concurrently.run(2, i -> i == 0
          ? f.pakketten.transferCredits(transfer("T-" + r, giver, lot, 6, receiver))
          : f.pakketten.schedule(Fixtures.scheduleCommand(PRACTICE, "A-" + r, giver, "six", START)));

      assertThat(outcomes).filteredOn(o -> !o.failed()).hasSize(1);
      assertThat(outcomes).filteredOn(Concurrently.Outcome::failed).singleElement()
          .satisfies(o -> assertThat(o.error()).isInstanceOfAny(NotEnoughCreditsException.class,
              InsufficientCreditsException.class));
      assertThat(f.balance(giver, pkg) + f.balance(receiver, pkg)).isEqualTo(outcomes.get(0).failed() ? 4 : 10);
      assertThat(f.balance(giver, pkg)).isEqualTo(4);
    }
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void transfersBetweenTwoPatientsBothWaysAtOnceAllLand(Database db) {
    Fixtures f = fixtures(db);
    PackageId pkg = f.createPackage("Fysio", eur("40.00")).id();
    LotId mine = f.importCredits("I-1", PATIENT, pkg, 16, eur("40.00")).grant().lotId();
    LotId theirs = f.importCredits("I-2", PARTNER, pkg, 16, eur("40.00")).grant().lotId();

    // Opposite directions lock the same two wallets: in the order of their patients, so never a deadlock.
    List<Concurrently.Outcome<Object>> outcomes = Concurrently.run(16, i -> i % 2 == 0
        ? f.pakketten.transferCredits(transfer("T-" + i, PATIENT, mine, 1, PARTNER))
        : f.pakketten.transferCredits(transfer("T-" + i, PARTNER, theirs, 1, PATIENT)));

    assertThat(outcomes).noneMatch(Concurrently.Outcome::failed);
    assertThat(f.balance(PATIENT, pkg)).isEqualTo(16);
    assertThat(f.balance(PARTNER, pkg)).isEqualTo(16);
    assertThat(count("SELECT COUNT(*) FROM pakketten_transfers")).isEqualTo(16);
    assertThat(count("SELECT SUM(deferred_value - recognised_revenue - value_out) FROM pakketten_lots"))
        .isEqualTo(1280);
  }
}
