package nl.pakketten.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.LotId;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.UserId;
import nl.pakketten.granting.PaymentReversal;
import nl.pakketten.granting.ReversalId;
import nl.pakketten.spi.Reversals;
import nl.pakketten.spi.Transfers;
import nl.pakketten.wallet.CreditTransfer;
import nl.pakketten.wallet.TransferId;

/**
 * The records of what happened to credits after their sale: reversed payments and transfers
 * between patients. Their keys make a concurrent second call fail at the commit of the first (a
 * unique violation, retried as a transient failure); the retry then answers from the stored row.
 */
final class JdbcCreditCorrections {
  private JdbcCreditCorrections() {}

  /** The reversed payments: unique on the reversal id and on the invoice id. */
  static final class JdbcReversals implements Reversals {
    private static final String COLUMNS = "practice_id, reversal_id, invoice_id, patient_id, credits_revoked,"
        + " value_revoked, credits_kept, receivable, currency, reversed_at, reversed_by";
    private final Db db;

    JdbcReversals(Db db) {
      this.db = db;
    }

    @Override
    public Optional<PaymentReversal> find(PracticeId practice, ReversalId reversalId) {
      return db.first("read reversal " + reversalId, "SELECT " + COLUMNS + " FROM pakketten_reversals"
          + " WHERE practice_id = ? AND reversal_id = ?", JdbcReversals::reversal, practice.value(), reversalId.value());
    }

    @Override
    public Optional<PaymentReversal> ofPayment(PracticeId practice, InvoiceId invoiceId) {
      return db.first("read the reversal of invoice " + invoiceId, "SELECT " + COLUMNS + " FROM pakketten_reversals"
          + " WHERE practice_id = ? AND invoice_id = ?", JdbcReversals::reversal, practice.value(), invoiceId.value());
    }

    @Override
    public void insert(PaymentReversal r) {
      if (!r.valueRevoked().isSameCurrency(r.receivable())) {
        throw new IllegalArgumentException("Reversal " + r.reversalId() + " mixes currencies");
      }
      db.call("store reversal " + r.reversalId(), tx -> Db.update(tx, "INSERT INTO pakketten_reversals (" + COLUMNS
              + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          r.practice().value(), r.reversalId().value(), r.invoiceId().value(), r.patient().value(), r.creditsRevoked(),
          Values.amount("valueRevoked", r.valueRevoked()), r.creditsKept(), Values.amount("receivable", r.receivable()),
          r.receivable().getCurrencyUnit().getCode(), Values.instant(r.at()), r.actor().value()));
    }

    private static PaymentReversal reversal(ResultSet rs) throws SQLException {
      return new PaymentReversal(PracticeId.of(rs.getString("practice_id")), ReversalId.of(rs.getString("reversal_id")),
          InvoiceId.of(rs.getString("invoice_id")), PatientId.of(rs.getString("patient_id")),
          rs.getInt("credits_revoked"), Values.money(rs, "value_revoked", "currency"), rs.getInt("credits_kept"),
          Values.money(rs, "receivable", "currency"), Values.instant(rs, "reversed_at"),
          UserId.of(rs.getString("reversed_by")));
    }
  }

  /** The transfers between patients: unique on the transfer id. */
  static final class JdbcTransfers implements Transfers {
    private static final String COLUMNS = "practice_id, transfer_id, from_patient_id, origin_lot_id, to_patient_id,"
        + " new_lot_id, package_id, credits, transferred_value, currency, transferred_at, transferred_by";
    private final Db db;

    JdbcTransfers(Db db) {
      this.db = db;
    }

    @Override
    public Optional<CreditTransfer> find(PracticeId practice, TransferId transferId) {
      return db.first("read transfer " + transferId, "SELECT " + COLUMNS + " FROM pakketten_transfers"
          + " WHERE practice_id = ? AND transfer_id = ?", JdbcTransfers::transfer, practice.value(), transferId.value());
    }

    @Override
    public void insert(CreditTransfer t) {
      db.call("store transfer " + t.transferId(), tx -> Db.update(tx, "INSERT INTO pakketten_transfers (" + COLUMNS
              + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          t.practice().value(), t.transferId().value(), t.from().value(), t.originLot().value(), t.to().value(),
          t.newLot().value(), t.packageId().value(), t.credits(), Values.amount("value", t.value()),
          t.value().getCurrencyUnit().getCode(), Values.instant(t.at()), t.actor().value()));
    }

    private static CreditTransfer transfer(ResultSet rs) throws SQLException {
      return new CreditTransfer(PracticeId.of(rs.getString("practice_id")), TransferId.of(rs.getString("transfer_id")),
          PatientId.of(rs.getString("from_patient_id")), LotId.of(rs.getString("origin_lot_id")),
          PatientId.of(rs.getString("to_patient_id")), LotId.of(rs.getString("new_lot_id")),
          PackageId.of(rs.getString("package_id")), rs.getInt("credits"),
          Values.money(rs, "transferred_value", "currency"), Values.instant(rs, "transferred_at"),
          UserId.of(rs.getString("transferred_by")));
    }
  }
}
