package nl.pakketten.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.pakketten.catalog.BalanceSheetItem;
import nl.pakketten.catalog.LedgerAccount;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.catalog.ProductCode;
import nl.pakketten.common.ImportId;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.LotId;
import nl.pakketten.common.Page;
import nl.pakketten.common.PageRequest;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.UserId;
import nl.pakketten.spi.ValueBuilders;
import nl.pakketten.spi.Wallets;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.LotSource;
import nl.pakketten.wallet.Wallet;

/**
 * Wallets and their lots. {@link #lock} takes a row lock on the wallet row (creating it first if
 * missing, without racing a concurrent creator) and then reads its open lots: every change of a wallet's
 * lots happens under that lock, so two spends never read the same credits. {@link #save} writes only
 * what changed since the lock, each update guarded by the values read under it.
 */
final class JdbcWallets implements Wallets {
  private static final String LOT_COLUMNS = "practice_id, lot_id, patient_id, package_id, position, source_kind,"
      + " invoice_id, line_number, product_code, import_id, import_reason, credits_granted, credits_remaining,"
      + " currency, rate_per_credit, deferred_value, recognised_revenue, deferred_account, revenue_account, granted_at,"
      + " granted_by, expires_on, value_out, transferred_from";
  private static final String INSERT_LOT = "INSERT INTO pakketten_lots (" + LOT_COLUMNS + ")"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String LOTS_OF_WALLET = "SELECT " + LOT_COLUMNS + " FROM pakketten_lots"
      + " WHERE practice_id = ? AND patient_id = ? AND package_id = ? ORDER BY position";
  /**
   * The lots a command works on: only those with credits remaining, through the partial index
   * pakketten_lots_open_ix (PostgreSQL) or pakketten_lots_remaining_ix (H2), so a wallet's used-up
   * lots cost a command nothing.
   */
  private static final String OPEN_LOTS_OF_WALLET = "SELECT " + LOT_COLUMNS + " FROM pakketten_lots"
      + " WHERE practice_id = ? AND patient_id = ? AND package_id = ? AND credits_remaining > 0 ORDER BY position";
  private static final String NEXT_POSITION = "SELECT COALESCE(MAX(position) + 1, 0) FROM pakketten_lots"
      + " WHERE practice_id = ? AND patient_id = ? AND package_id = ?";
  /** The balance read: one primary-key lookup, whatever the wallet's history holds. */
  static final String BALANCE = "SELECT balance FROM pakketten_wallets"
      + " WHERE practice_id = ? AND patient_id = ? AND package_id = ?";
  private static final String LOCK = BALANCE + " FOR UPDATE";

  private final Db db;
  private final Dialect dialect;

  JdbcWallets(Db db, Dialect dialect) {
    this.db = db;
    this.dialect = dialect;
  }

  /** Names a wallet in a transaction's locked state. */
  private record Key(String practice, String patient, String packageId) {
    static Key of(Wallet w) {
      return new Key(w.practice().value(), w.patient().value(), w.packageId().value());
    }
  }

  /** Marks a wallet saved in the transaction. */
  private record Saved(Key key) {}

  @Override
  public Wallet lock(PracticeId practice, PatientId patient, PackageId packageId) {
    return db.call("lock the wallet of " + patient + " for package " + packageId, tx -> lock(tx, practice, patient,
        packageId));
  }

  private Wallet lock(Db.Tx tx, PracticeId practice, PatientId patient, PackageId packageId) throws SQLException {
    Object[] key = {practice.value(), patient.value(), packageId.value()};
    if (dialect == Dialect.POSTGRESQL) {
      Optional<Wallet> wallet = lockAndReadLots(tx, practice, patient, packageId, key);
      if (wallet.isPresent()) {
        return wallet.get();
      }
    }
    List<Integer> balance = Db.list(tx, LOCK, rs -> rs.getInt(1), key);
    if (balance.isEmpty()) {
      // Create the row to lock; a concurrent creator makes this wait for it instead of failing.
      int created = Db.update(tx, dialect.createWalletIfMissing, key);
      balance = Db.list(tx, LOCK, rs -> rs.getInt(1), key);
      if (balance.isEmpty()) {
        throw new IllegalStateException("The wallet of " + patient + " for package " + packageId
            + " was not created");
      }
      if (created == 1) {
        // A wallet that was only locked, never saved, does not exist afterwards (as in the port's contract).
        Key walletKey = new Key(practice.value(), patient.value(), packageId.value());
        tx.work.beforeCommit(() -> {
          if (tx.<Saved, Boolean>locked(new Saved(walletKey)).isEmpty()) {
            Db.update(tx, "DELETE FROM pakketten_wallets WHERE practice_id = ? AND patient_id = ? AND package_id = ?"
                + " AND balance = 0", key);
          }
        });
      }
    }
    Wallet wallet = ValueBuilders.wallet(practice, patient, packageId, Db.list(tx, OPEN_LOTS_OF_WALLET, JdbcWallets::lot, key));
    requireConsistent(wallet, balance.get(0));
    tx.remember(Key.of(wallet), wallet);
    return wallet;
  }

