package nl.pakketten.jdbc;

import static nl.pakketten.testing.Fixtures.OWNER;
import static nl.pakketten.testing.Fixtures.RECEPTIONIST;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import nl.pakketten.Pakketten;
import nl.pakketten.appointments.CancelAppointment;
import nl.pakketten.appointments.ChangeAppointmentType;
import nl.pakketten.appointments.LateCancellationPolicy;
import nl.pakketten.appointments.ShortfallPolicy;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.catalog.CreatePackage;
import nl.pakketten.catalog.DeactivatePackage;
import nl.pakketten.catalog.LedgerAccount;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.catalog.ProductCode;
import nl.pakketten.catalog.ReactivatePackage;
import nl.pakketten.catalog.SaveAppointmentType;
import nl.pakketten.catalog.SaveProduct;
import nl.pakketten.catalog.UpdatePackage;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.ImportId;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.granting.ImportCredits;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.inmemory.InMemoryStorage;
import nl.pakketten.revenue.JournalEntry;
import nl.pakketten.spi.Storage;
import nl.pakketten.testing.Fixtures;
import nl.pakketten.testing.MutableClock;
import nl.pakketten.testing.Pages;
import nl.pakketten.wallet.ExpireCredits;
import nl.pakketten.wallet.Movement;
import org.joda.money.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential test: random sequences of commands (payments with replays and conflicts, imports,
 * schedules, cancels, type changes, expiry, deactivation, account changes, time passing) run on the
 * in-memory reference adapter and on the database side by side. Every answer, every balance, lot,
 * movement and journal entry must be the same on both, and the SQL audit must find the stored
 * balances equal to the ones recomputed from the movement history. A failure names its seed.
 */
class DifferentialLedgerTest {
  private static final List<PatientId> PATIENTS = List.of(PatientId.of("patient-1"), PatientId.of("patient-2"));
  private static final PackageId A = PackageId.of("pkg-a");
  private static final PackageId B = PackageId.of("pkg-b");
  private static final List<String> TYPES = List.of("type-a", "type-b", "type-none");

