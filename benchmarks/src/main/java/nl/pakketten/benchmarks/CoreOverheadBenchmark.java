package nl.pakketten.benchmarks;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import nl.pakketten.Pakketten;
import nl.pakketten.appointments.ScheduleAppointment;
import nl.pakketten.appointments.ScheduleResult;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.catalog.CreatePackage;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.catalog.SaveAppointmentType;
import nl.pakketten.common.Actor;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.ImportId;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.Role;
import nl.pakketten.granting.ImportCredits;
import nl.pakketten.inmemory.InMemoryStorage;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * B5: what the domain layer costs. Spends per second through the public API on the in-memory
 * adapter, against a baseline in the same run that does the same bookkeeping by hand: find the
 * appointment key, take a credit from a lot, compute the revenue in exact money, append a movement
 * and a balanced journal entry, remember the appointment — under one lock, like the in-memory
 * store.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CoreOverheadBenchmark {
  private static final PracticeId PRACTICE = PracticeId.of("bench");
  private static final Actor OWNER = Actor.of("owner", Role.OWNER);
  private static final AppointmentTypeId TYPE = AppointmentTypeId.of("session");
  private static final PatientId PATIENT = PatientId.of("patient");
  private static final Money RATE = Money.of(CurrencyUnit.EUR, 25);
  private static final Instant START = Instant.parse("2026-06-01T09:00:00Z");

  private Pakketten sdk;
  private PackageId packageId;
  private long n;

  private HandWrittenLedger baseline;
  private long m;

  @Setup(Level.Iteration)
  public void setUp() {
    // A fresh store per iteration keeps memory flat: the history and journal only grow.
    sdk = Pakketten.builder().storage(InMemoryStorage.create()).clock(Clock.fixed(START, ZoneOffset.UTC)).build();
    packageId = sdk.createPackage(CreatePackage.builder().practice(PRACTICE).actor(OWNER).name("Tien")
        .internalRate(RATE).build()).id();
    sdk.saveAppointmentType(SaveAppointmentType.builder().practice(PRACTICE).actor(OWNER).id(TYPE).name("Session")
        .packageId(packageId).creditsPerAppointment(1).build());
    n = 0;
    baseline = new HandWrittenLedger(RATE);
    m = 0;
  }

  @Benchmark
  public ScheduleResult sdkSpend() {
    if (n % 1_000_000 == 0) {
      sdk.importCredits(ImportCredits.builder().practice(PRACTICE).actor(OWNER).importId(ImportId.of("i" + n))
          .patient(PATIENT).packageId(packageId).credits(1_000_000).internalRate(RATE).reason("benchmark")
          .expiresOn(Optional.empty()).build());
    }
    return sdk.schedule(ScheduleAppointment.builder().practice(PRACTICE).actor(OWNER)
        .appointmentId(AppointmentId.of("a" + n++)).patient(PATIENT).typeId(TYPE).start(START).build());
  }

  @Benchmark
  public Object baselineSpend() {
    if (m % 1_000_000 == 0) {
      baseline.grant(1_000_000);
    }
    return baseline.spend("a" + m++);
  }

  /** The minimal bookkeeping of a spend, by hand. */
  static final class HandWrittenLedger {
    record Movement(String appointment, int lot, int credits, Money revenue, Instant at) {}

    record Line(String account, boolean debit, Money amount) {}

    record Entry(String id, List<Line> lines) {}

    private final Money rate;
    private final Object lock = new Object();
    private final List<int[]> lots = new ArrayList<>();
    private final Map<String, Movement> appointments = new HashMap<>();
    private final List<Movement> movements = new ArrayList<>();
    private final List<Entry> journal = new ArrayList<>();
    private int balance;

    HandWrittenLedger(Money rate) {
      this.rate = rate;
    }

    void grant(int credits) {
      synchronized (lock) {
        lots.add(new int[] {credits});
        balance += credits;
      }
    }

    Movement spend(String appointment) {
      synchronized (lock) {
        Movement earlier = appointments.get(appointment);
        if (earlier != null) {
          return earlier;
        }
        for (int i = 0; i < lots.size(); i++) {
          int[] lot = lots.get(i);
          if (lot[0] > 0) {
            lot[0]--;
            balance--;
            Movement movement = new Movement(appointment, i, 1, rate, START);
            movements.add(movement);
            journal.add(new Entry(appointment, List.of(new Line("1700", true, rate), new Line("8000", false, rate))));
            appointments.put(appointment, movement);
            return movement;
          }
        }
        throw new IllegalStateException("no credits");
      }
    }
  }
}
