package nl.pakketten;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.pakketten.access.AccessPolicy;
import nl.pakketten.appointments.CancelAppointment;
import nl.pakketten.appointments.CancelResult;
import nl.pakketten.appointments.ChangeAppointmentType;
import nl.pakketten.appointments.LateCancellationPolicy;
import nl.pakketten.appointments.MarkNoShow;
import nl.pakketten.appointments.NoShowPolicy;
import nl.pakketten.appointments.NoShowResult;
import nl.pakketten.appointments.ScheduleAppointment;
import nl.pakketten.appointments.ScheduleResult;
import nl.pakketten.appointments.ShortfallPolicy;
import nl.pakketten.catalog.AppointmentType;
import nl.pakketten.catalog.CreatePackage;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.DeactivatePackage;
import nl.pakketten.catalog.DeletePackage;
import nl.pakketten.catalog.LedgerAccount;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.catalog.Product;
import nl.pakketten.catalog.ReactivatePackage;
import nl.pakketten.catalog.SaveAppointmentType;
import nl.pakketten.catalog.SaveProduct;
import nl.pakketten.catalog.UpdatePackage;
import nl.pakketten.common.Actor;
import nl.pakketten.common.Page;
import nl.pakketten.common.PageRequest;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.granting.ImportCredits;
import nl.pakketten.granting.ImportResult;
import nl.pakketten.granting.PaymentResult;
import nl.pakketten.granting.RegisterPayment;
import nl.pakketten.internal.CommandLog;
import nl.pakketten.internal.CommandValidator;
import nl.pakketten.internal.ObserverChain;
import nl.pakketten.internal.StorableClock;
import nl.pakketten.internal.TransactionRunner;
import nl.pakketten.internal.usecase.Catalog;
import nl.pakketten.internal.usecase.Expiry;
import nl.pakketten.internal.usecase.Granting;
import nl.pakketten.internal.usecase.RevenueReports;
import nl.pakketten.internal.usecase.Spending;
import nl.pakketten.internal.usecase.WalletQueries;
import nl.pakketten.revenue.Bookkeeping;
import nl.pakketten.revenue.JournalEntry;
import nl.pakketten.spi.CommandObserver;
import nl.pakketten.spi.EventPublisher;
import nl.pakketten.spi.Storage;
import nl.pakketten.wallet.ExpireCredits;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.Movement;
import nl.pakketten.wallet.SpendingOrder;
import nl.pakketten.wallet.Wallet;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * The SDK's entry point: build it once over a {@link Storage} and reach every use case from it.
 * Thread-safe.
 *
 * <pre>{@code
 * Pakketten pakketten = Pakketten.builder()
 *     .storage(InMemoryStorage.create())
 *     .eventPublisher(event -> log.info("{}", event))
 *     .build();
 * }</pre>
 */
public final class Pakketten {
  private final Catalog catalog;
  private final Granting granting;
  private final Spending spending;
  private final Expiry expiry;
  private final WalletQueries queries;
  private final RevenueReports reports;

  private Pakketten(Builder b) {
    Storage s = b.storage;
    TransactionRunner tx = new TransactionRunner(s.transactions(), b.publisher, b.maxAttempts,
        ObserverChain.of(new CommandLog(), b.observer));
    CommandValidator validator = new CommandValidator();
    Clock clock = StorableClock.of(b.clock);
    this.catalog = new Catalog(s.packages(), s.products(), s.appointmentTypes(), s.wallets()::lotsOf, b.access, tx,
        validator, clock);
    this.granting = new Granting(s.packages(), s.products(), s.wallets(), s.grantReceipts(), s.history(),
        s.journal(), b.bookkeeping, b.access, tx, validator, clock);
    this.spending = new Spending(s.appointmentTypes(), s.wallets(), s.appointments(), s.history(),
        s.journal(), b.bookkeeping, b.access, tx, validator, clock, b.shortfall, b.lateCancellation,
        b.noShow, b.order);
    this.expiry = new Expiry(s.wallets(), s.history(), s.journal(), b.bookkeeping, b.access, tx, validator,
        clock);
    this.queries = new WalletQueries(s.wallets(), s.history(), s.appointments(), tx, clock);
    this.reports = new RevenueReports(s.journal(), tx);
  }

