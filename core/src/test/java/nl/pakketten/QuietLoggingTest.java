package nl.pakketten;

import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.PatientId;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.inmemory.InMemoryStorage;
import nl.pakketten.storage.TransactionFailedException;
import nl.pakketten.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees at slf4j-simple's default level, INFO (this suite's JVM): nothing for
 * commands that answer, and the WARN lines of retries and given-up commands, untimed because
 * DEBUG is off. {@link LoggingTest} covers DEBUG.
 */
class QuietLoggingTest {
  private static final PatientId PATIENT = PatientId.of("patient-7");

  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private PrintStream standardError;
  private LoggingTest.FlakyStorage storage;
  private Fixtures f;

  @BeforeEach
  void setUp() {
    storage = new LoggingTest.FlakyStorage(InMemoryStorage.create());
    f = new Fixtures(storage);
    PackageId pkg = f.createPackage("Fysio 10", eur("30.00")).id();
    f.linkProduct("P10", pkg, 10, eur("300.00"));
    f.linkType("session", pkg, 1);
    standardError = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(standardError);
  }

  @Test
  void commandsThatAnswerWriteNothingAtInfo() {
    f.pay("INV-1", PATIENT, InvoiceLine.of("P10", 1, eur("300.00")));
    f.schedule("APP-1", PATIENT, "session");

    assertThat(lines()).isEmpty();
  }

  @Test
  void retriesAndAGivenUpCommandAreWarnWithoutATime() {
    storage.failNext(5);
    assertThatThrownBy(() -> f.pay("INV-1", PATIENT, InvoiceLine.of("P10", 1, eur("300.00"))))
        .isInstanceOf(TransactionFailedException.class);

    assertThat(lines()).hasSize(5);
    assertThat(lines().subList(0, 4)).allMatch(line -> line.contains("WARN nl.pakketten.retries - retry"
        + " command=registerPayment practice=practice-1 key=INV-1 attempt="));
    assertThat(lines().get(4)).endsWith("WARN nl.pakketten.commands - command=registerPayment practice=practice-1"
        + " key=INV-1 outcome=TransactionFailedException sqlstate=40001 attempts=5 ms=-");
  }

  private List<String> lines() {
    return captured.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