  /**
   * PostgreSQL: the lock and the read of the lots as two statements sent in one round trip. They
   * must stay two statements: under READ COMMITTED one statement reads every row from the snapshot
   * taken when it started, and a {@code SELECT ... FOR UPDATE OF w} joined to the lots that waited
   * for a concurrent spend would lock the wallet's new version but return the lots as they were
   * before that spend. The second statement takes its snapshot only after the first one holds the
   * lock, so it reads the lots as the last holder of the lock left them. Only open lots are read
   * (see {@link #withLots} for the used-up ones a give-back needs). Empty when the wallet row does
   * not exist yet.
   */
  private Optional<Wallet> lockAndReadLots(Db.Tx tx, PracticeId practice, PatientId patient, PackageId packageId,
      Object[] key) throws SQLException {
    List<List<Object>> results = Db.lists(tx, LOCK + "; " + OPEN_LOTS_OF_WALLET, List.of(rs -> rs.getInt(1),
        JdbcWallets::lot), key[0], key[1], key[2], key[0], key[1], key[2]);
    if (results.get(0).isEmpty()) {
      return Optional.empty();
    }
    List<Lot> lots = new ArrayList<>();
    results.get(1).forEach(l -> lots.add((Lot) l));
    Wallet wallet = ValueBuilders.wallet(practice, patient, packageId, lots);
    requireConsistent(wallet, (Integer) results.get(0).get(0));
    tx.remember(Key.of(wallet), wallet);
    return Optional.of(wallet);
  }

  /**
   * Reads the missing lots by primary key under the wallet's lock (held since {@link #lock}), and
   * adds them to the state {@link #save} compares with as well, so their update is guarded like
   * any other.
   */
  @Override
  public Wallet withLots(Wallet locked, Collection<LotId> ids) {
    Key key = Key.of(locked);
    Set<LotId> missing = new LinkedHashSet<>(ids);
    missing.removeIf(id -> locked.lot(id).isPresent());
    if (missing.isEmpty()) {
      return locked;
    }
    return db.call("read lots of the wallet of " + locked.patient() + " for package " + locked.packageId(), tx -> {
      Wallet before = tx.<Key, Wallet>locked(key).orElseThrow(() -> new IllegalStateException("The wallet of "
          + locked.patient() + " for package " + locked.packageId() + " is not locked"));
      // One statement: the missing lots, and the order of granting (position) of them among the
      // open ones, so used-up lots brought back keep their place: lots the spending order finds
      // equal are spent in that order.
      String marks = String.join(", ", Collections.nCopies(missing.size(), "?"));
      List<Object> params = new ArrayList<>(List.of(key.practice(), key.patient(), key.packageId()));
      missing.forEach(id -> params.add(id.value()));
      List<Lot> stored = Db.list(tx, "SELECT " + LOT_COLUMNS + " FROM pakketten_lots WHERE practice_id = ?"
          + " AND patient_id = ? AND package_id = ? AND (credits_remaining > 0 OR lot_id IN (" + marks + "))"
          + " ORDER BY position", JdbcWallets::lot, params.toArray());
      List<Lot> remembered = new ArrayList<>(before.lots());
      List<Lot> lots = new ArrayList<>();
      Set<LotId> placed = new HashSet<>();
      for (Lot lot : stored) {
        Optional<Lot> held = locked.lot(lot.id());
        if (held.isPresent()) {
          lots.add(held.get());
        } else if (missing.contains(lot.id())) {
          lots.add(lot);
          if (before.lot(lot.id()).isEmpty()) {
            remembered.add(lot);
          }
        } else {
          continue; // an open lot the locked wallet does not hold: none under the lock
        }
        placed.add(lot.id());
      }
      for (LotId id : missing) {
        if (!placed.contains(id)) {
          throw new IllegalStateException("Lot " + id + " is not in the wallet of " + locked.patient()
              + " for package " + locked.packageId());
        }
      }
      for (Lot lot : locked.lots()) {
        if (!placed.contains(lot.id())) {
          lots.add(lot); // granted in this transaction, not stored yet: the newest
        }
      }
      tx.remember(key, ValueBuilders.wallet(before.practice(), before.patient(), before.packageId(), remembered));
      return ValueBuilders.wallet(locked.practice(), locked.patient(), locked.packageId(), lots);
    });
  }

