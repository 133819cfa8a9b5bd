package nl.pakketten.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.pakketten.appointments.Appointment;
import nl.pakketten.appointments.CancelResult;
import nl.pakketten.appointments.NoShowResult;
import nl.pakketten.appointments.ScheduleResult;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.catalog.AppointmentTypeLink;
import nl.pakketten.catalog.LedgerAccount;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.catalog.ProductCode;
import nl.pakketten.catalog.ProductLink;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.ImportId;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.LotId;
import nl.pakketten.common.PatientId;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.granting.LotGrant;
import nl.pakketten.granting.PaymentReversal;
import nl.pakketten.granting.ReversalId;
import nl.pakketten.wallet.Allocation;
import nl.pakketten.wallet.CreditTransfer;
import nl.pakketten.wallet.TransferId;
import nl.pakketten.wallet.MovementKind;
import org.joda.money.Money;

/**
 * A small model of the credit rules of DOMAIN.md, independent of the SDK's classes that keep them:
 * plain maps of packages, links, lots and appointments, and the rules for taking, giving back and
 * expiring credits written out again. {@link CreditLedgerProperties} runs every command against the
 * SDK and against this model and compares.
 *
 * <p>Lot ids are the one thing the model learns from the SDK (they are random-looking names); the
 * model only uses them to name lots, never to order them: lots granted in one instant are spent
 * in the order they were granted.
 */
final class LedgerModel {
  record Pkg(PackageId id, String name, Money rate, Optional<LedgerAccount> ledgerAccount, boolean active) {}

  record WalletKey(PatientId patient, PackageId packageId) {}

  /**
   * A lot as the rules see it. {@code recognised} is all value that left it: the SDK's recognised
   * revenue plus its value out (a refund's).
   */
  record Lot(
      LotId id,
      String sourceKey,
      PatientId patient,
      PackageId packageId,
      int granted,
      int remaining,
      Money rate,
      Money deferred,
      Money recognised,
      Optional<LocalDate> expiresOn,
      Instant grantedAt,
      Optional<LotId> transferredFrom) {
    Money unrecognised() {
      return deferred.minus(recognised);
    }

    boolean expiredOn(LocalDate day) {
      return expiresOn.map(day::isAfter).orElse(false);
    }

    Lot with(int remaining, Money recognised) {
      return new Lot(id, sourceKey, patient, packageId, granted, remaining, rate, deferred, recognised, expiresOn,
          grantedAt, transferredFrom);
    }

    /**
     * What taking {@code credits} of it releases (a spend's revenue, a refund's or a transfer's
     * value): credits × rate, capped at what is left, and all that is left with its last credits.
     */
    Money valueOf(int credits) {
      Money atRate = rate.multipliedBy(credits);
      return credits == remaining || atRate.isGreaterThan(unrecognised()) ? unrecognised() : atRate;
    }
  }

  /** An appointment as the rules see it. */
  record Appt(
      AppointmentId id,
      PatientId patient,
      AppointmentTypeId typeId,
      AppointmentTypeId scheduledTypeId,
      Instant start,
      Appointment.Status status,
      Appointment.Coverage coverage,
      Optional<PackageId> packageId,
      int cost,
      List<Allocation> allocations,
      Optional<Appointment.CancelOutcome> cancelOutcome,
      ScheduleResult scheduleAnswer) {
    int creditsTaken() {
      return allocations.stream().mapToInt(Allocation::credits).sum();
    }

    /** What its current coverage answers: to the call that set it, or ({@code replay}) to a replay of that call. */
    ScheduleResult result(boolean replay) {
      return switch (coverage) {
        case COVERED -> new ScheduleResult.Covered(id, packageId.orElseThrow(), creditsTaken(), allocations, replay);
        case NOT_LINKED -> new ScheduleResult.NotCovered(id, typeId, replay);
        case UNCOVERED -> new ScheduleResult.Uncovered(id, packageId.orElseThrow(), cost, replay);
      };
    }

    /** What a replay of its schedule call answers: the first answer, whatever happened since. */
    ScheduleResult scheduleReplay() {
      return scheduleAnswer.withReplay(true);
    }

    CancelResult cancelResult(boolean replay) {
      return switch (cancelOutcome.orElseThrow()) {
        case GIVEN_BACK -> new CancelResult.GivenBack(id, creditsTaken(), allocations, replay);
        case FORFEITED -> new CancelResult.Forfeited(id, creditsTaken(), replay);
        case NOTHING_TO_GIVE_BACK -> new CancelResult.NothingToGiveBack(id, replay);
      };
    }

    NoShowResult noShowResult(boolean replay) {
      return switch (cancelOutcome.orElseThrow()) {
        case GIVEN_BACK -> new NoShowResult.GivenBack(id, creditsTaken(), allocations, replay);
        case FORFEITED -> new NoShowResult.Forfeited(id, creditsTaken(), replay);
        case NOTHING_TO_GIVE_BACK -> new NoShowResult.NothingToGiveBack(id, replay);
      };
    }

    Appt cancelled(Appointment.CancelOutcome outcome) {
      return ended(Appointment.Status.CANCELLED, outcome);
    }

    /** Ended as {@code status} (cancelled or no-show) with what that did to the credits. */
    Appt ended(Appointment.Status status, Appointment.CancelOutcome outcome) {
      return new Appt(id, patient, typeId, scheduledTypeId, start, status, coverage, packageId,
          cost, allocations, Optional.of(outcome), scheduleAnswer);
    }
  }

