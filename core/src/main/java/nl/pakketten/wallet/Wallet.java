package nl.pakketten.wallet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.LotId;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.style.Makers;
import org.immutables.value.Value;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * A patient's credits for one package: the lots, and the balance kept as state (the sum of the
 * lots' remaining credits, never negative).
 */
@Value.Immutable
public abstract class Wallet {
  Wallet() {}

  /** {@return the practice it belongs to} */
  public abstract PracticeId practice();

  /** {@return the patient who holds the credits} */
  public abstract PatientId patient();

  /** {@return the package the credits are of} */
  public abstract PackageId packageId();

  /**
   * The wallet's lots as read: every lot when a host reads its wallets or lots, its open lots (and
   * any a give-back loaded) when locked for a command. Lots left out have no credits remaining, so
   * the balance is the same either way.
   *
   * @return the lots, in the order they were granted
   */
  public abstract List<Lot> lots();

  /**
   * The patient's credits of the package.
   *
   * @return credits remaining over all lots, expired ones included until their expiry is booked;
   *     never negative
   */
  public abstract int balance();

  /**
   * An empty wallet: no lots, balance 0.
   *
   * @param practice the practice
   * @param patient the patient
   * @param packageId the package
   * @return the wallet of a patient who never held credits of the package
   */
  public static Wallet empty(PracticeId practice, PatientId patient, PackageId packageId) {
    return ImmutableWallet.builder().practice(practice).patient(patient).packageId(packageId).balance(0).build();
  }

  /** A wallet of the given lots, each of this practice, patient and package; the balance is their sum. */
  static Wallet of(PracticeId practice, PatientId patient, PackageId packageId, List<Lot> lots) {
    int balance = 0;
    for (Lot lot : lots) { // a loop, not a stream: this is on every command's path
      if (!lot.packageId().equals(packageId) || !lot.patient().equals(patient) || !lot.practice().equals(practice)) {
        throw new IllegalArgumentException("Lot " + lot.id() + " is not of wallet " + practice + "/" + patient
            + "/" + packageId);
      }
      balance += lot.creditsRemaining();
    }
    return ImmutableWallet.builder().practice(practice).patient(patient).packageId(packageId).lots(lots)
        .balance(balance).build();
  }

  /**
   * Credits that can be spent on {@code day}: the balance less the credits of expired lots.
   *
   * @param day the day of the spend
   * @return the spendable credits, from 0 to {@link #balance()}
   */
  public int spendableOn(LocalDate day) {
    int spendable = 0;
    for (Lot lot : lots()) {
      if (!lot.isExpiredOn(day)) {
        spendable += lot.creditsRemaining();
      }
    }
    return spendable;
  }

  /**
   * The lot with this id, if it is in the wallet.
   *
   * @param id the lot's identifier
   * @return the lot; empty when it is not among the lots as read
   */
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

  /**
   * This wallet with a newly granted lot added.
   *
   * @param lot the new lot, of this wallet's practice, patient and package
   * @return the wallet after, its balance raised by the lot's remaining credits
   */
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
   *
   * @param after the wallet after the taking
   * @param allocations which lots the credits came from, with the revenue each recognised
   * @param lotsTaken each of those lots as it is after
   */
  public record Taking(Wallet after, List<Allocation> allocations, List<Lot> lotsTaken) {}

  /**
   * Takes {@code credits} from spendable lots in {@code order}; empty when fewer than that can be
   * spent on {@code day}. Taking is all or nothing. The sort is stable, so lots the order finds
   * equal are taken in the order they were granted.
   *
   * @param credits how many credits to take
   * @param day the day of the spend: lots expired on it are skipped
   * @param order which lot to spend first
   * @return the taking; empty when fewer than {@code credits} are spendable on {@code day}
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

  /**
   * Takes {@code credits} from the one lot {@code id}, at the value a spend of them would recognise
   * ({@link Lot#revenueFor}: credits × rate, the last credit taking what is left); empty when the
   * lot is not in the wallet or has fewer credits remaining.
   *
   * @param id the lot
   * @param credits how many credits to take, at least 1
   * @return the taking of one allocation; empty when the lot cannot give that many
   */
  public Optional<Taking> takeFrom(LotId id, int credits) {
    Optional<Lot> found = lot(id);
    if (found.isEmpty() || found.get().creditsRemaining() < credits) {
      return Optional.empty();
    }
    Lot lot = found.get();
    Money value = lot.revenueFor(credits);
    Lot after = lot.take(credits, value);
    return Optional.of(new Taking(replacing(after, -credits), List.of(new Allocation(id, credits, value)),
        List.of(after)));
  }

