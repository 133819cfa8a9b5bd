package nl.pakketten.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;
import nl.pakketten.spi.AppointmentTypes;
import nl.pakketten.spi.Appointments;
import nl.pakketten.spi.GrantReceipts;
import nl.pakketten.spi.Reversals;
import nl.pakketten.spi.Transfers;
import nl.pakketten.spi.History;
import nl.pakketten.spi.Invoices;
import nl.pakketten.spi.Journal;
import nl.pakketten.spi.MailTemplates;
import nl.pakketten.spi.Outbox;
import nl.pakketten.spi.Packages;
import nl.pakketten.spi.PracticeProfiles;
import nl.pakketten.spi.Products;
import nl.pakketten.spi.Storage;
import nl.pakketten.spi.Transactions;
import nl.pakketten.spi.Wallets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every port of the core over a {@link DataSource}, on PostgreSQL or H2, with plain JDBC.
 *
 * <pre>{@code
 * Pakketten pakketten = Pakketten.builder()
 *     .storage(JdbcStorage.create(dataSource))
 *     .build();
 * }</pre>
 *
 * <p>The tables must exist: apply the migrations shipped in this jar under {@link
 * #POSTGRESQL_MIGRATIONS} or {@link #H2_MIGRATIONS} (Flyway naming) with the host's own tool.
 *
 * <p>Each command runs in one transaction on one connection, bound to the calling thread. By
 * default the adapter opens it; to run commands inside a transaction the host already opened,
 * configure a {@link HostTransaction} or wrap the calls in {@link #inHostTransaction}. Thread-safe.
 */
public final class JdbcStorage implements Storage {
  /** The adapter's one logger name: build-time checks at DEBUG, a failed rollback at WARN. */
  static final String LOGGER = "nl.pakketten.jdbc";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  /** Where the PostgreSQL migrations are, as a Flyway location. */
  public static final String POSTGRESQL_MIGRATIONS = "classpath:" + Dialect.POSTGRESQL.migrationFolder;
  /** Where the H2 migrations are, as a Flyway location. */
  public static final String H2_MIGRATIONS = "classpath:" + Dialect.H2.migrationFolder;

  private final Dialect dialect;
  private final Db db;
  private final Packages packages;
  private final Products products;
  private final AppointmentTypes types;
  private final Wallets wallets;
  private final Appointments appointments;
  private final GrantReceipts receipts;
  private final Reversals reversals;
  private final Transfers transfers;
  private final nl.pakketten.spi.Refunds refunds;
  private final nl.pakketten.spi.ExpiryNotices expiryNotices;
  private final History history;
  private final Journal journal;
  private final PracticeProfiles profiles;
  private final Invoices invoices;
  private final MailTemplates templates;
  private final Outbox outbox;

  private JdbcStorage(Builder b, Dialect dialect) {
    this.dialect = dialect;
    this.db = new Db(b.dataSource, dialect, b.host);
    this.packages = new JdbcCatalog.JdbcPackages(db);
    this.products = new JdbcCatalog.JdbcProducts(db, dialect);
    this.types = new JdbcCatalog.JdbcAppointmentTypes(db, dialect);
    this.wallets = new JdbcWallets(db, dialect);
    this.appointments = new JdbcAppointments(db);
    this.receipts = new JdbcGrantReceipts(db);
    this.reversals = new JdbcCreditCorrections.JdbcReversals(db);
    this.transfers = new JdbcCreditCorrections.JdbcTransfers(db);
    this.refunds = new JdbcRefunds(db);
    this.expiryNotices = new JdbcRefunds.Notices(db);
    this.history = new JdbcHistory(db);
    this.journal = new JdbcJournal(db);
    this.profiles = new JdbcInvoicing.JdbcPracticeProfiles(db);
    this.invoices = new JdbcInvoicing.JdbcInvoices(db, dialect);
    this.templates = new JdbcInvoicing.JdbcMailTemplates(db);
    this.outbox = new JdbcOutbox(db, dialect);
  }

  /**
   * A storage that runs every command in a transaction of its own; checks the database and the
   * schema, as {@link Builder#build()} does.
   *
   * @param dataSource the host's data source, of PostgreSQL or H2, with the SDK's migrations
   *     applied
   * @return the storage
   * @throws IllegalArgumentException when the database is neither PostgreSQL nor H2
   * @throws IllegalStateException when the database's settings break the SDK's guarantees or a
   *     migration is missing
   * @throws nl.pakketten.storage.StorageException when the database refuses the connection or the
   *     checks' reads
   */
  public static JdbcStorage create(DataSource dataSource) {
    return builder(dataSource).build();
  }

  /**
   * Starts configuring a storage over {@code dataSource}.
   *
   * @param dataSource the host's data source, of PostgreSQL or H2
   * @return a builder; nothing is connected until {@link Builder#build()}
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /**
   * The Flyway location of the migrations for the database {@code dataSource} connects to, for
   * example {@code classpath:nl/pakketten/jdbc/migration/postgresql}; refuses an unsupported database.
   *
   * @param dataSource the data source the migrations are for; connected to once
   * @return the location, to add to the host's Flyway locations
   * @throws IllegalArgumentException when the database is neither PostgreSQL nor H2
   * @throws nl.pakketten.storage.StorageException when the database refuses the connection
   */
  public static String migrationsFor(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return "classpath:" + Dialect.of(connection).migrationFolder;
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "read which database this is");
    }
  }

  /**
   * Runs {@code work} with every Pakketten command in it joining the transaction the host has open
   * on {@code connection} (auto-commit off). The adapter never commits, rolls back or closes that
   * connection: the host does. A command that fails is undone to a savepoint, so it leaves no trace
   * and the host's transaction stays usable.
   *
   * @param connection the host's connection, auto-commit off, with its transaction open
   * @param work the host's work, calling Pakketten commands
   * @param <T> the type of its result
   * @return what {@code work} returned
   */
  public <T> T inHostTransaction(Connection connection, Supplier<T> work) {
    return db.inHostTransaction(Objects.requireNonNull(connection, "connection"), work);
  }

  /**
   * The database this storage talks to.
   *
   * @return {@code PostgreSQL} or {@code H2}
   */
  public String database() {
    return dialect == Dialect.POSTGRESQL ? "PostgreSQL" : "H2";
  }

  @Override
  public Transactions transactions() {
    return db;
  }

  @Override
  public Packages packages() {
    return packages;
  }

  @Override
  public Products products() {
    return products;
  }

  @Override
  public AppointmentTypes appointmentTypes() {
    return types;
  }

  @Override
  public Wallets wallets() {
    return wallets;
  }

  @Override
  public Appointments appointments() {
    return appointments;
  }

  @Override
  public GrantReceipts grantReceipts() {
    return receipts;
  }

  @Override
  public Reversals reversals() {
    return reversals;
  }

  @Override
  public Transfers transfers() {
    return transfers;
  }

  @Override
  public nl.pakketten.spi.Refunds refunds() {
    return refunds;
  }

  @Override
  public nl.pakketten.spi.ExpiryNotices expiryNotices() {
    return expiryNotices;
  }

  @Override
  public History history() {
    return history;
  }

  @Override
  public Journal journal() {
    return journal;
  }

  @Override
  public PracticeProfiles practiceProfiles() {
    return profiles;
  }

  @Override
  public Invoices invoices() {
    return invoices;
  }

  @Override
  public MailTemplates mailTemplates() {
    return templates;
  }

  @Override
  public Outbox outbox() {
    return outbox;
  }

  /** Configures a {@link JdbcStorage}. */
  public static final class Builder {
    private final DataSource dataSource;
    private HostTransaction host;
    private boolean verifySchema = true;

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * How to find a transaction the host opened on the calling thread, for commands to join; none
     * by default.
     *
     * @param host the host's transaction lookup, for example the Spring Boot starter's
     * @return this builder
     */
    public Builder hostTransaction(HostTransaction host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /**
     * Whether {@link #build()} checks that every migration this release needs was applied; on by
     * default.
     *
     * @param verify false to skip the check; a missing migration then shows only when a command
     *     fails on it
     * @return this builder
     */
    public Builder verifySchema(boolean verify) {
      this.verifySchema = verify;
      return this;
    }

    /**
     * Connects once to detect the database (PostgreSQL or H2; any other is refused with an {@link
     * IllegalArgumentException}), to refuse with an {@link IllegalStateException} a database whose
     * settings break the SDK's guarantees (H2's IGNORECASE=TRUE or a collation, case-insensitive
     * columns, a nondeterministic collation on PostgreSQL, READ UNCOMMITTED on H2; the message says
     * which and why) and, unless switched off, to check that the migrations were applied.
     *
     * @return the storage
     * @throws IllegalArgumentException when the database is neither PostgreSQL nor H2
     * @throws IllegalStateException when the database's settings break the SDK's guarantees or a
     *     migration is missing
     * @throws nl.pakketten.storage.StorageException when the database refuses the connection or the
     *     checks' reads
     */
    public JdbcStorage build() {
      try (Connection connection = dataSource.getConnection()) {
        Dialect dialect = Dialect.of(connection);
        if (LOG.isDebugEnabled()) {
          // Product and driver only: a URL or user name can carry a password or a host's name.
          DatabaseMetaData meta = connection.getMetaData();
          LOG.debug("connected: {} {} through {} {}, dialect {}, host transactions {}",
              meta.getDatabaseProductName(), meta.getDatabaseProductVersion(), meta.getDriverName(),
              meta.getDriverVersion(), dialect, host == null ? "not configured" : "configured");
        }
        DatabaseSettings.refuseUnsafe(connection, dialect);
        if (verifySchema) {
          SchemaVersion.verify(connection, dialect);
          LOG.debug("schema checked: every migration this release needs is applied");
        } else {
          LOG.debug("schema check switched off");
        }
        return new JdbcStorage(this, dialect);
      } catch (SQLException e) {
        throw SqlErrors.translate(e, "connect to detect the database");
      }
    }
  }
}
