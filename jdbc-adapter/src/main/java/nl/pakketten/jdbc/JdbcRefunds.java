package nl.pakketten.jdbc;

import java.util.Optional;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.spi.Refunds;
import nl.pakketten.wallet.Refund;
import nl.pakketten.wallet.RefundId;

/**
 * The refunds of credits. The primary key (practice, refund id) makes a concurrent second refund
 * with the same key fail at the commit of the first; the retry then answers from the stored refund.
 */
final class JdbcRefunds implements Refunds {
  private final Db db;

  JdbcRefunds(Db db) {
    this.db = db;
  }

  @Override
  public Optional<Refund> find(PracticeId practice, RefundId refundId) {
    return db.first("read refund " + refundId, "SELECT practice_id, refund_id, fingerprint, patient_id, package_id,"
            + " credits, currency, refund_value, amount, refunded_at FROM pakketten_refunds"
            + " WHERE practice_id = ? AND refund_id = ?",
        rs -> new Refund(PracticeId.of(rs.getString("practice_id")), RefundId.of(rs.getString("refund_id")),
            rs.getString("fingerprint"), PatientId.of(rs.getString("patient_id")),
            PackageId.of(rs.getString("package_id")), rs.getInt("credits"),
            Values.money(rs, "refund_value", "currency"), Values.money(rs, "amount", "currency"),
            Values.instant(rs, "refunded_at")),
        practice.value(), refundId.value());
  }

  @Override
  public void insert(Refund refund) {
    db.update("insert refund " + refund.refundId(), "INSERT INTO pakketten_refunds (practice_id, refund_id,"
            + " fingerprint, patient_id, package_id, credits, currency, refund_value, amount, refunded_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        refund.practice().value(), refund.refundId().value(), refund.fingerprint(), refund.patient().value(),
        refund.packageId().value(), refund.credits(), refund.value().getCurrencyUnit().getCode(),
        Values.amount("value", refund.value()), Values.amount("amount", refund.amount()),
        Values.instant(refund.at()));
  }

  /** The notices of credits expiring soon, unique on (practice, lot, day) like the refunds on their key. */
  static final class Notices implements nl.pakketten.spi.ExpiryNotices {
    private final Db db;

    Notices(Db db) {
      this.db = db;
    }

    @Override
    public boolean contains(PracticeId practice, nl.pakketten.common.LotId lot, java.time.LocalDate day) {
      return db.first("read the expiry notice of " + lot, "SELECT lot_id FROM pakketten_expiry_notices"
          + " WHERE practice_id = ? AND lot_id = ? AND notified_for = ?", rs -> rs.getString(1), practice.value(),
          lot.value(), day).isPresent();
    }

    @Override
    public void insert(PracticeId practice, nl.pakketten.common.LotId lot, java.time.LocalDate day) {
      db.update("insert the expiry notice of " + lot, "INSERT INTO pakketten_expiry_notices (practice_id, lot_id,"
          + " notified_for) VALUES (?, ?, ?)", practice.value(), lot.value(), day);
    }
  }
}