  @Override
  public Optional<Wallet> find(PracticeId practice, PatientId patient, PackageId packageId) {
    return db.call("read the wallet of " + patient + " for package " + packageId, tx -> {
      Object[] key = {practice.value(), patient.value(), packageId.value()};
      List<Integer> balance = Db.list(tx, BALANCE, rs -> rs.getInt(1), key);
      if (balance.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(ValueBuilders.wallet(practice, patient, packageId, Db.list(tx, LOTS_OF_WALLET, JdbcWallets::lot,
          key)));
    });
  }

  @Override
  public int balance(PracticeId practice, PatientId patient, PackageId packageId) {
    return db.first("read a balance", BALANCE, rs -> rs.getInt(1), practice.value(), patient.value(),
        packageId.value()).orElse(0);
  }

  @Override
  public List<Wallet> ofPatient(PracticeId practice, PatientId patient) {
    return db.call("read the wallets of " + patient, tx -> {
      Map<String, List<Lot>> lots = new LinkedHashMap<>();
      List<String> packages = Db.list(tx, "SELECT package_id FROM pakketten_wallets"
          + " WHERE practice_id = ? AND patient_id = ?", rs -> rs.getString(1), practice.value(), patient.value());
      packages.forEach(p -> lots.put(p, new ArrayList<>()));
      for (Lot lot : Db.list(tx, "SELECT " + LOT_COLUMNS + " FROM pakketten_lots"
          + " WHERE practice_id = ? AND patient_id = ? ORDER BY package_id, position", JdbcWallets::lot,
          practice.value(), patient.value())) {
        lots.computeIfAbsent(lot.packageId().value(), p -> new ArrayList<>()).add(lot);
      }
      List<Wallet> wallets = new ArrayList<>();
      lots.forEach((p, l) -> wallets.add(ValueBuilders.wallet(practice, patient, PackageId.of(p), l)));
      wallets.sort(Comparator.comparing(Wallet::packageId));
      return wallets;
    });
  }

  @Override
  public void save(Wallet wallet) {
    db.call("save the wallet of " + wallet.patient() + " for package " + wallet.packageId(), tx -> {
      Key key = Key.of(wallet);
      // The updates of an earlier save, if held, are written first: this save's guards compare
      // with values in the table.
      tx.work.startGuardedUpdates();
      Optional<Wallet> locked = tx.locked(key);
      Wallet before = locked.isPresent() ? locked.get()
          : lock(tx, wallet.practice(), wallet.patient(), wallet.packageId());
      Map<LotId, Lot> old = new HashMap<>();
      before.lots().forEach(l -> old.put(l.id(), l));
      Set<LotId> kept = new HashSet<>();
      List<Object[]> inserts = new ArrayList<>();
      int position = -1;
      for (Lot lot : wallet.lots()) {
        Lot was = old.get(lot.id());
        if (was == null) {
          if (position < 0) {
            position = Db.list(tx, NEXT_POSITION, rs -> rs.getInt(1), key.practice(), key.patient(),
                key.packageId()).get(0);
          }
          inserts.add(insertValues(lot, position++));
          continue;
        }
        kept.add(lot.id());
        if (!was.valueOut().equals(lot.valueOut())) {
          // Rare (a reversal, a transfer): one update of all three, since two held updates of one
          // row cannot share the flush's statement; the usual update below stays as it was.
          tx.work.holdUpdate("UPDATE pakketten_lots SET credits_remaining = ?, recognised_revenue = ?, value_out = ?"
                  + " WHERE practice_id = ? AND lot_id = ? AND credits_remaining = ? AND recognised_revenue = ?"
                  + " AND value_out = ?",
              new Object[] {lot.creditsRemaining(), Values.amount("recognisedRevenue", lot.recognisedRevenue()),
                  Values.amount("valueOut", lot.valueOut()), lot.practice().value(), lot.id().value(),
                  was.creditsRemaining(), Values.amount("recognisedRevenue", was.recognisedRevenue()),
                  Values.amount("valueOut", was.valueOut())},
              "Lot " + lot.id() + " changed outside the lock of its wallet");
          continue;
        }
        if (was.creditsRemaining() != lot.creditsRemaining()
            || !was.recognisedRevenue().equals(lot.recognisedRevenue())) {
          tx.work.holdUpdate("UPDATE pakketten_lots SET credits_remaining = ?, recognised_revenue = ?"
                  + " WHERE practice_id = ? AND lot_id = ? AND credits_remaining = ? AND recognised_revenue = ?",
              new Object[] {lot.creditsRemaining(), Values.amount("recognisedRevenue", lot.recognisedRevenue()),
                  lot.practice().value(), lot.id().value(), was.creditsRemaining(),
                  Values.amount("recognisedRevenue", was.recognisedRevenue())},
              "Lot " + lot.id() + " changed outside the lock of its wallet");
        }
      }
      if (kept.size() < old.size()) {
        throw new IllegalStateException("Saving the wallet of " + wallet.patient() + " for package "
            + wallet.packageId() + " would remove lots; lots are never removed");
      }
      Db.batchKeepingHeld(tx, INSERT_LOT, inserts); // no held row refers to a lot
      if (before.balance() != wallet.balance()) {
        tx.work.holdUpdate("UPDATE pakketten_wallets SET balance = ?"
                + " WHERE practice_id = ? AND patient_id = ? AND package_id = ? AND balance = ?",
            new Object[] {wallet.balance(), key.practice(), key.patient(), key.packageId(), before.balance()},
            "The wallet of " + wallet.patient() + " for package " + wallet.packageId()
                + " changed outside its lock");
      }
      tx.remember(key, wallet);
      tx.remember(new Saved(key), Boolean.TRUE);
      return null;
    });
  }

  @Override
  public long lotsOf(PracticeId practice, PackageId packageId) {
    return db.first("count the lots of package " + packageId, "SELECT COUNT(*) FROM pakketten_lots"
        + " WHERE practice_id = ? AND package_id = ?", rs -> rs.getLong(1), practice.value(), packageId.value())
        .orElse(0L);
  }

  /**
   * The query of {@link #openLotsByPatient}; parameters: practice, [package,] practice, [package,]
   * the cursor (the empty string for the first page), the page size plus one.
   */
  static String openLotsPage(boolean onePackage) {
    String andPackage = onePackage ? " AND package_id = ?" : "";
    return "SELECT " + LOT_COLUMNS + " FROM pakketten_lots WHERE practice_id = ? AND credits_remaining > 0"
        + andPackage + " AND patient_id IN (SELECT patient_id FROM (SELECT DISTINCT patient_id FROM pakketten_lots"
        + " WHERE practice_id = ? AND credits_remaining > 0" + andPackage
        + " AND patient_id > ? ORDER BY patient_id LIMIT ?) page) ORDER BY patient_id, package_id, position";
  }

  /**
   * One query: the page's patients are chosen first (the distinct patient ids after the cursor that
   * hold an open lot, in index order, limited to the page plus one), then their open lots are read.
   * On PostgreSQL both parts run on the partial index of open lots, on H2 on
   * pakketten_lots_remaining_ix; no part reads the lots of patients outside the page.
   */
  @Override
  public Page<List<Lot>> openLotsByPatient(PracticeId practice, Optional<PackageId> packageId,
      PageRequest request) {
    String sql = openLotsPage(packageId.isPresent());
    List<Object> params = new ArrayList<>();
    params.add(practice.value());
    packageId.ifPresent(p -> params.add(p.value()));
    params.add(practice.value());
    packageId.ifPresent(p -> params.add(p.value()));
    params.add(request.after().orElse("")); // every id sorts after the empty string
    params.add(request.size() + 1);
    Map<String, List<Lot>> byPatient = new LinkedHashMap<>();
    for (Lot lot : db.list("read outstanding credits", sql, JdbcWallets::lot, params.toArray())) {
      byPatient.computeIfAbsent(lot.patient().value(), p -> new ArrayList<>()).add(lot);
    }
    List<List<Lot>> patients = new ArrayList<>(byPatient.size());
    for (List<Lot> lots : byPatient.values()) {
      lots.sort(Comparator.comparing(Lot::packageId)); // the core's order of packages; stable, so by position within one
      patients.add(lots);
    }
    return Page.of(patients, request, l -> l, l -> l.get(0).patient().value());
  }

  @Override
  public List<WalletKey> withExpiredCredits(PracticeId practice, LocalDate day) {
    List<WalletKey> keys = new ArrayList<>(db.list("find expired credits", "SELECT DISTINCT patient_id, package_id"
            + " FROM pakketten_lots WHERE practice_id = ? AND expires_on < ? AND credits_remaining > 0",
        rs -> new WalletKey(PatientId.of(rs.getString(1)), PackageId.of(rs.getString(2))), practice.value(), day));
    keys.sort(Comparator.comparing(WalletKey::patient).thenComparing(WalletKey::packageId));
    return keys;
  }

  private static void requireConsistent(Wallet wallet, int storedBalance) {
    if (wallet.balance() != storedBalance) {
      throw new IllegalStateException("The stored balance " + storedBalance + " of the wallet of "
          + wallet.patient() + " for package " + wallet.packageId() + " differs from its lots' "
          + wallet.balance());
    }
  }

  private static Object[] insertValues(Lot lot, int position) {
    String kind;
    Object invoice = Values.Null.VARCHAR;
    Object line = Values.Null.INTEGER;
    Object product = Values.Null.VARCHAR;
    Object importId = Values.Null.VARCHAR;
    Object reason = Values.Null.VARCHAR;
    if (lot.source() instanceof LotSource.InvoiceLine s) {
      kind = "INVOICE_LINE";
      invoice = s.invoiceId().value();
      line = s.lineNumber();
      product = s.productCode().value();
    } else {
      LotSource.Import s = (LotSource.Import) lot.source();
      kind = "IMPORT";
      importId = s.importId().value();
      reason = Values.nullableText("reason", s.reason(), 500);
    }
    return new Object[] {
        lot.practice().value(),
        lot.id().value(),
        lot.patient().value(),
        lot.packageId().value(),
        position,
        kind,
        invoice,
        line,
        product,
        importId,
        reason,
        lot.creditsGranted(),
        lot.creditsRemaining(),
        lot.deferredValue().getCurrencyUnit().getCode(),
        Values.amount("ratePerCredit", lot.ratePerCredit()),
        Values.amount("deferredValue", lot.deferredValue()),
        Values.amount("recognisedRevenue", lot.recognisedRevenue()),
        lot.deferredAccount().value(),
        lot.revenueAccount().value(),
        Values.instant(lot.grantedAt()),
        lot.grantedBy().value(),
        Values.date(lot.expiresOn()),
        Values.amount("valueOut", lot.valueOut()),
        lot.transferredFrom().map(id -> (Object) id.value()).orElse(Values.Null.VARCHAR)};
  }

  static Lot lot(ResultSet rs) throws SQLException {
    LotSource source = switch (rs.getString("source_kind")) {
      case "INVOICE_LINE" -> new LotSource.InvoiceLine(InvoiceId.of(rs.getString("invoice_id")),
          rs.getInt("line_number"), ProductCode.of(rs.getString("product_code")));
      case "IMPORT" -> new LotSource.Import(ImportId.of(rs.getString("import_id")), rs.getString("import_reason"));
      default -> throw new IllegalStateException("Unknown lot source " + rs.getString("source_kind"));
    };
    return ValueBuilders.lot()
        .id(LotId.of(rs.getString("lot_id")))
        .practice(PracticeId.of(rs.getString("practice_id")))
        .patient(PatientId.of(rs.getString("patient_id")))
        .packageId(PackageId.of(rs.getString("package_id")))
        .source(source)
        .creditsGranted(rs.getInt("credits_granted"))
        .creditsRemaining(rs.getInt("credits_remaining"))
        .ratePerCredit(Values.money(rs, "rate_per_credit", "currency"))
        .deferredValue(Values.money(rs, "deferred_value", "currency"))
        .recognisedRevenue(Values.money(rs, "recognised_revenue", "currency"))
        .deferredAccount(BalanceSheetItem.of(rs.getString("deferred_account")))
        .revenueAccount(LedgerAccount.of(rs.getString("revenue_account")))
        .grantedAt(Values.instant(rs, "granted_at"))
        .grantedBy(UserId.of(rs.getString("granted_by")))
        .expiresOn(Values.date(rs, "expires_on"))
        .valueOut(Values.money(rs, "value_out", "currency"))
        .transferredFrom(Values.text(rs, "transferred_from").map(LotId::of))
        .build();
  }
}