  static Stream<Arguments> runs() {
    return Stream.concat(IntStream.range(0, 8).mapToObj(seed -> Arguments.of(Database.POSTGRESQL, seed)),
        IntStream.range(0, 16).mapToObj(seed -> Arguments.of(Database.H2, seed)));
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("runs")
  void aRandomSequenceOfCommandsAnswersAndStoresExactlyAsTheReferenceAdapter(Database db, int seed) {
    Random random = new Random(seed);
    PracticeId practice = PracticeId.of("diff-" + seed);
    MutableClock clock = new MutableClock(Fixtures.START);
    ShortfallPolicy shortfall = random.nextBoolean() ? ShortfallPolicy.REJECT : ShortfallPolicy.ALLOW_UNCOVERED;
    LateCancellationPolicy late = random.nextBoolean() ? LateCancellationPolicy.none()
        : LateCancellationPolicy.keepCreditsWithin(Duration.ofHours(24));
    if (seed == 0) {
      db.clean();
    }
    Pakketten reference = build(InMemoryStorage.create(), clock, shortfall, late);
    Pakketten database = build(JdbcStorage.create(db.dataSource()), clock, shortfall, late);
    List<String> steps = new ArrayList<>();

    for (int step = 0; step < 60; step++) {
      Function<Pakketten, Object> command = command(random, practice, clock, steps);
      Object expected = outcome(reference, command);
      Object actual = outcome(database, command);
      assertThat(actual).as("seed %d, answer to step %d of %s", seed, step, steps).isEqualTo(expected);
      for (PatientId patient : PATIENTS) {
        assertThat(state(database, practice, patient)).as("seed %d, state after step %d of %s", seed, step, steps)
            .isEqualTo(state(reference, practice, patient));
      }
    }
    assertThat(journal(database, practice)).isEqualTo(journal(reference, practice));
    assertThat(LedgerAudit.violations(db.dataSource())).isEmpty();
  }

  private static Pakketten build(Storage storage, MutableClock clock, ShortfallPolicy shortfall,
      LateCancellationPolicy late) {
    return Pakketten.builder().storage(storage).clock(clock).shortfallPolicy(shortfall)
        .lateCancellationPolicy(late).build();
  }

  /** The next command, as a function to apply to each side; {@code steps} gets its description. */
  private static Function<Pakketten, Object> command(Random random, PracticeId practice, MutableClock clock,
      List<String> steps) {
    if (steps.isEmpty()) {
      steps.add("set up the catalog");
      return p -> {
        p.createPackage(CreatePackage.builder().practice(practice).actor(OWNER).packageId(A).name("Package A")
            .internalRate(eur("12.50")).build());
        p.createPackage(CreatePackage.builder().practice(practice).actor(OWNER).packageId(B).name("Package B")
            .internalRate(eur("7.33")).build());
        p.saveProduct(SaveProduct.builder().practice(practice).actor(OWNER).code(ProductCode.of("PA"))
            .name("Product A").unitPrice(eur("60.00")).packageId(A).creditsPerUnit(5).build());
        p.saveProduct(SaveProduct.builder().practice(practice).actor(OWNER).code(ProductCode.of("PB"))
            .name("Product B").unitPrice(eur("20.00")).packageId(B).creditsPerUnit(3).build());
        p.saveAppointmentType(SaveAppointmentType.builder().practice(practice).actor(OWNER)
            .id(AppointmentTypeId.of("type-a")).name("Type A").packageId(A).creditsPerAppointment(1).build());
        p.saveAppointmentType(SaveAppointmentType.builder().practice(practice).actor(OWNER)
            .id(AppointmentTypeId.of("type-b")).name("Type B").packageId(B).creditsPerAppointment(2).build());
        p.saveAppointmentType(SaveAppointmentType.builder().practice(practice).actor(OWNER)
            .id(AppointmentTypeId.of("type-none")).name("Type none").packageId(Optional.empty())
            .creditsPerAppointment(1).build());
        return "ok";
      };
    }
    PatientId patient = PATIENTS.get(random.nextInt(PATIENTS.size()));
    String appointment = "A-" + random.nextInt(10);
    String type = TYPES.get(random.nextInt(TYPES.size()));
    int choice = random.nextInt(100);
    if (choice < 20) {
      String invoice = "F-" + random.nextInt(6);
      List<InvoiceLine> lines = new ArrayList<>();
      for (int i = 0; i <= random.nextInt(2); i++) {
        lines.add(InvoiceLine.of(random.nextBoolean() ? "PA" : "PB", 1 + random.nextInt(3),
            eur(BigDecimal.valueOf(1000 + random.nextInt(9000), 2).toPlainString())));
      }
      steps.add("pay " + invoice + " " + patient + " " + lines.size() + " lines");
      return p -> p.registerPayment(Fixtures.invoice(practice, invoice, patient,
          lines.toArray(InvoiceLine[]::new)));
    }
    if (choice < 30) {
      String id = "I-" + random.nextInt(4);
      PackageId pkg = random.nextBoolean() ? A : B;
      int credits = 1 + random.nextInt(5);
      LocalDate expires = random.nextInt(3) == 0 ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
          .plusDays(random.nextInt(5)) : null;
      steps.add("import " + id + " " + patient + " " + pkg + " " + credits + " until " + expires);
      return p -> p.importCredits(ImportCredits.builder().practice(practice).actor(OWNER).importId(ImportId.of(id))
          .patient(patient).packageId(pkg).credits(credits).internalRate(eur("3.33")).reason("imported")
          .expiresOn(Optional.ofNullable(expires)).build());
    }
    if (choice < 55) {
      Instant start = clock.instant().plus(Duration.ofHours(2 + random.nextInt(72)));
      steps.add("schedule " + appointment + " " + patient + " " + type);
      return p -> p.schedule(Fixtures.scheduleCommand(practice, appointment, patient, type, start));
    }
    if (choice < 70) {
      steps.add("cancel " + appointment);
      return p -> p.cancel(CancelAppointment.builder().practice(practice).actor(RECEPTIONIST)
          .appointmentId(AppointmentId.of(appointment)).build());
    }
    if (choice < 82) {
      steps.add("change " + appointment + " to " + type);
      return p -> p.changeAppointmentType(ChangeAppointmentType.builder().practice(practice).actor(RECEPTIONIST)
          .appointmentId(AppointmentId.of(appointment)).typeId(AppointmentTypeId.of(type)).build());
    }
    if (choice < 88) {
      Duration later = Duration.ofHours(1 + random.nextInt(48));
      steps.add("advance " + later + " and expire");
      return new Function<>() {
        private boolean advanced;

        @Override
        public Object apply(Pakketten p) {
          if (!advanced) {
            clock.advance(later); // once: the clock is shared by both sides
            advanced = true;
          }
          return p.expireCredits(ExpireCredits.of(practice, OWNER, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
        }
      };
    }
    if (choice < 94) {
      boolean deactivate = random.nextBoolean();
      steps.add((deactivate ? "deactivate" : "reactivate") + " A");
      return p -> deactivate ? p.deactivatePackage(DeactivatePackage.of(practice, OWNER, A)) : p.reactivatePackage(ReactivatePackage.of(practice, OWNER, A));
    }
    String account = "80" + random.nextInt(10);
    steps.add("book A on " + account);
    return p -> p.updatePackage(UpdatePackage.builder().practice(practice).actor(OWNER).packageId(A)
        .name("Package A").internalRate(eur("12.50")).ledgerAccount(LedgerAccount.of(account)).build());
  }

  /** What a command answered, or the kind and message of what it threw. */
  private static Object outcome(Pakketten p, Function<Pakketten, Object> command) {
    try {
      Object result = command.apply(p);
      return result instanceof nl.pakketten.catalog.CreditPackage pkg ? pkg.withChangedAt(Instant.EPOCH) : result;
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  /** The patient's balances, wallets with lots, and history (movement ids are random, so left out). */
  private static List<Object> state(Pakketten p, PracticeId practice, PatientId patient) {
    List<Object> state = new ArrayList<>();
    state.add(p.balance(practice, patient, A));
    state.add(p.balance(practice, patient, B));
    state.add(p.wallets(practice, patient));
    for (Movement m : Pages.history(p, practice, patient)) {
      state.add(List.of(m.packageId(), m.lotId(), m.kind(), m.credits(), m.revenue(), m.at(),
          m.actor(), m.reason(), m.sourceKey()));
    }
    return state;
  }

  private static List<Object> journal(Pakketten p, PracticeId practice) {
    List<Object> entries = new ArrayList<>();
    for (JournalEntry e : Pages.journal(p, practice, Instant.EPOCH, Instant.MAX)) {
      entries.add(List.of(e.at(), e.patient(), e.packageId(), e.lot(), e.sourceKey(), e.description(), e.lines()));
    }
    return entries;
  }

  private static Money eur(String amount) {
    return Fixtures.eur(amount);
  }
}
