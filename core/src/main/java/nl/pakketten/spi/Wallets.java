package nl.pakketten.spi;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.LotId;
import nl.pakketten.common.Page;
import nl.pakketten.common.PageRequest;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.Wallet;

/**
 * Port: wallets and their lots. Changing a wallet goes through {@link #lock}, which holds it
 * exclusively until the transaction ends (a row lock in a database), so two spends of one wallet
 * never both read the same balance. The core locks several wallets of one command in the order of
 * their package ids, so two commands cannot deadlock on them.
 */
public interface Wallets {
  /**
   * The wallet with its open lots (credits remaining above 0), held exclusively until the
   * transaction ends; empty when it has none yet. Used-up lots are left out, so a command costs
   * the same however many lots a wallet has used up; the balance is the same either way.
   *
   * @param practice the practice
   * @param patient the patient
   * @param packageId the package the wallet holds credits of
   * @return the locked wallet; an empty wallet (balance 0, no lots) when none is stored
   */
  Wallet lock(PracticeId practice, PatientId patient, PackageId packageId);

  /**
   * The locked wallet with the given lots of it added as stored: the used-up lots a give-back
   * returns credits to. Ids already in the wallet are left as they are; an id that is not a lot
   * of this wallet is an {@link IllegalStateException}.
   *
   * @param locked a wallet returned by {@link #lock} in this transaction
   * @param ids the lots to add
   * @return the wallet with those lots
   * @throws IllegalStateException when an id is not a lot of this wallet
   */
  Wallet withLots(Wallet locked, Collection<LotId> ids);

  /**
   * The wallet with every lot, used-up ones included, as stored, without holding it.
   *
   * @param practice the practice
   * @param patient the patient
   * @param packageId the package the wallet holds credits of
   * @return the wallet; empty when the patient never held credits of the package
   */
  Optional<Wallet> find(PracticeId practice, PatientId patient, PackageId packageId);

  /**
   * The stored balance, read in constant time (never summed from history).
   *
   * @param practice the practice
   * @param patient the patient
   * @param packageId the package
   * @return the balance in credits; 0 when there is no wallet
   */
  int balance(PracticeId practice, PatientId patient, PackageId packageId);

  /**
   * Every wallet of the patient, ordered by package id.
   *
   * @param practice the practice
   * @param patient the patient
   * @return the wallets, with every lot; empty when the patient holds none
   */
  List<Wallet> ofPatient(PracticeId practice, PatientId patient);

  /**
   * Stores the wallet's balance and lots: inserts the lots that are new, updates the ones that
   * changed, and leaves lots the wallet was locked without untouched.
   *
   * @param wallet a wallet locked in this transaction, changed
   */
  void save(Wallet wallet);

  /**
   * How many lots of the package exist in the practice.
   *
   * @param practice the practice
   * @param packageId the package
   * @return the number of lots of every patient, used up or not; 0 when none was granted
   */
  long lotsOf(PracticeId practice, PackageId packageId);

  /**
   * Wallets holding a lot that expired before {@code day} with credits remaining.
   *
   * @param practice the practice
   * @param day a lot whose last day is before this day counts as expired
   * @return the keys of those wallets; empty when nothing is left to expire
   */
  List<WalletKey> withExpiredCredits(PracticeId practice, LocalDate day);

  /**
   * A page of the practice's patients that hold open lots (credits remaining above 0), each with
   * those lots, ordered by patient id as the storage compares text (keyset on the patient id: a
   * patient is on one page only, and pages neither skip nor repeat one). The cursor of a page is
   * the patient id of its last item; {@code request.after()}, when present, is such an id. The JDBC
   * adapter reads one page of patients and their open lots in one query, never the whole table.
   *
   * @param practice the practice
   * @param packageId only lots of this package; empty for every package
   * @param request which page: at most {@code request.size()} patients
   * @return per patient, the open lots, ordered by package id and then in the order they were
   *     granted; each list holds lots of one patient and is never empty
   */
  Page<List<Lot>> openLotsByPatient(PracticeId practice, Optional<PackageId> packageId, PageRequest request);

  /**
   * Names a wallet.
   *
   * @param patient the patient who holds it
   * @param packageId the package it holds credits of
   */
  record WalletKey(PatientId patient, PackageId packageId) {}
}
