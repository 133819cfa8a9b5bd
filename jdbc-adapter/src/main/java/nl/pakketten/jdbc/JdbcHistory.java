package nl.pakketten.jdbc;

import java.util.List;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.LotId;
import nl.pakketten.common.Page;
import nl.pakketten.common.PageRequest;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.UserId;
import nl.pakketten.spi.History;
import nl.pakketten.spi.ValueBuilders;
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

  /** Keyset paging on the append sequence, read through the index on (practice, patient, seq). */
  @Override
  public Page<Movement> ofPatient(PracticeId practice, PatientId patient, PageRequest request) {
    record Row(long seq, Movement movement) {}
    List<Row> rows = db.list("read the history of " + patient, "SELECT seq, movement_id, practice_id, patient_id,"
            + " package_id, lot_id, kind, credits, revenue, currency, at, actor, reason, source_key"
            + " FROM pakketten_movements WHERE practice_id = ? AND patient_id = ? AND seq > ? ORDER BY seq LIMIT ?",
        rs -> new Row(rs.getLong("seq"), ValueBuilders.movement()
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
            .build()),
        practice.value(), patient.value(), request.afterSequence(), request.size() + 1);
    return Page.of(rows, request, Row::movement, r -> PageRequest.sequenceCursor(r.seq()));
  }
}