  /** Starts building; only {@link Builder#storage} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Package set-up use cases. */
  public Catalog catalog() {
    return catalog;
  }

  /** Granting use cases: payments and imports. */
  public Granting granting() {
    return granting;
  }

  /** Spending use cases: schedule, cancel, mark a no-show, change type. */
  public Spending spending() {
    return spending;
  }

  /** Reads of balances, lots and history. */
  public WalletQueries queries() {
    return queries;
  }

  /** Bookkeeping reports and the journal export. */
  public RevenueReports reports() {
    return reports;
  }

  // Shortcuts to the use cases most hosts call.

  /** See {@link Catalog#createPackage}. */
  public CreditPackage createPackage(CreatePackage command) {
    return catalog.createPackage(command);
  }

  /** See {@link Catalog#updatePackage}. */
  public CreditPackage updatePackage(UpdatePackage command) {
    return catalog.updatePackage(command);
  }

  /** See {@link Catalog#deactivatePackage}. */
  public CreditPackage deactivatePackage(DeactivatePackage command) {
    return catalog.deactivatePackage(command);
  }

  /** See {@link Catalog#reactivatePackage}. */
  public CreditPackage reactivatePackage(ReactivatePackage command) {
    return catalog.reactivatePackage(command);
  }

  /** See {@link Catalog#deletePackage}. */
  public void deletePackage(DeletePackage command) {
    catalog.deletePackage(command);
  }

  /** See {@link Catalog#saveProduct}. */
  public Product saveProduct(SaveProduct command) {
    return catalog.saveProduct(command);
  }

  /** See {@link Catalog#saveAppointmentType}. */
  public AppointmentType saveAppointmentType(SaveAppointmentType command) {
    return catalog.saveAppointmentType(command);
  }

  /** See {@link Granting#registerPayment}. */
  public PaymentResult registerPayment(RegisterPayment invoice) {
    return granting.registerPayment(invoice);
  }

  /** See {@link Granting#importCredits}. */
  public ImportResult importCredits(ImportCredits command) {
    return granting.importCredits(command);
  }

  /** See {@link Spending#schedule}. */
  public ScheduleResult schedule(ScheduleAppointment command) {
    return spending.schedule(command);
  }

  /** See {@link Spending#cancel}. */
  public CancelResult cancel(CancelAppointment command) {
    return spending.cancel(command);
  }

  /** See {@link Spending#markNoShow}. */
  public NoShowResult markNoShow(MarkNoShow command) {
    return spending.markNoShow(command);
  }

  /** See {@link Spending#changeType}. */
  public ScheduleResult changeAppointmentType(ChangeAppointmentType command) {
    return spending.changeType(command);
  }

  /** See {@link Expiry#expireCredits}. */
  public int expireCredits(ExpireCredits command) {
    return expiry.expireCredits(command);
  }

  /** See {@link WalletQueries#balance}. */
  public int balance(PracticeId practice, PatientId patient, PackageId packageId) {
    return queries.balance(practice, patient, packageId);
  }

  /** See {@link WalletQueries#spendable}. */
  public int spendable(PracticeId practice, PatientId patient, PackageId packageId) {
    return queries.spendable(practice, patient, packageId);
  }

  /** See {@link WalletQueries#wallets}. */
  public List<Wallet> wallets(PracticeId practice, PatientId patient) {
    return queries.wallets(practice, patient);
  }

  /** See {@link WalletQueries#lots}. */
  public List<Lot> lots(PracticeId practice, PatientId patient) {
    return queries.lots(practice, patient);
  }

  /** See {@link WalletQueries#history}: one page of the patient's history. */
  public Page<Movement> history(PracticeId practice, PatientId patient, PageRequest request) {
    return queries.history(practice, patient, request);
  }

