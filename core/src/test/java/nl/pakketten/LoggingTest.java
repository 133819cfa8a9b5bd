package nl.pakketten;

import static nl.pakketten.testing.Fixtures.OWNER;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.RECEPTIONIST;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import nl.pakketten.appointments.CancelAppointment;
import nl.pakketten.appointments.InsufficientCreditsException;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.ImportId;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.PatientId;
import nl.pakketten.granting.ImportCredits;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.inmemory.InMemoryStorage;
import nl.pakketten.spi.AppointmentTypes;
import nl.pakketten.spi.Appointments;
import nl.pakketten.spi.GrantReceipts;
import nl.pakketten.spi.History;
import nl.pakketten.spi.Journal;
import nl.pakketten.spi.Packages;
import nl.pakketten.spi.Products;
import nl.pakketten.spi.Storage;
import nl.pakketten.spi.Transactions;
import nl.pakketten.spi.TransientException;
import nl.pakketten.spi.Wallets;
import nl.pakketten.storage.TransactionFailedException;
import nl.pakketten.testing.Fixtures;
import nl.pakketten.wallet.ExpireCredits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.MDC;

/**
 * What an operator sees with {@code nl.pakketten} at DEBUG, through a real SLF4J backend
 * (slf4j-simple writing to a captured standard error). Runs in its own surefire execution, which
 * sets the level before SLF4J starts; elsewhere it is skipped.
 */
@EnabledIfSystemProperty(named = "org.slf4j.simpleLogger.log.nl.pakketten", matches = "debug")
class LoggingTest {
  /** Personal data a host might put into the free-text fields; no line may carry it. */
  private static final String NAME = "Jansen";
  private static final String EMAIL = "m.jansen@example.nl";
  private static final PatientId PATIENT = PatientId.of("patient-7");

  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private PrintStream standardError;
  private FlakyStorage storage;
  private Fixtures f;
  private PackageId pkg;

  @BeforeEach
  void setUp() {
    storage = new FlakyStorage(InMemoryStorage.create());
    f = new Fixtures(storage);
    pkg = f.createPackage("Fysio 10", eur("30.00")).id();
    f.linkProduct("P10", pkg, 10, eur("300.00"));
    f.linkType("session", pkg, 1);
    standardError = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(standardError);
    MDC.clear();
  }

  @Test
  void aPaymentAndAScheduleLogOneDebugLineEachWithTheirFacts() {
    f.pay("INV-1", PATIENT, InvoiceLine.of("P10", 1, eur("300.00")));
    f.schedule("APP-1", PATIENT, "session");

    assertThat(lines()).hasSize(2);
    assertThat(lines().get(0)).contains("DEBUG nl.pakketten.commands - command=registerPayment practice=practice-1"
        + " key=INV-1 outcome=Granted replay=false attempts=1 ms=");
    assertThat(lines().get(1)).contains("DEBUG nl.pakketten.commands - command=schedule practice=practice-1"
        + " key=APP-1 outcome=Covered replay=false attempts=1 ms=");
    assertThat(lines()).allMatch(line -> line.matches(".* ms=\\d+\\.\\d{3}$"));
  }

  @Test
  void aReplayIsMarkedAndAReadHasALineOfItsOwn() {
    f.pay("INV-1", PATIENT, InvoiceLine.of("P10", 1, eur("300.00")));
    f.pay("INV-1", PATIENT, InvoiceLine.of("P10", 1, eur("300.00")));
    f.balance(PATIENT, pkg);

    assertThat(lines()).hasSize(3);
    assertThat(lines().get(1)).contains("command=registerPayment practice=practice-1 key=INV-1"
        + " outcome=AlreadyGranted replay=true attempts=1");
    assertThat(lines().get(2)).contains("DEBUG nl.pakketten.reads - read=balance practice=practice-1 outcome=ok"
        + " attempts=1 ms=");
  }

