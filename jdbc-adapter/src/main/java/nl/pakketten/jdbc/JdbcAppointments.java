package nl.pakketten.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.NotFoundException;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.UserId;
import nl.pakketten.credits.Allocation;
import nl.pakketten.credits.Appointment;
import nl.pakketten.credits.AppointmentId;
import nl.pakketten.credits.Appointments;
import nl.pakketten.credits.LotId;

/**
 * Appointments and the credits each took from which lot. The primary key (practice, appointment id)
 * is the idempotency key of scheduling: a concurrent second insert fails on it and is retried.
 * Inserted rows are held back and written with the transaction's other appends (see {@link
 * Appends}), at the latest just before it commits, so that failure may come at the commit.
 */
final class JdbcAppointments implements Appointments {
  static final String COLUMNS = "practice_id, appointment_id, patient_id, type_id, scheduled_type_id,"
      + " start_at, status, coverage, package_id, cost, cancel_outcome, changed_by, changed_at";
  private static final String SELECT = "SELECT " + COLUMNS + " FROM pakketten_appointments"
      + " WHERE practice_id = ? AND appointment_id = ?";
  private static final String ALLOCATIONS = "SELECT lot_id, credits, revenue, currency FROM pakketten_allocations"
      + " WHERE practice_id = ? AND appointment_id = ? ORDER BY position";

  private final Db db;

  JdbcAppointments(Db db) {
    this.db = db;
  }

  private record Key(String practice, String appointment) {}

  @Override
  public Optional<Appointment> find(PracticeId practice, AppointmentId id) {
    return read(practice, id, false);
  }

  @Override
  public Optional<Appointment> lock(PracticeId practice, AppointmentId id) {
    return read(practice, id, true);
  }

  private Optional<Appointment> read(PracticeId practice, AppointmentId id, boolean lock) {
    return db.call((lock ? "lock" : "read") + " appointment " + id, tx -> {
      List<Appointment.Builder> rows = Db.list(tx, lock ? SELECT + " FOR UPDATE" : SELECT, JdbcAppointments::map,
          practice.value(), id.value());
      if (rows.isEmpty()) {
        return Optional.empty();
      }
      Appointment appointment = rows.get(0).allocations(Db.list(tx, ALLOCATIONS, JdbcAppointments::allocation,
          practice.value(), id.value())).build();
      if (lock) {
        tx.remember(new Key(practice.value(), id.value()), appointment);
      }
      return Optional.of(appointment);
    });
  }

  @Override
  public void insert(Appointment appointment) {
    db.call("insert appointment " + appointment.getId(), tx -> {
      Object[] state = state(appointment);
      Object[] columns = new Object[state.length + 2];
      columns[0] = appointment.getPractice().value();
      columns[1] = appointment.getId().value();
      System.arraycopy(state, 0, columns, 2, state.length);
      tx.append(Appends.Table.APPOINTMENTS, columns);
      allocations(appointment).forEach(row -> tx.append(Appends.Table.ALLOCATIONS, row));
      tx.remember(new Key(appointment.getPractice().value(), appointment.getId().value()), appointment);
      return null;
    });
  }

  @Override
  public void update(Appointment appointment) {
    db.call("update appointment " + appointment.getId(), tx -> {
      Key key = new Key(appointment.getPractice().value(), appointment.getId().value());
      int rows = Db.update(tx, "UPDATE pakketten_appointments SET patient_id = ?, type_id = ?,"
              + " scheduled_type_id = ?, start_at = ?, status = ?, coverage = ?, package_id = ?, cost = ?,"
              + " cancel_outcome = ?, changed_by = ?, changed_at = ? WHERE practice_id = ? AND appointment_id = ?",
          withKey(state(appointment), key.practice(), key.appointment()));
      if (rows == 0) {
        throw new NotFoundException("appointment", appointment.getId(), appointment.getPractice());
      }
      Optional<Appointment> before = tx.locked(key);
      if (before.isEmpty() || !before.get().getAllocations().equals(appointment.getAllocations())) {
        Db.update(tx, "DELETE FROM pakketten_allocations WHERE practice_id = ? AND appointment_id = ?",
            key.practice(), key.appointment());
        allocations(appointment).forEach(row -> tx.append(Appends.Table.ALLOCATIONS, row));
      }
      tx.remember(key, appointment);
      return null;
    });
  }

  /** Every column after the key, in table order: what an insert and an update both write. */
  private static Object[] state(Appointment appointment) {
    return new Object[] {
        appointment.getPatient().value(),
        appointment.getTypeId().value(),
        appointment.getScheduledTypeId().value(),
        Values.exactInstant("start", appointment.getStart()),
        appointment.getStatus().name(),
        appointment.getCoverage().name(),
        packageId(appointment),
        appointment.getCost(),
        cancelOutcome(appointment),
        appointment.getChangedBy().value(),
        Values.instant(appointment.getChangedAt())};
  }

  private static Object[] withKey(Object[] state, String practice, String appointment) {
    Object[] parameters = java.util.Arrays.copyOf(state, state.length + 2);
    parameters[state.length] = practice;
    parameters[state.length + 1] = appointment;
    return parameters;
  }

  private static Object packageId(Appointment appointment) {
    return appointment.getPackageId().map(p -> (Object) p.value()).orElse(Values.Null.VARCHAR);
  }

  private static Object cancelOutcome(Appointment appointment) {
    return appointment.getCancelOutcome().map(o -> (Object) o.name()).orElse(Values.Null.VARCHAR);
  }

  private static List<Object[]> allocations(Appointment appointment) {
    List<Object[]> rows = new ArrayList<>();
    List<Allocation> allocations = appointment.getAllocations();
    for (int i = 0; i < allocations.size(); i++) {
      Allocation a = allocations.get(i);
      rows.add(new Object[] {appointment.getPractice().value(), appointment.getId().value(), i, a.lotId().value(),
          a.credits(), Values.amount("revenue", a.revenue()), a.revenue().getCurrencyUnit().getCode()});
    }
    return rows;
  }

  private static Allocation allocation(ResultSet rs) throws SQLException {
    return new Allocation(LotId.of(rs.getString("lot_id")), rs.getInt("credits"),
        Values.money(rs, "revenue", "currency"));
  }

  private static Appointment.Builder map(ResultSet rs) throws SQLException {
    Appointment.Builder b = Appointment.builder();
    b.practice(PracticeId.of(rs.getString("practice_id")))
        .id(AppointmentId.of(rs.getString("appointment_id")))
        .patient(PatientId.of(rs.getString("patient_id")))
        .typeId(AppointmentTypeId.of(rs.getString("type_id")))
        .scheduledTypeId(AppointmentTypeId.of(rs.getString("scheduled_type_id")))
        .start(Values.instant(rs, "start_at"))
        .status(Appointment.Status.valueOf(rs.getString("status")))
        .coverage(Appointment.Coverage.valueOf(rs.getString("coverage")))
        .packageId(Values.text(rs, "package_id").map(PackageId::of))
        .cost(rs.getInt("cost"))
        .cancelOutcome(Values.text(rs, "cancel_outcome").map(Appointment.CancelOutcome::valueOf))
        .changedBy(UserId.of(rs.getString("changed_by")))
        .changedAt(Values.instant(rs, "changed_at"));
    return b;
  }
}
