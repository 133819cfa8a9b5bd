package nl.pakketten.jdbc;

import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The adapter's log with {@code nl.pakketten} at DEBUG, through slf4j-simple writing to a captured
 * standard error (on H2): what it found when built, nothing per statement, and a database
 * conflict's SQLSTATE in the retry's WARN. Runs in its own surefire execution; elsewhere skipped.
 */
@EnabledIfSystemProperty(named = "org.slf4j.simpleLogger.log.nl.pakketten", matches = "debug")
class JdbcLoggingTest {
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private PrintStream standardError;

  @BeforeEach
  void capture() {
    Database.H2.clean();
    standardError = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(standardError);
  }

  @Test
  void buildingTheStorageSaysWhatItFoundAndChecked() {
    JdbcStorage.create(Database.H2.dataSource());

    assertThat(lines()).hasSize(3);
    assertThat(lines().get(0)).contains("DEBUG nl.pakketten.jdbc - connected: H2 ").contains("dialect H2");
    assertThat(lines().get(1)).contains("DEBUG nl.pakketten.jdbc - settings checked: none breaks a guarantee");
    assertThat(lines().get(2)).contains("DEBUG nl.pakketten.jdbc - schema checked: every migration this release needs is applied");
  }

  @Test
  void aCommandOnTheDatabaseIsOneLineNotOnePerStatement() {
    Fixtures f = new Fixtures(JdbcStorage.create(Database.H2.dataSource()));
    PackageId pkg = f.createPackage("Fysio", eur("40.00")).id();
    f.linkProduct("FYSIO10", pkg, 10, eur("400.00"));
    f.linkType("fysio", pkg, 1);
    captured.reset();

    f.pay("INV-1", PATIENT, InvoiceLine.of("FYSIO10", 1, eur("400.00")));
    f.schedule("APP-1", PATIENT, "fysio");

    assertThat(lines()).hasSize(2);
    assertThat(lines().get(0)).contains("DEBUG nl.pakketten.commands - command=registerPayment"
        + " practice=practice-1 key=INV-1 outcome=Granted replay=false attempts=1 ms=");
    assertThat(lines().get(1)).contains("DEBUG nl.pakketten.commands - command=schedule"
        + " practice=practice-1 key=APP-1 outcome=Covered replay=false attempts=1 ms=");
  }

  @Test
  void aSerializationFailureIsRetriedWithAWarnNamingItsSqlstate() {
    FaultyDataSource faulty = new FaultyDataSource(Database.H2.dataSource());
    Fixtures f = new Fixtures(JdbcStorage.create(faulty));
    PackageId pkg = f.createPackage("Fysio", eur("40.00")).id();
    f.linkProduct("FYSIO10", pkg, 10, eur("400.00"));
    captured.reset();

    faulty.failAt(1, "40001");
    f.pay("INV-1", PATIENT, InvoiceLine.of("FYSIO10", 1, eur("400.00")));

    assertThat(lines()).hasSize(2);
    assertThat(lines().get(0)).contains("WARN nl.pakketten.retries - retry command=registerPayment"
        + " practice=practice-1 key=INV-1 attempt=1/5 reason=not-stored sqlstate=40001");
    assertThat(lines().get(1)).contains("DEBUG nl.pakketten.commands - command=registerPayment"
        + " practice=practice-1 key=INV-1 outcome=Granted replay=false attempts=2 ms=");
  }

  private List<String> lines() {
    return captured.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