  /** What a payment registration contained, to tell a replay from a reused invoice id. */
  record PaymentContent(PatientId patient, List<InvoiceLine> lines) {}

  record Payment(PaymentContent content, List<LotGrant> grants) {}

  /** What an import contained, to tell a replay from a reused import id. */
  record ImportContent(PatientId patient, PackageId packageId, int credits, Money rate, String reason,
      Optional<LocalDate> expiresOn) {}

  record Import(ImportContent content, LotGrant grant) {}

  /**
   * One movement the model expects in the history, with the amount it books in the journal
   * ({@code booked}: the deferred value of a grant, the revenue of a spend, give-back or expiry).
   */
  record Move(PatientId patient, PackageId packageId, LotId lotId, MovementKind kind, int credits, Money revenue,
      Money booked, String sourceKey) {
    boolean journalled() {
      return kind != MovementKind.FORFEITED && booked.isPositive();
    }
  }

  /** The outcome of taking credits: the wallet's lots after, and where the credits came from. */
  record Taking(List<Lot> lots, List<Allocation> allocations, List<Move> moves) {}

  final Map<PackageId, Pkg> packages = new LinkedHashMap<>();
  final Map<ProductCode, Optional<ProductLink>> products = new LinkedHashMap<>();
  final Map<AppointmentTypeId, Optional<AppointmentTypeLink>> types = new LinkedHashMap<>();
  final Map<WalletKey, List<Lot>> wallets = new LinkedHashMap<>();
  final Map<AppointmentId, Appt> appointments = new LinkedHashMap<>();
  final Map<InvoiceId, Payment> payments = new LinkedHashMap<>();
  final Map<ImportId, Import> imports = new LinkedHashMap<>();
  /** Revenue recognised per ledger account (credits − debits of the revenue lines). */
  final Map<String, Money> revenueByAccount = new LinkedHashMap<>();
  /** The ledger account each covered appointment's revenue was booked to. */
  final Map<AppointmentId, String> bookedTo = new LinkedHashMap<>();
  /** The ledger account each lot books its revenue on: the package's when the lot was granted. */
  final Map<LotId, String> lotAccount = new LinkedHashMap<>();
  /** Reversals by reversal id: what was reversed, and what the first call answered. */
  final Map<ReversalId, Reversal> reversals = new LinkedHashMap<>();
  /** Transfers by transfer id: what was asked, and what the first call answered. */
  final Map<TransferId, Transfer> transfers = new LinkedHashMap<>();
  /** What the journal must hold, per account role, beyond the lots' own deferred value. */
  Totals totals = Totals.ZERO;

  /** A reversal as first done: its invoice and patient, and the SDK's answer (compared whole). */
  record Reversal(InvoiceId invoiceId, PatientId patient, PaymentReversal answer) {}

  /** A transfer as first done: its content, and the SDK's answer (compared whole). */
  record Transfer(PatientId from, LotId lot, int credits, PatientId to, CreditTransfer answer) {}