  /**
   * Gives an allocation back to the lot it came from.
   *
   * @param allocation the credits and revenue an earlier taking took from one lot
   * @return the wallet after, the lot's credits and unrecognised value restored
   * @throws IllegalStateException when the allocation's lot is not in the wallet
   */
  public Wallet giveBack(Allocation allocation) {
    Lot lot = lot(allocation.lotId()).orElseThrow(() -> new IllegalStateException(
        "Lot " + allocation.lotId() + " is not in the wallet of " + patient() + "/" + packageId()));
    return replacing(lot.giveBack(allocation.credits(), allocation.revenue()), allocation.credits());
  }

  /**
   * Removes the remaining credits of an expired lot, recognising what is left of its value.
   *
   * @param lot a lot of this wallet
   * @return the wallet after, the lot used up
   */
  public Wallet expire(Lot lot) {
    return replacing(lot.take(lot.creditsRemaining(), lot.unrecognised()), -lot.creditsRemaining());
  }

  /**
   * Removes {@code credits} of a lot without recognising revenue: revoked with a reversed payment,
   * or transferred to another patient; {@code value} leaves the lot's deferred value with them.
   *
   * @param lot a lot of this wallet with at least {@code credits} remaining
   * @param credits how many credits leave it, at least 1
   * @param value the part of its unrecognised value that leaves with them
   * @return the wallet after
   */
  public Wallet withdraw(Lot lot, int credits, Money value) {
    return replacing(lot.withdraw(credits, value), -credits);
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

  static {
    Makers.register(Rebuilder.class, Rebuilder::new);
  }

  /**
   * Builds a {@link Wallet} of lots read back from storage; {@link #build()} checks that every lot
   * is of the wallet's practice, patient and package, and sums the balance. Adapters get one from
   * {@code nl.pakketten.spi.ValueBuilders}; hosts read wallets and never build them.
   */
  public static final class Rebuilder {
    private @Nullable PracticeId practice;
    private @Nullable PatientId patient;
    private @Nullable PackageId packageId;
    private List<Lot> lots = List.of();

    Rebuilder() {}

    /**
     * Sets the practice.
     *
     * @param practice the wallet's practice
     * @return this builder
     */
    public Rebuilder practice(PracticeId practice) {
      this.practice = practice;
      return this;
    }

    /**
     * Sets the patient.
     *
     * @param patient the wallet's patient
     * @return this builder
     */
    public Rebuilder patient(PatientId patient) {
      this.patient = patient;
      return this;
    }

    /**
     * Sets the packageId.
     *
     * @param packageId the wallet's package
     * @return this builder
     */
    public Rebuilder packageId(PackageId packageId) {
      this.packageId = packageId;
      return this;
    }

    /**
     * Sets the lots.
     *
     * @param lots the wallet's lots as read
     * @return this builder
     */
    public Rebuilder lots(List<Lot> lots) {
      this.lots = lots;
      return this;
    }

    /**
     * The wallet.
     *
     * @return the wallet, its balance the sum of its lots' remaining credits
     * @throws IllegalArgumentException when a lot is of another wallet
     * @throws NullPointerException when practice, patient or package is missing
     */
    public Wallet build() {
      return of(Objects.requireNonNull(practice, "practice"), Objects.requireNonNull(patient, "patient"),
          Objects.requireNonNull(packageId, "packageId"), lots);
    }
  }
}