  /** See {@link RevenueReports#journal}: one page of the journal. */
  public Page<JournalEntry> journal(PracticeId practice, Instant from, Instant to, PageRequest request) {
    return reports.journal(practice, from, to, request);
  }

  /** See {@link RevenueReports#revenueByLedgerAccount}. */
  public Map<LedgerAccount, Money> revenueByLedgerAccount(PracticeId practice, Instant from, Instant to) {
    return reports.revenueByLedgerAccount(practice, from, to);
  }

  /** See {@link Catalog#findPackage}. */
  public Optional<CreditPackage> findPackage(PracticeId practice, PackageId id) {
    return catalog.findPackage(practice, id);
  }

  /** Configures a {@link Pakketten}. */
  public static final class Builder {
    private Storage storage;
    private Clock clock = Clock.systemDefaultZone();
    private EventPublisher publisher = EventPublisher.none();
    private AccessPolicy access = AccessPolicy.ownerManagesPackages();
    private ShortfallPolicy shortfall = ShortfallPolicy.REJECT;
    private LateCancellationPolicy lateCancellation = LateCancellationPolicy.none();
    private NoShowPolicy noShow = NoShowPolicy.keepCredits();
    private SpendingOrder order = SpendingOrder.earliestExpiryThenOldest();
    private Bookkeeping bookkeeping = Bookkeeping.defaults();
    private int maxAttempts = 5;
    private @Nullable CommandObserver observer;

    private Builder() {}

    /** Where the data lives (required). */
    public Builder storage(Storage storage) {
      this.storage = Objects.requireNonNull(storage, "storage");
      return this;
    }

    /** The clock for timestamps and expiry dates (its zone decides "today"); the system clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Receives every domain event after its change is stored; none by default. */
    public Builder eventPublisher(EventPublisher publisher) {
      this.publisher = Objects.requireNonNull(publisher, "publisher");
      return this;
    }

    /** Who may do what; {@link AccessPolicy#ownerManagesPackages()} by default. */
    public Builder accessPolicy(AccessPolicy access) {
      this.access = Objects.requireNonNull(access, "access");
      return this;
    }

    /**
     * What happens when a patient has too few credits; {@link ShortfallPolicy#REJECT} by default,
     * {@link ShortfallPolicy#ALLOW_UNCOVERED} or the host's own policy otherwise.
     */
    public Builder shortfallPolicy(ShortfallPolicy shortfall) {
      this.shortfall = Objects.requireNonNull(shortfall, "shortfall");
      return this;
    }

    /**
     * Whether a cancellation keeps the credits; {@link LateCancellationPolicy#none()} (always give
     * back) by default, {@link LateCancellationPolicy#keepCreditsWithin} or the host's own policy otherwise.
     */
    public Builder lateCancellationPolicy(LateCancellationPolicy policy) {
      this.lateCancellation = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Whether a no-show keeps the credits; {@link NoShowPolicy#keepCredits()} by default, {@link
     * NoShowPolicy#giveCreditsBack()} or the host's own policy otherwise.
     */
    public Builder noShowPolicy(NoShowPolicy policy) {
      this.noShow = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The order lots are spent in; earliest expiry, then oldest, by default. */
    public Builder spendingOrder(SpendingOrder order) {
      this.order = Objects.requireNonNull(order, "order");
      return this;
    }

    /** The practice-wide default account codes. */
    public Builder bookkeeping(Bookkeeping bookkeeping) {
      this.bookkeeping = Objects.requireNonNull(bookkeeping, "bookkeeping");
      return this;
    }

    /**
     * Told of every command and read that ends, and of every retry (metrics, tracing); none by
     * default. The SDK's DEBUG log line on {@code nl.pakketten.commands} is written either way.
     */
    public Builder commandObserver(CommandObserver observer) {
      this.observer = Objects.requireNonNull(observer, "observer");
      return this;
    }

    /** How often a command is tried on transient database conflicts; 5 by default. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    public Pakketten build() {
      if (storage == null) {
        throw new IllegalStateException("Pakketten needs a storage: InMemoryStorage.create() or JdbcStorage");
      }
      return new Pakketten(this);
    }
  }
}