  /**
   * Running totals the journal must agree with, and the flows of credits and value (for the
   * conservation check: what came in = what remains + what went out, in credits and in cents).
   * {@code paymentsClearing} is debits − credits on payments clearing; {@code receivable},
   * debits − credits on receivables; {@code refundsPayable} and {@code breakage}, credits − debits.
   */
  record Totals(Money paymentsClearing, Money importsOffset, Money receivable, Money refundsPayable, Money breakage,
      int creditsIn, int creditsSpent, int creditsExpired, int creditsRefunded, int creditsReversed,
      int creditsTransferred, Money valueTransferred, Money valueReversed, Money valueRefunded) {
    static final Money NONE = Money.zero(org.joda.money.CurrencyUnit.EUR);
    static final Totals ZERO = new Totals(NONE, NONE, NONE, NONE, NONE, 0, 0, 0, 0, 0, 0, NONE, NONE, NONE);

    Totals paid(int credits, Money value) {
      return new Totals(paymentsClearing.plus(value), importsOffset, receivable, refundsPayable, breakage,
          creditsIn + credits, creditsSpent, creditsExpired, creditsRefunded, creditsReversed, creditsTransferred,
          valueTransferred, valueReversed, valueRefunded);
    }

    Totals imported(int credits, Money value) {
      return new Totals(paymentsClearing, importsOffset.plus(value), receivable, refundsPayable, breakage,
          creditsIn + credits, creditsSpent, creditsExpired, creditsRefunded, creditsReversed, creditsTransferred,
          valueTransferred, valueReversed, valueRefunded);
    }

    /** Net credits spent: a give-back passes a negative number. */
    Totals spent(int credits) {
      return new Totals(paymentsClearing, importsOffset, receivable, refundsPayable, breakage, creditsIn,
          creditsSpent + credits, creditsExpired, creditsRefunded, creditsReversed, creditsTransferred,
          valueTransferred, valueReversed, valueRefunded);
    }

    Totals expired(int credits, Money value) {
      return new Totals(paymentsClearing, importsOffset, receivable, refundsPayable, breakage.plus(value), creditsIn,
          creditsSpent, creditsExpired + credits, creditsRefunded, creditsReversed, creditsTransferred,
          valueTransferred, valueReversed, valueRefunded);
    }

    Totals refunded(int credits, Money value) {
      return new Totals(paymentsClearing, importsOffset, receivable, refundsPayable.plus(value), breakage, creditsIn,
          creditsSpent, creditsExpired, creditsRefunded + credits, creditsReversed, creditsTransferred,
          valueTransferred, valueReversed, valueRefunded.plus(value));
    }

    /** Of a refund's value, {@code breakage} was not paid back: breakage, not refunds payable. */
    Totals refundBreakage(Money breakage) {
      return new Totals(paymentsClearing, importsOffset, receivable, refundsPayable.minus(breakage),
          this.breakage.plus(breakage), creditsIn, creditsSpent, creditsExpired, creditsRefunded, creditsReversed,
          creditsTransferred, valueTransferred, valueReversed, valueRefunded);
    }

    Totals reversed(int credits, Money value, Money receivable) {
      return new Totals(paymentsClearing.minus(value).minus(receivable), importsOffset,
          this.receivable.plus(receivable), refundsPayable, breakage, creditsIn, creditsSpent, creditsExpired,
          creditsRefunded, creditsReversed + credits, creditsTransferred, valueTransferred, valueReversed.plus(value),
          valueRefunded);
    }

    Totals transferred(int credits, Money value) {
      return new Totals(paymentsClearing, importsOffset, receivable, refundsPayable, breakage, creditsIn,
          creditsSpent, creditsExpired, creditsRefunded, creditsReversed, creditsTransferred + credits,
          valueTransferred.plus(value), valueReversed, valueRefunded);
    }
  }

  /** The package's ledger account, or the practice default (8000). */
  String revenueAccount(PackageId packageId) {
    return packages.get(packageId).ledgerAccount().map(LedgerAccount::value).orElse("8000");
  }

  /**
   * Books the moves' revenue on their lots' accounts ({@code account} only for a lot the model
   * lacks). An expiry's value is breakage, not revenue: revenue per ledger account leaves it out.
   */
  void recognise(String account, List<Move> moves) {
    for (Move m : moves) {
      if (m.kind() == MovementKind.SPENT || m.kind() == MovementKind.GIVEN_BACK) {
        revenueByAccount.merge(lotAccount.getOrDefault(m.lotId(), account), m.revenue(), Money::plus);
      }
    }
  }

  List<Lot> wallet(PatientId patient, PackageId packageId) {
    return wallets.getOrDefault(new WalletKey(patient, packageId), List.of());
  }

  void addLot(Lot lot) {
    addLot(lot, revenueAccount(lot.packageId()));
  }

  /** Adds {@code lot}, whose revenue is booked on {@code account} (a transferred lot keeps its origin's). */
  void addLot(Lot lot, String account) {
    lotAccount.put(lot.id(), account);
    List<Lot> lots = new ArrayList<>(wallet(lot.patient(), lot.packageId()));
    lots.add(lot);
    wallets.put(new WalletKey(lot.patient(), lot.packageId()), List.copyOf(lots));
  }

