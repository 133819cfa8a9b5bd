package nl.pakketten.wallet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.LotId;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * A patient's credits for one package: the lots, and the balance kept as state (the sum of the
 * lots' remaining credits, never negative).
 */
@Value.Immutable
public abstract class Wallet {
  Wallet() {}

  public abstract PracticeId practice();

  public abstract PatientId patient();

  public abstract PackageId packageId();

  /**
   * The wallet's lots as read: every lot when read for a host ({@code Pakketten.wallets}), its
   * open lots (and any a give-back loaded) when locked for a command. Lots left out have no credits
   * remaining, so the balance is the same either way.
   */
  public abstract List<Lot> lots();

  /** Credits remaining over all lots, expired ones included until their expiry is booked. */
  public abstract int balance();

  /** An empty wallet. */
  public static Wallet empty(PracticeId practice, PatientId patient, PackageId packageId) {
    return ImmutableWallet.builder().practice(practice).patient(patient).packageId(packageId).balance(0).build();
  }

  /** A wallet of the given lots; used by adapters to read one back. */
  public static Wallet of(PracticeId practice, PatientId patient, PackageId packageId, List<Lot> lots) {
    int balance = 0;
    for (Lot lot : lots) { // a loop, not a stream: this is on every command's path
      balance += lot.creditsRemaining();
    }
    return ImmutableWallet.builder().practice(practice).patient(patient).packageId(packageId).lots(lots)
        .balance(balance).build();
  }

  /** Credits that can be spent on {@code day}: the balance less the credits of expired lots. */
  public int spendableOn(LocalDate day) {
    int spendable = 0;
    for (Lot lot : lots()) {
      if (!lot.isExpiredOn(day)) {
        spendable += lot.creditsRemaining();
      }
    }
    return spendable;
  }

  /** The lot with this id, if it is in the wallet. */
  public Optional<Lot> lot(LotId id) {
    for (Lot lot : lots()) {
      if (lot.id().equals(id)) {
        return Optional.of(lot);
      }
    }
    return Optional.empty();
  }

  private Wallet with(List<Lot> lots, int balance) {
    return ImmutableWallet.builder().from(this).lots(lots).balance(balance).build();
  }

  public Wallet withNewLot(Lot lot) {
    List<Lot> lots = new ArrayList<>(lots());
    lots.add(lot);
    return with(lots, balance() + lot.creditsRemaining());
  }

  private Wallet replacing(Lot changed, int balanceChange) {
    List<Lot> lots = new ArrayList<>(lots());
    lots.replaceAll(l -> l.id().equals(changed.id()) ? changed : l);
    return with(lots, balance() + balanceChange);
  }

  /**
   * The outcome of taking credits: the wallet after, where they came from, and each of those lots
   * as it is after (at the same index as its allocation).
   */
  public record Taking(Wallet after, List<Allocation> allocations, List<Lot> lotsTaken) {}

  /**
   * Takes {@code credits} from spendable lots in {@code order}; empty when fewer than that can be
   * spent on {@code day}. Taking is all or nothing. The sort is stable, so lots the order finds
   * equal are taken in the order they were granted.
   */
  public Optional<Taking> take(int credits, LocalDate day, SpendingOrder order) {
    if (spendableOn(day) < credits) {
      return Optional.empty();
    }
    // Candidates by their index in the wallet, so each taken lot is replaced in place and the
    // wallet rebuilt once: linear in the lots, also when one appointment takes from many.
    List<Lot> lots = new ArrayList<>(lots());
    Comparator<Lot> comparator = order.comparator();
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < lots.size(); i++) {
      if (lots.get(i).creditsRemaining() > 0 && !lots.get(i).isExpiredOn(day)) {
        candidates.add(i);
      }
    }
    candidates.sort((a, b) -> comparator.compare(lots.get(a), lots.get(b))); // stable: ties keep the order of granting
    List<Allocation> allocations = new ArrayList<>();
    List<Lot> lotsTaken = new ArrayList<>();
    int needed = credits;
    for (int i : candidates) {
      if (needed == 0) {
        break;
      }
      Lot lot = lots.get(i);
      int taken = Math.min(needed, lot.creditsRemaining());
      Money revenue = lot.revenueFor(taken);
      Lot after = lot.take(taken, revenue);
      lots.set(i, after);
      allocations.add(new Allocation(lot.id(), taken, revenue));
      lotsTaken.add(after);
      needed -= taken;
    }
    return Optional.of(new Taking(with(lots, balance() - credits), allocations, lotsTaken));
  }

  /** Gives an allocation back to the lot it came from. */
  public Wallet giveBack(Allocation allocation) {
    Lot lot = lot(allocation.lotId()).orElseThrow(() -> new IllegalStateException(
        "Lot " + allocation.lotId() + " is not in the wallet of " + patient() + "/" + packageId()));
    return replacing(lot.giveBack(allocation.credits(), allocation.revenue()), allocation.credits());
  }

  /** Removes the remaining credits of an expired lot, recognising what is left of its value. */
  public Wallet expire(Lot lot) {
    return replacing(lot.take(lot.creditsRemaining(), lot.unrecognised()), -lot.creditsRemaining());
  }

  @Value.Check
  void check() {
    int sum = 0;
    for (Lot lot : lots()) {
      sum += lot.creditsRemaining();
    }
    if (sum != balance()) {
      throw new IllegalStateException("Wallet " + patient() + "/" + packageId() + ": balance "
          + balance() + " differs from the lots' " + sum);
    }
    for (Lot lot : lots()) {
      if (!lot.practice().equals(practice()) || !lot.patient().equals(patient())
          || !lot.packageId().equals(packageId())) {
        throw new IllegalStateException("Lot " + lot.id() + " does not belong to this wallet");
      }
    }
  }
}
