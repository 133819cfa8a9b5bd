package nl.pakketten.credits;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;

/**
 * Port: wallets and their lots. Changing a wallet goes through {@link #lock}, which holds it
 * exclusively until the transaction ends (a row lock in a database), so two spends of one wallet
 * never both read the same balance. The core locks several wallets of one command in the order of
 * their package ids, so two commands cannot deadlock on them.
 */
public interface Wallets {
  /** The wallet with all its lots, held exclusively until the transaction ends; empty when it has none yet. */
  Wallet lock(PracticeId practice, PatientId patient, PackageId packageId);

  /** The wallet as stored, without holding it. */
  Optional<Wallet> find(PracticeId practice, PatientId patient, PackageId packageId);

  /** The stored balance, read in constant time (never summed from history). 0 when there is no wallet. */
  int balance(PracticeId practice, PatientId patient, PackageId packageId);

  /** Every wallet of the patient, ordered by package id. */
  List<Wallet> ofPatient(PracticeId practice, PatientId patient);

  /** Stores the wallet's balance and lots, inserting what is new. */
  void save(Wallet wallet);

  /** How many lots of the package exist in the practice. */
  long lotsOf(PracticeId practice, PackageId packageId);

  /** Wallets holding a lot that expired before {@code day} with credits remaining. */
  List<WalletKey> withExpiredCredits(PracticeId practice, LocalDate day);

  /** Names a wallet. */
  record WalletKey(PatientId patient, PackageId packageId) {}
}
