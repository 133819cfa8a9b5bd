package nl.pakketten.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.pakketten.appointments.Appointment;
import nl.pakketten.appointments.ScheduleResult;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.LotId;
import nl.pakketten.common.NotFoundException;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.UserId;
import nl.pakketten.spi.Appointments;
import nl.pakketten.spi.ValueBuilders;
import nl.pakketten.wallet.Allocation;

/**
 * Appointments and the credits each took from which lot. The primary key (practice, appointment id)
 * is the idempotency key of scheduling: a concurrent second insert fails on it and is retried.
 * Inserted rows are held back and written with the transaction's other appends (see {@link
 * UnitOfWork}), at the latest just before it commits, so that failure may come at the commit.
 *
 * <p>The answer its schedule call gave is kept in the {@code scheduled_*} columns (migration V2;
 * NULL in rows written before, read back as no answer). The allocations of a covered answer are
 * its rows in {@code pakketten_allocations} until a type change replaces those; only then are they
 * kept apart in {@code pakketten_scheduled_allocations}. So scheduling writes no more rows than
 * before, and reading one costs no more statements.
 */
final class JdbcAppointments implements Appointments {
  static final String COLUMNS = "practice_id, appointment_id, patient_id, type_id, scheduled_type_id,"
      + " start_at, status, coverage, package_id, cost, cancel_outcome, changed_by, changed_at,"
      + " scheduled_coverage, scheduled_package_id, scheduled_cost";
  static final String ALLOCATION_COLUMNS = "practice_id, appointment_id, position, lot_id, credits, revenue,"
      + " currency";
  private static final String SELECT = "SELECT " + COLUMNS + " FROM pakketten_appointments"
      + " WHERE practice_id = ? AND appointment_id = ?";
  private static final String ALLOCATIONS = "SELECT 0 AS scheduled, position, lot_id, credits, revenue, currency"
      + " FROM pakketten_allocations WHERE practice_id = ? AND appointment_id = ?";
  /** The current allocations, then those of the schedule's answer when they are kept apart. */
  private static final String BOTH_ALLOCATIONS = ALLOCATIONS + " UNION ALL SELECT 1 AS scheduled, position, lot_id,"
      + " credits, revenue, currency FROM pakketten_scheduled_allocations WHERE practice_id = ? AND appointment_id = ?"
      + " ORDER BY scheduled, position";

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
      List<Row> rows = Db.list(tx, lock ? SELECT + " FOR UPDATE" : SELECT, JdbcAppointments::map,
          practice.value(), id.value());
      if (rows.isEmpty()) {
        return Optional.empty();
      }
      Row row = rows.get(0);
      List<StoredAllocation> stored = row.scheduledCoverage().equals(Optional.of(Appointment.Coverage.COVERED))
          ? Db.list(tx, BOTH_ALLOCATIONS, JdbcAppointments::allocation, practice.value(), id.value(),
              practice.value(), id.value())
          : Db.list(tx, ALLOCATIONS + " ORDER BY position", JdbcAppointments::allocation, practice.value(),
              id.value());
      Appointment appointment = row.build(stored);
      if (lock) {
        tx.remember(new Key(practice.value(), id.value()), appointment);
      }
      return Optional.of(appointment);
    });
  }

  @Override
  public void insert(Appointment appointment) {
    db.call("insert appointment " + appointment.id(), tx -> {
      Object[] state = state(appointment);
      Object[] columns = new Object[state.length + 2];
      columns[0] = appointment.practice().value();
      columns[1] = appointment.id().value();
      System.arraycopy(state, 0, columns, 2, state.length);
      tx.work.append(UnitOfWork.Table.APPOINTMENTS, columns);
      allocations(appointment).forEach(row -> tx.work.append(UnitOfWork.Table.ALLOCATIONS, row));
      // Empty unless the appointment is stored after a type change it had before ever being stored.
      rows(appointment, keptApart(appointment)).forEach(row -> tx.work.append(UnitOfWork.Table.SCHEDULED_ALLOCATIONS, row));
      tx.remember(new Key(appointment.practice().value(), appointment.id().value()), appointment);
      return null;
    });
  }

  @Override
  public void update(Appointment appointment) {
    db.call("update appointment " + appointment.id(), tx -> {
      Key key = new Key(appointment.practice().value(), appointment.id().value());
      int rows = Db.update(tx, "UPDATE pakketten_appointments SET patient_id = ?, type_id = ?,"
              + " scheduled_type_id = ?, start_at = ?, status = ?, coverage = ?, package_id = ?, cost = ?,"
              + " cancel_outcome = ?, changed_by = ?, changed_at = ?, scheduled_coverage = ?,"
              + " scheduled_package_id = ?, scheduled_cost = ? WHERE practice_id = ? AND appointment_id = ?",
          withKey(state(appointment), key.practice(), key.appointment()));
      if (rows == 0) {
        throw new NotFoundException("appointment", appointment.id(), appointment.practice());
      }
      Optional<Appointment> before = tx.locked(key);
      if (before.isEmpty() || !before.get().allocations().equals(appointment.allocations())) {
        Db.update(tx, "DELETE FROM pakketten_allocations WHERE practice_id = ? AND appointment_id = ?",
            key.practice(), key.appointment());
        allocations(appointment).forEach(row -> tx.work.append(UnitOfWork.Table.ALLOCATIONS, row));
      }
      List<Allocation> kept = keptApart(appointment);
      if (before.isEmpty() || !keptApart(before.get()).equals(kept)) {
        if (before.isEmpty() || !keptApart(before.get()).isEmpty()) {
          Db.update(tx, "DELETE FROM pakketten_scheduled_allocations WHERE practice_id = ? AND appointment_id = ?",
              key.practice(), key.appointment());
        }
        rows(appointment, kept).forEach(row -> tx.work.append(UnitOfWork.Table.SCHEDULED_ALLOCATIONS, row));
      }
      tx.remember(key, appointment);
      return null;
    });
  }

  /** Every column after the key, in table order: what an insert and an update both write. */
  private static Object[] state(Appointment appointment) {
    return new Object[] {
        appointment.patient().value(),
        appointment.typeId().value(),
        appointment.scheduledTypeId().value(),
        Values.exactInstant("start", appointment.start()),
        appointment.status().name(),
        appointment.coverage().name(),
        packageId(appointment),
        appointment.cost(),
        cancelOutcome(appointment),
        appointment.changedBy().value(),
        Values.instant(appointment.changedAt()),
        scheduledCoverage(appointment),
        scheduledPackageId(appointment),
        scheduledCost(appointment)};
  }

  private static Object scheduledCoverage(Appointment appointment) {
    return appointment.scheduleAnswer().map(a -> (Object) coverageOf(a).name()).orElse(Values.Null.VARCHAR);
  }

  private static Object scheduledPackageId(Appointment appointment) {
    Optional<ScheduleResult> answer = appointment.scheduleAnswer();
    if (answer.isPresent() && answer.get() instanceof ScheduleResult.Covered c) {
      return c.packageId().value();
    }
    if (answer.isPresent() && answer.get() instanceof ScheduleResult.Uncovered u) {
      return u.packageId().value();
    }
    return Values.Null.VARCHAR;
  }

  private static Object scheduledCost(Appointment appointment) {
    Optional<ScheduleResult> answer = appointment.scheduleAnswer();
    if (answer.isEmpty()) {
      return Values.Null.INTEGER;
    }
    if (answer.get() instanceof ScheduleResult.Covered c) {
      return c.credits();
    }
    return answer.get() instanceof ScheduleResult.Uncovered u ? u.cost() : 0;
  }

  private static Appointment.Coverage coverageOf(ScheduleResult answer) {
    if (answer instanceof ScheduleResult.Covered) {
      return Appointment.Coverage.COVERED;
    }
    return answer instanceof ScheduleResult.Uncovered ? Appointment.Coverage.UNCOVERED
        : Appointment.Coverage.NOT_LINKED;
  }

  /** The allocations of a covered schedule answer when they differ from the current ones; otherwise none. */
  private static List<Allocation> keptApart(Appointment appointment) {
    Optional<ScheduleResult> answer = appointment.scheduleAnswer();
    if (answer.isPresent() && answer.get() instanceof ScheduleResult.Covered c
        && !c.allocations().equals(appointment.allocations())) {
      return c.allocations();
    }
    return List.of();
  }

  private static Object[] withKey(Object[] state, String practice, String appointment) {
    Object[] parameters = java.util.Arrays.copyOf(state, state.length + 2);
    parameters[state.length] = practice;
    parameters[state.length + 1] = appointment;
    return parameters;
  }

  private static Object packageId(Appointment appointment) {
    return appointment.packageId().map(p -> (Object) p.value()).orElse(Values.Null.VARCHAR);
  }

  private static Object cancelOutcome(Appointment appointment) {
    return appointment.cancelOutcome().map(o -> (Object) o.name()).orElse(Values.Null.VARCHAR);
  }

  private static List<Object[]> allocations(Appointment appointment) {
    return rows(appointment, appointment.allocations());
  }

  private static List<Object[]> rows(Appointment appointment, List<Allocation> allocations) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < allocations.size(); i++) {
      Allocation a = allocations.get(i);
      rows.add(new Object[] {appointment.practice().value(), appointment.id().value(), i, a.lotId().value(),
          a.credits(), Values.amount("revenue", a.revenue()), a.revenue().getCurrencyUnit().getCode()});
    }
    return rows;
  }

  /** An allocation row, current ({@code scheduled} false) or of the schedule's answer. */
  private record StoredAllocation(boolean scheduled, Allocation allocation) {}

  private static StoredAllocation allocation(ResultSet rs) throws SQLException {
    return new StoredAllocation(rs.getInt("scheduled") == 1, new Allocation(LotId.of(rs.getString("lot_id")),
        rs.getInt("credits"), Values.money(rs, "revenue", "currency")));
  }

  /** An appointment row, waiting for its allocations. */
  private record Row(Appointment.Builder builder, AppointmentId id, AppointmentTypeId scheduledType,
      Optional<Appointment.Coverage> scheduledCoverage, Optional<PackageId> scheduledPackage, int scheduledCost) {
    Appointment build(List<StoredAllocation> stored) {
      List<Allocation> current = stored.stream().filter(s -> !s.scheduled()).map(StoredAllocation::allocation)
          .toList();
      List<Allocation> keptApart = stored.stream().filter(StoredAllocation::scheduled)
          .map(StoredAllocation::allocation).toList();
      builder.allocations(current);
      scheduledCoverage.ifPresent(coverage -> builder.scheduleAnswer(switch (coverage) {
        case COVERED -> new ScheduleResult.Covered(id, scheduledPackage.orElseThrow(), scheduledCost,
            keptApart.isEmpty() ? current : keptApart);
        case NOT_LINKED -> new ScheduleResult.NotCovered(id, scheduledType);
        case UNCOVERED -> new ScheduleResult.Uncovered(id, scheduledPackage.orElseThrow(), scheduledCost);
      }));
      return builder.build();
    }
  }

  private static Row map(ResultSet rs) throws SQLException {
    Appointment.Builder b = ValueBuilders.appointment();
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
    return new Row(b, AppointmentId.of(rs.getString("appointment_id")),
        AppointmentTypeId.of(rs.getString("scheduled_type_id")),
        Values.text(rs, "scheduled_coverage").map(Appointment.Coverage::valueOf),
        Values.text(rs, "scheduled_package_id").map(PackageId::of), rs.getInt("scheduled_cost"));
  }
}
