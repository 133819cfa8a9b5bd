package nl.pakketten.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.LotId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.granting.GrantReceipt;
import nl.pakketten.granting.LotGrant;
import nl.pakketten.spi.GrantReceipts;

/**
 * The idempotency records of payments and imports. The primary key (practice, kind, key) makes a
 * concurrent second grant of the same key fail at commit time of the first; the retry then answers
 * from the stored receipt.
 */
final class JdbcGrantReceipts implements GrantReceipts {
  private final Db db;

  JdbcGrantReceipts(Db db) {
    this.db = db;
  }

  private record Head(String fingerprint, java.time.Instant at) {}

  @Override
  public Optional<GrantReceipt> find(PracticeId practice, GrantReceipt.Kind kind, String key) {
    if (key.length() > Values.ID) {
      return Optional.empty();
    }
    return db.call("read the receipt of " + kind + " " + key, tx -> {
      List<Head> head = Db.list(tx, "SELECT fingerprint, received_at FROM pakketten_grant_receipts"
              + " WHERE practice_id = ? AND kind = ? AND receipt_key = ?",
          rs -> new Head(rs.getString("fingerprint"), Values.instant(rs, "received_at")),
          practice.value(), kind.name(), key);
      if (head.isEmpty()) {
        return Optional.empty();
      }
      List<LotGrant> grants = Db.list(tx, "SELECT lot_id, package_id, credits, currency, rate_per_credit,"
              + " deferred_value FROM pakketten_receipt_grants WHERE practice_id = ? AND kind = ? AND receipt_key = ?"
              + " ORDER BY position",
          rs -> new LotGrant(LotId.of(rs.getString("lot_id")), PackageId.of(rs.getString("package_id")),
              rs.getInt("credits"), Values.money(rs, "rate_per_credit", "currency"),
              Values.money(rs, "deferred_value", "currency")),
          practice.value(), kind.name(), key);
      return Optional.of(new GrantReceipt(practice, kind, key, head.get(0).fingerprint(), grants, head.get(0).at()));
    });
  }

  @Override
  public void insert(GrantReceipt receipt) {
    db.call("store the receipt of " + receipt.kind() + " " + receipt.key(), tx -> {
      String practice = receipt.practice().value();
      String key = Values.text("key", receipt.key(), Values.ID);
      Db.update(tx, "INSERT INTO pakketten_grant_receipts (practice_id, kind, receipt_key, fingerprint, received_at)"
              + " VALUES (?, ?, ?, ?, ?)",
          practice, receipt.kind().name(), key, Values.text("fingerprint", receipt.fingerprint(), 64),
          Values.instant(receipt.at()));
      List<Object[]> rows = new ArrayList<>();
      for (int i = 0; i < receipt.grants().size(); i++) {
        LotGrant g = receipt.grants().get(i);
        if (!g.ratePerCredit().isSameCurrency(g.deferredValue())) {
          throw new IllegalArgumentException("Grant of lot " + g.lotId() + " mixes currencies");
        }
        rows.add(new Object[] {practice, receipt.kind().name(), key, i, g.lotId().value(), g.packageId().value(),
            g.credits(), g.deferredValue().getCurrencyUnit().getCode(), Values.amount("ratePerCredit", g.ratePerCredit()),
            Values.amount("deferredValue", g.deferredValue())});
      }
      Db.batch(tx, "INSERT INTO pakketten_receipt_grants (practice_id, kind, receipt_key, position, lot_id,"
          + " package_id, credits, currency, rate_per_credit, deferred_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          rows);
      return null;
    });
  }
}
