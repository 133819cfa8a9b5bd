package nl.pakketten.jdbc;

import static nl.pakketten.testing.Fixtures.OWNER;
import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import nl.pakketten.Pakketten;
import nl.pakketten.appointments.ScheduleResult;
import nl.pakketten.catalog.CreatePackage;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.UserId;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.revenue.Bookkeeping;
import nl.pakketten.spi.ValueBuilders;
import nl.pakketten.testing.Fixtures;
import org.h2.jdbcx.JdbcDataSource;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the database cannot hold becomes the core's {@link InvalidInputException}, naming the field
 * and changing nothing; values it can hold read back exactly; an unsupported database or a missing
 * schema is refused at start-up with a message that says what to do.
 */
class BadInputTest {
  private static final Instant START = Fixtures.START.plusSeconds(7 * 24 * 3600);

  @ParameterizedTest
  @EnumSource(Database.class)
  void anAmountTooLargeToStoreIsInvalidInputAndChangesNothing(Database db) {
    Fixtures f = new Fixtures(db.emptyStorage());
    PackageId pkg = f.createPackage("Fysio", eur("40.00")).id();
    Map<String, Long> before = rowCounts(db);

    // 1,000,000 credits at 10^12 a credit: a deferred value of 10^18, more than NUMERIC(19, 4) holds.
    assertThatThrownBy(() -> f.importCredits("I-1", PATIENT, pkg, 1_000_000, eur("1000000000000.00")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("deferredValue");

    assertThat(rowCounts(db)).isEqualTo(before);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void anAccountCodeTooLongToStoreIsInvalidInputAndChangesNothing(Database db) {
    JdbcStorage storage = db.emptyStorage();
    Fixtures f = new Fixtures(storage, Pakketten.builder()
        .bookkeeping(new Bookkeeping("8000", "1700", "1300-" + "x".repeat(80), "8900")));
    PackageId pkg = f.createPackage("Fysio", eur("40.00")).id();
    f.linkProduct("FYSIO10", pkg, 10, eur("400.00"));
    Map<String, Long> before = rowCounts(db);

    assertThatThrownBy(() -> f.pay("F-1", PATIENT, InvoiceLine.of("FYSIO10", 1, eur("400.00"))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("account");

    assertThat(rowCounts(db)).isEqualTo(before);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void anAppointmentStartFinerThanMicrosecondsIsInvalidInput(Database db) {
    Fixtures f = new Fixtures(db.emptyStorage());
    f.linkType("intake", null, 1);

    assertThatThrownBy(() -> f.pakketten.schedule(Fixtures.scheduleCommand(PRACTICE, "A-1", PATIENT, "intake",
        START.plusNanos(1)))).isInstanceOf(InvalidInputException.class).hasMessageContaining("start");
    ScheduleResult first = f.pakketten.schedule(Fixtures.scheduleCommand(PRACTICE, "A-1", PATIENT, "intake",
        START.plusNanos(123_000)));
    ScheduleResult again = f.pakketten.schedule(Fixtures.scheduleCommand(PRACTICE, "A-1", PATIENT, "intake",
        START.plusNanos(123_000)));
    assertThat(again.replay()).as("the stored start equals the command's: a replay, not a conflict").isTrue();
    assertThat(again).usingRecursiveComparison().ignoringFields("replay").isEqualTo(first);
  }

  @Test
  void textTheDatabaseRefusesIsInvalidInputNotASqlError() {
    Fixtures f = new Fixtures(Database.POSTGRESQL.emptyStorage());

    // PostgreSQL cannot store the NUL character in text (SQLSTATE 22021).
    assertThatThrownBy(() -> f.createPackage("Fysio\u0000", eur("40.00")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("22021");
    assertThat(f.pakketten.packages(PRACTICE)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void moneyReadsBackExactlyAtEveryCurrencysScale(Database db) {
    JdbcStorage storage = db.emptyStorage();
    Money[] rates = {Money.ofMajor(CurrencyUnit.JPY, 1234), Money.of(CurrencyUnit.EUR, new BigDecimal("0.01")),
        Money.of(CurrencyUnit.of("BHD"), new BigDecimal("12.345")),
        Money.of(CurrencyUnit.EUR, new BigDecimal("999999999999999.99"))};
    for (int i = 0; i < rates.length; i++) {
      CreditPackage pkg = ValueBuilders.creditPackage().practice(PRACTICE).id(PackageId.of("p-" + i)).name("P " + i)
          .internalRate(rates[i]).active(true).changedAt(Instant.parse("2026-03-02T09:00:00.123456Z"))
          .changedBy(UserId.of("owner-1")).build();
      storage.packages().insert(pkg);
      assertThat(storage.packages().find(PRACTICE, pkg.id())).contains(pkg);
    }
  }

  @Test
  void anUnsupportedDatabaseIsRefusedAtStartUp() {
    DataSource h2 = Database.H2.dataSource();
    DataSource pretendingMySql = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {DataSource.class}, (p, m, args) -> {
          Object result = m.invoke(h2, args);
          if (!(result instanceof Connection c)) {
            return result;
          }
          return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
              (pc, cm, cargs) -> {
                Object r = cm.invoke(c, cargs);
                if (r instanceof DatabaseMetaData meta) {
                  return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DatabaseMetaData.class},
                      (pm, mm, margs) -> mm.getName().equals("getDatabaseProductName") ? "MySQL" : mm.invoke(meta,
                          margs));
                }
                return r;
              });
        });

    assertThatThrownBy(() -> JdbcStorage.create(pretendingMySql)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("supports PostgreSQL and H2").hasMessageContaining("MySQL");
  }

  @Test
  void aDatabaseWithoutTheTablesIsRefusedWithTheMigrationsToApply() {
    JdbcDataSource empty = new JdbcDataSource();
    empty.setURL("jdbc:h2:mem:empty-" + System.nanoTime());

    assertThatThrownBy(() -> JdbcStorage.create(empty)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("classpath:nl/pakketten/jdbc/migration/h2");
    assertThat(JdbcStorage.migrationsFor(empty)).isEqualTo(JdbcStorage.H2_MIGRATIONS);
    assertThat(JdbcStorage.migrationsFor(Database.POSTGRESQL.dataSource()))
        .isEqualTo(JdbcStorage.POSTGRESQL_MIGRATIONS);
  }

  @Test
  void theStoryRunsOnH2InPostgresqlModeToo() {
    JdbcDataSource pgMode = new JdbcDataSource();
    pgMode.setURL("jdbc:h2:mem:pgmode-" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    org.flywaydb.core.Flyway.configure().dataSource(pgMode).locations(JdbcStorage.migrationsFor(pgMode)).load()
        .migrate();
    Fixtures f = new Fixtures(JdbcStorage.create(pgMode));
    PackageId pkg = f.pakketten.createPackage(CreatePackage.builder().practice(PRACTICE).actor(OWNER)
        .packageId(PackageId.of("fysio")).name("Fysio").internalRate(eur("40.00")).build()).id();
    f.linkType("fysio", pkg, 1);
    f.linkProduct("FYSIO10", pkg, 10, eur("400.00"));
    f.pay("F-1", PATIENT, InvoiceLine.of("FYSIO10", 1, eur("400.00")));
    f.schedule("A-1", PATIENT, "fysio");

    assertThat(f.balance(PATIENT, pkg)).isEqualTo(9);
  }

  private static Map<String, Long> rowCounts(Database db) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : Database.TABLES) {
      counts.put(table, LedgerAudit.count(db.dataSource(), table));
    }
    return counts;
  }
}