  /** The lot with {@code id}, in whichever wallet holds it. */
  Optional<Lot> lot(LotId id) {
    return wallets.values().stream().flatMap(List::stream).filter(l -> l.id().equals(id)).findFirst();
  }

  /** Puts {@code lot} in the place of the lot with its id, in the wallet that holds it. */
  void replace(Lot lot) {
    WalletKey key = new WalletKey(lot.patient(), lot.packageId());
    List<Lot> lots = new ArrayList<>(wallet(lot.patient(), lot.packageId()));
    lots.set(indexOf(lots, lot.id()), lot);
    wallets.put(key, List.copyOf(lots));
  }

  boolean hasLots(PackageId packageId) {
    return wallets.entrySet().stream().anyMatch(e -> e.getKey().packageId().equals(packageId)
        && !e.getValue().isEmpty());
  }

  static int balance(List<Lot> lots) {
    return lots.stream().mapToInt(Lot::remaining).sum();
  }

  static int spendable(List<Lot> lots, LocalDate day) {
    return lots.stream().filter(l -> !l.expiredOn(day)).mapToInt(Lot::remaining).sum();
  }

  /**
   * Takes {@code cost} credits from {@code lots}: all or nothing, from lots not expired on {@code
   * day}, earliest expiry first (no expiry last), then oldest. A lot recognises its rate per credit
   * taken, never more than what is left of its deferred value, and all that is left when its last
   * credit goes. Empty when fewer credits can be spent.
   */
  static Optional<Taking> take(List<Lot> lots, int cost, LocalDate day, String sourceKey) {
    if (spendable(lots, day) < cost) {
      return Optional.empty();
    }
    List<Lot> after = new ArrayList<>(lots);
    List<Lot> candidates = lots.stream().filter(l -> l.remaining() > 0 && !l.expiredOn(day))
        .sorted(Comparator.comparing((Lot l) -> l.expiresOn().orElse(LocalDate.MAX))
            .thenComparing(Lot::grantedAt)) // stable: lots granted in one instant in the order granted
        .toList();
    List<Allocation> allocations = new ArrayList<>();
    List<Move> moves = new ArrayList<>();
    int needed = cost;
    for (Lot lot : candidates) {
      if (needed == 0) {
        break;
      }
      int taken = Math.min(needed, lot.remaining());
      Money revenue = lot.valueOf(taken);
      after.set(indexOf(after, lot.id()), lot.with(lot.remaining() - taken, lot.recognised().plus(revenue)));
      allocations.add(new Allocation(lot.id(), taken, revenue));
      moves.add(new Move(lot.patient(), lot.packageId(), lot.id(), MovementKind.SPENT, taken, revenue, revenue,
          sourceKey));
      needed -= taken;
    }
    return Optional.of(new Taking(List.copyOf(after), List.copyOf(allocations), List.copyOf(moves)));
  }

  /** Gives {@code allocations} back to exactly the lots they came from. */
  static List<Lot> giveBack(List<Lot> lots, List<Allocation> allocations, List<Move> moves, String sourceKey) {
    List<Lot> after = new ArrayList<>(lots);
    for (Allocation a : allocations) {
      int i = indexOf(after, a.lotId());
      Lot lot = after.get(i);
      after.set(i, lot.with(lot.remaining() + a.credits(), lot.recognised().minus(a.revenue())));
      moves.add(new Move(lot.patient(), lot.packageId(), lot.id(), MovementKind.GIVEN_BACK, a.credits(),
          a.revenue().negated(), a.revenue(), sourceKey));
    }
    return List.copyOf(after);
  }

  static int indexOf(List<Lot> lots, LotId id) {
    for (int i = 0; i < lots.size(); i++) {
      if (lots.get(i).id().equals(id)) {
        return i;
      }
    }
    throw new AssertionError("model: lot " + id + " is not in the wallet");
  }

  /** A deep enough copy: every value in the maps is immutable. */
  LedgerModel copy() {
    LedgerModel copy = new LedgerModel();
    copy.packages.putAll(packages);
    copy.products.putAll(products);
    copy.types.putAll(types);
    copy.wallets.putAll(wallets);
    copy.appointments.putAll(appointments);
    copy.payments.putAll(payments);
    copy.imports.putAll(imports);
    copy.revenueByAccount.putAll(revenueByAccount);
    copy.bookedTo.putAll(bookedTo);
    copy.lotAccount.putAll(lotAccount);
    copy.reversals.putAll(reversals);
    copy.transfers.putAll(transfers);
    copy.totals = totals;
    return copy;
  }
}