  @Test
  void noLineCarriesAPatientOrTheFreeTextAHostGave() {
    f.pay("INV-1", PATIENT, InvoiceLine.of("P10", 1, eur("300.00")));
    f.pakketten.importCredits(ImportCredits.builder().practice(PRACTICE).actor(OWNER).importId(ImportId.of("IMP-1"))
        .patient(PATIENT).packageId(pkg).credits(2).internalRate(eur("30.00"))
        .reason("Mevrouw " + NAME + " (" + EMAIL + ") paid cash").build());
    f.schedule("APP-1", PATIENT, "session");
    f.pakketten.cancel(CancelAppointment.builder().practice(PRACTICE).actor(RECEPTIONIST)
        .appointmentId(AppointmentId.of("APP-1")).reason("Ill, " + NAME + " will call " + EMAIL).build());
    f.pakketten.expireCredits(ExpireCredits.of(PRACTICE, OWNER, LocalDate.of(2026, 3, 1)));
    // A refusal whose message quotes the free text: the line names only the exception.
    assertThatThrownBy(() -> f.pakketten.importCredits(ImportCredits.builder().practice(PRACTICE).actor(OWNER)
        .importId(ImportId.of("IMP-2")).patient(PATIENT).packageId(pkg).credits(2).internalRate(eur("30.00"))
        .reason(NAME + " " + "x".repeat(600)).build()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining(NAME);
    f.history(PATIENT);

    assertThat(lines()).hasSizeGreaterThanOrEqualTo(6)
        .noneMatch(line -> line.contains(NAME) || line.contains(EMAIL) || line.contains(PATIENT.value()));
    assertThat(lines()).anyMatch(line -> line.contains("DEBUG nl.pakketten.commands - command=importCredits"
        + " practice=practice-1 key=IMP-2 outcome=InvalidInputException attempts=0"));
  }

  @Test
  void businessRefusalsAreDebugAndAGivenUpConflictIsWarn() {
    assertThatThrownBy(() -> f.schedule("APP-1", PATIENT, "session")).isInstanceOf(InsufficientCreditsException.class);
    storage.failNext(5);
    assertThatThrownBy(() -> f.pay("INV-1", PATIENT, InvoiceLine.of("P10", 1, eur("300.00"))))
        .isInstanceOf(TransactionFailedException.class);

    List<String> commands = lines().stream().filter(l -> l.contains("nl.pakketten.commands")).toList();
    assertThat(commands).hasSize(2);
    assertThat(commands.get(0)).contains("DEBUG nl.pakketten.commands - command=schedule practice=practice-1"
        + " key=APP-1 outcome=InsufficientCreditsException attempts=1");
    assertThat(commands.get(1)).contains("WARN nl.pakketten.commands - command=registerPayment practice=practice-1"
        + " key=INV-1 outcome=TransactionFailedException sqlstate=40001 attempts=5");
  }

  @Test
  void aRetryIsAWarnAndTheCommandThatThenSucceededKeepsItsDebugLine() {
    storage.failNext(1);
    f.pay("INV-1", PATIENT, InvoiceLine.of("P10", 1, eur("300.00")));

    assertThat(lines()).hasSize(2);
    assertThat(lines().get(0)).contains("WARN nl.pakketten.retries - retry command=registerPayment"
        + " practice=practice-1 key=INV-1 attempt=1/5 reason=not-stored sqlstate=40001");
    assertThat(lines().get(1)).contains("DEBUG nl.pakketten.commands - command=registerPayment practice=practice-1"
        + " key=INV-1 outcome=Granted replay=false attempts=2 ms=");
  }

  @Test
  void theMdcNamesTheCommandWhileItRunsAndTheCallersValuesComeBackAfter() {
    storage.mdcInTransactions.clear();
    MDC.put("pakketten.practice", "the host's own value");
    MDC.put("request", "r-42");

    f.pay("INV-1", PATIENT, InvoiceLine.of("P10", 1, eur("300.00")));
    f.schedule("APP-1", PATIENT, "session");
    f.balance(PATIENT, pkg);

    // A command that raised events runs a second, short transaction after its commit: the removal
    // of its published events from the outbox, under the same MDC.
    Map<String, String> pay = Map.of("pakketten.practice", "practice-1", "pakketten.command", "registerPayment",
        "pakketten.key", "INV-1", "request", "r-42");
    Map<String, String> schedule = Map.of("pakketten.practice", "practice-1", "pakketten.command", "schedule",
        "pakketten.key", "APP-1", "request", "r-42");
    assertThat(storage.mdcInTransactions).containsExactly(pay, pay, schedule, schedule,
        Map.of("pakketten.practice", "practice-1", "pakketten.command", "balance", "request", "r-42"));
    assertThat(MDC.getCopyOfContextMap())
        .isEqualTo(Map.of("pakketten.practice", "the host's own value", "request", "r-42"));
  }

  @Test
  void aFailedCommandRestoresTheMdcToo() {
    assertThatThrownBy(() -> f.schedule("APP-1", PATIENT, "session")).isInstanceOf(InsufficientCreditsException.class);

    assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
  }

  private List<String> lines() {
    return captured.toString(StandardCharsets.UTF_8).lines().toList();
  }

  /**
   * The in-memory storage, whose transactions note the MDC they run under and can fail the next
   * few attempts as a database conflict (SQLSTATE 40001) that stored nothing.
   */
  static final class FlakyStorage implements Storage {
    private final Storage storage;
    private final AtomicInteger failures = new AtomicInteger();
    final List<Map<String, String>> mdcInTransactions = Collections.synchronizedList(new ArrayList<>());

    FlakyStorage(Storage storage) {
      this.storage = storage;
    }

    void failNext(int attempts) {
      failures.set(attempts);
    }

    @Override
    public Transactions transactions() {
      return new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
          mdcInTransactions.add(new HashMap<>(Optional.ofNullable(MDC.getCopyOfContextMap()).orElse(Map.of())));
          if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new TransientException("serialization failure", "40001", false, true, null);
          }
          return storage.transactions().inTransaction(work);
        }

        @Override
        public boolean afterCommit(Runnable action) {
          return storage.transactions().afterCommit(action);
        }
      };
    }

    @Override
    public Packages packages() {
      return storage.packages();
    }

    @Override
    public Products products() {
      return storage.products();
    }

    @Override
    public AppointmentTypes appointmentTypes() {
      return storage.appointmentTypes();
    }

    @Override
    public Wallets wallets() {
      return storage.wallets();
    }

    @Override
    public Appointments appointments() {
      return storage.appointments();
    }

    @Override
    public GrantReceipts grantReceipts() {
      return storage.grantReceipts();
    }

    @Override
    public nl.pakketten.spi.Refunds refunds() {
      return storage.refunds();
    }

    @Override
    public nl.pakketten.spi.ExpiryNotices expiryNotices() {
      return storage.expiryNotices();
    }

    @Override
    public nl.pakketten.spi.PracticeProfiles practiceProfiles() {
      return storage.practiceProfiles();
    }

    @Override
    public nl.pakketten.spi.Invoices invoices() {
      return storage.invoices();
    }

    @Override
    public nl.pakketten.spi.MailTemplates mailTemplates() {
      return storage.mailTemplates();
    }

    @Override
    public nl.pakketten.spi.Outbox outbox() {
      return storage.outbox();
    }

    @Override
    public History history() {
      return storage.history();
    }

    @Override
    public Journal journal() {
      return storage.journal();
    }
  }
}
