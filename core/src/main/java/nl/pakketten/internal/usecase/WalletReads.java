package nl.pakketten.internal.usecase;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.Page;
import nl.pakketten.common.PageRequest;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.TransactionRunner;
import nl.pakketten.spi.History;
import nl.pakketten.spi.Wallets;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.Movement;
import nl.pakketten.wallet.Wallet;

/**
 * Reads of a patient's credits: balance, wallets and lots, history.
 *
 * @param wallets the wallets and lots read
 * @param history the movements read
 * @param tx runs each read in a read transaction
 * @param clock decides what "today" is
 */
public record WalletReads(Wallets wallets, History history, TransactionRunner tx, Clock clock) {
  /** The patient's balance for the package, in constant time. */
  public int balance(PracticeId practice, PatientId patient, PackageId packageId) {
    return tx.read("balance", practice, () -> wallets.balance(practice, patient, packageId));
  }

  /**
   * Credits the patient can spend on the package today: the balance less credits of lots past
   * their last day whose expiry has not been booked yet.
   */
  public int spendable(PracticeId practice, PatientId patient, PackageId packageId) {
    return tx.read("spendable", practice, () -> wallets.find(practice, patient, packageId)
        .map(w -> w.spendableOn(LocalDate.now(clock))).orElse(0));
  }

  /** Every wallet of the patient with its lots. */
  public List<Wallet> wallets(PracticeId practice, PatientId patient) {
    return tx.read("wallets", practice, () -> wallets.ofPatient(practice, patient));
  }

  /** Every lot of the patient, over all packages. */
  public List<Lot> lots(PracticeId practice, PatientId patient) {
    return wallets(practice, patient).stream().flatMap(w -> w.lots().stream()).toList();
  }

  /** A page of the patient's history, oldest movement first. */
  public Page<Movement> history(PracticeId practice, PatientId patient, PageRequest request) {
    requirePageRequest(request);
    return tx.read("history", practice, () -> history.ofPatient(practice, patient, request));
  }

  /** Throws {@link InvalidInputException} for a missing page request. */
  static void requirePageRequest(PageRequest request) {
    if (request == null) {
      throw InvalidInputException.of("request", null, "must not be null: use PageRequest.first()");
    }
  }
}
