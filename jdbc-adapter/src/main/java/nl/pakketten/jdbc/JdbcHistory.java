package nl.pakketten.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.LotId;
import nl.pakketten.common.Page;
import nl.pakketten.common.PageRequest;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.UserId;
import nl.pakketten.spi.History;
import nl.pakketten.spi.ValueBuilders;
import nl.pakketten.spi.History.ValuedMovement;
import nl.pakketten.wallet.CreditBalance;
import nl.pakketten.wallet.Movement;
import nl.pakketten.wallet.MovementKind;

/**
 * The append-only history of movements: rows are inserted, never updated or deleted. An append is
 * held back and written with the transaction's other appends (see {@link UnitOfWork}).
 */
final class JdbcHistory implements History {
  private final Db db;

  JdbcHistory(Db db) {
    this.db = db;
  }

  @Override
  public void append(Movement m) {
    Object[] row = {
        m.practice().value(),
        Values.text("movementId", m.id(), Values.ID),
        m.patient().value(),
        m.packageId().value(),
        m.lotId().value(),
        m.kind().name(),
        m.credits(),
        Values.amount("revenue", m.revenue()),
        m.revenue().getCurrencyUnit().getCode(),
        Values.instant(m.at()),
        m.actor().value(),
        Values.text("reason", m.reason(), 1000),
        Values.text("sourceKey", m.sourceKey(), 200)};
    db.call("append movement " + m.id(), tx -> {
      tx.work.append(UnitOfWork.Table.MOVEMENTS, row);
      return null;
    });
  }

  /** The kinds that add their credits to the balance, and the kinds that take them off. */
  private static final String PLUS_KINDS = kinds(1);
  private static final String MINUS_KINDS = kinds(-1);

  /**
   * The patient's movements matching {@code where}, each with its effect on the balance and the
   * deferred value it moved in and out. The value comes from the balance-sheet lines of the journal
   * entry booked for the movement (its id is the movement's id: a primary-key lookup): credited is
   * value in, debited value out. A transfer's entry credits the receiver on the giver's movement, so
   * only its debit counts there; the receiver's movement has no entry and brings in the deferred
   * value of the lot it created.
   */
  static String valued(String where) {
    return "SELECT m.seq, m.movement_id, m.practice_id, m.patient_id, m.package_id, m.lot_id, m.kind, m.credits,"
        + " m.revenue, m.currency, m.at, m.actor, m.reason, m.source_key,"
        + " CASE WHEN m.kind IN (" + PLUS_KINDS + ") THEN m.credits WHEN m.kind IN (" + MINUS_KINDS + ")"
        + " THEN -m.credits ELSE 0 END AS effect,"
        + " (SELECT COALESCE(SUM(l.amount), 0) FROM pakketten_journal_lines l WHERE l.practice_id = m.practice_id"
        + " AND l.entry_id = m.movement_id AND l.role = 'DEFERRED_REVENUE' AND l.side = 'CREDIT'"
        + " AND m.kind <> 'TRANSFERRED_OUT')"
        + " + (SELECT COALESCE(SUM(t.deferred_value), 0) FROM pakketten_lots t WHERE m.kind = 'TRANSFERRED_IN'"
        + " AND t.practice_id = m.practice_id AND t.lot_id = m.lot_id) AS value_in,"
        + " (SELECT COALESCE(SUM(l.amount), 0) FROM pakketten_journal_lines l WHERE l.practice_id = m.practice_id"
        + " AND l.entry_id = m.movement_id AND l.role = 'DEFERRED_REVENUE' AND l.side = 'DEBIT') AS value_out"
        + " FROM pakketten_movements m WHERE m.practice_id = ? AND m.patient_id = ? AND " + where;
  }

  private static String kinds(int sign) {
    return Arrays.stream(MovementKind.values()).filter(k -> k.sign() == sign).map(k -> "'" + k.name() + "'")
        .collect(Collectors.joining(", "));
  }

  /** The opening balances: parameters practice, patient, the instant before which movements count. */
  static final String BALANCES_BEFORE = "SELECT package_id, currency, SUM(effect) AS credits,"
      + " SUM(value_in - value_out) AS balance FROM (" + valued("m.at < ?") + ") v GROUP BY package_id, currency";

  /** The movements of a period: parameters practice, patient, from, to, limit. */
  static final String VALUED_BETWEEN = valued("m.at >= ? AND m.at < ?") + " ORDER BY m.seq LIMIT ?";

  /** One aggregate query over the patient's movements before the instant, read through (practice, patient, seq). */
  @Override
  public SortedMap<PackageId, CreditBalance> balancesBefore(PracticeId practice, PatientId patient,
      Instant before) {
    SortedMap<PackageId, CreditBalance> balances = new TreeMap<>();
    db.list("sum the balances of " + patient, BALANCES_BEFORE,
        rs -> balances.merge(PackageId.of(rs.getString("package_id")),
            new CreditBalance(rs.getInt("credits"), Values.money(rs, "balance", "currency")), CreditBalance::plus),
        practice.value(), patient.value(), Values.bound(before));
    return balances;
  }

  @Override
  public List<ValuedMovement> valuedBetween(PracticeId practice, PatientId patient, Instant from, Instant to,
      int limit) {
    return db.list("read the movements of " + patient, VALUED_BETWEEN,
        rs -> new ValuedMovement(movement(rs), Values.money(rs, "value_in", "currency"),
            Values.money(rs, "value_out", "currency")),
        practice.value(), patient.value(), Values.bound(from), Values.bound(to), limit);
  }

  /** Keyset paging on the append sequence, read through the index on (practice, patient, seq). */
  @Override
  public Page<Movement> ofPatient(PracticeId practice, PatientId patient, PageRequest request) {
    record Row(long seq, Movement movement) {}
    List<Row> rows = db.list("read the history of " + patient, "SELECT seq, movement_id, practice_id, patient_id,"
            + " package_id, lot_id, kind, credits, revenue, currency, at, actor, reason, source_key"
            + " FROM pakketten_movements WHERE practice_id = ? AND patient_id = ? AND seq > ? ORDER BY seq LIMIT ?",
        rs -> new Row(rs.getLong("seq"), movement(rs)),
        practice.value(), patient.value(), request.afterSequence(), request.size() + 1);
    return Page.of(rows, request, Row::movement, r -> PageRequest.sequenceCursor(r.seq()));
  }

  private static Movement movement(ResultSet rs) throws SQLException {
    return ValueBuilders.movement()
            .id(rs.getString("movement_id"))
            .practice(PracticeId.of(rs.getString("practice_id")))
            .patient(PatientId.of(rs.getString("patient_id")))
            .packageId(PackageId.of(rs.getString("package_id")))
            .lotId(LotId.of(rs.getString("lot_id")))
            .kind(MovementKind.valueOf(rs.getString("kind")))
            .credits(rs.getInt("credits"))
            .revenue(Values.money(rs, "revenue", "currency"))
            .at(Values.instant(rs, "at"))
            .actor(UserId.of(rs.getString("actor")))
            .reason(rs.getString("reason"))
            .sourceKey(rs.getString("source_key"))
            .build();
  }
}
