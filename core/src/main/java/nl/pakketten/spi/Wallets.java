package nl.pakketten.spi;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.LotId;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
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
   */
  Wallet lock(PracticeId practice, PatientId patient, PackageId packageId);

  /**
   * The locked wallet with the given lots of it added as stored: the used-up lots a give-back
   * returns credits to. Ids already in the wallet are left as they are; an id that is not a lot
   * of this wallet is an {@link IllegalStateException}.
   */
  Wallet withLots(Wallet locked, Collection<LotId> ids);

  /** The wallet with every lot, used-up ones included, as stored, without holding it. */
  Optional<Wallet> find(PracticeId practice, PatientId patient, PackageId packageId);

  /** The stored balance, read in constant time (never summed from history). 0 when there is no wallet. */
  int balance(PracticeId practice, PatientId patient, PackageId packageId);

  /** Every wallet of the patient, ordered by package id. */
  List<Wallet> ofPatient(PracticeId practice, PatientId patient);

  /**
   * Stores the wallet's balance and lots: inserts the lots that are new, updates the ones that
   * changed, and leaves lots the wallet was locked without untouched.
   */
  void save(Wallet wallet);

  /** How many lots of the package exist in the practice. */
  long lotsOf(PracticeId practice, PackageId packageId);

  /** Wallets holding a lot that expired before {@code day} with credits remaining. */
  List<WalletKey> withExpiredCredits(PracticeId practice, LocalDate day);

  /** Names a wallet. */
  record WalletKey(PatientId patient, PackageId packageId) {}
}
