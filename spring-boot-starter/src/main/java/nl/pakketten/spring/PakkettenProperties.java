package nl.pakketten.spring;

import java.time.Duration;
import java.time.ZoneId;
import nl.pakketten.appointments.LateCancellationPolicy;
import nl.pakketten.appointments.NoShowPolicy;
import nl.pakketten.appointments.ShortfallPolicy;
import nl.pakketten.outbox.OutboxSettings;
import nl.pakketten.revenue.Bookkeeping;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code pakketten.*} settings of the auto-configured {@link nl.pakketten.Pakketten}: the
 * built-in policies and the SDK's migrations. A bean of a policy's type ({@code ShortfallPolicy},
 * {@code LateCancellationPolicy}, {@code NoShowPolicy}, {@code Bookkeeping}, {@code Clock}) wins over
 * its property. The defaults are the SDK's.
 */
@ConfigurationProperties("pakketten")
public class PakkettenProperties {
  /** How often a command outside a Spring transaction is tried on transient database conflicts (at least 1). */
  private int maxAttempts = 5;
  /** What scheduling does when the patient has too few credits. */
  private Shortfall shortfall = Shortfall.REJECT;
  /** A cancellation this close to the start, or later, keeps the credits; zero gives every cancellation's credits back. */
  private Duration lateCancellationWindow = Duration.ZERO;
  /** What marking a no-show does with the credits. */
  private NoShow noShow = NoShow.KEEP_CREDITS;
  /** The practice's time zone, which decides "today" for expiry; the JVM's zone when not set. Not used with a Clock bean. */
  private @Nullable ZoneId timeZone;
  private final Accounts bookkeeping = new Accounts();
  private final Migrations flyway = new Migrations();
  private final Metrics metrics = new Metrics();
  private final Outbox outbox = new Outbox();

  /** The built-in shortfall policies. */
  public enum Shortfall {
    /** {@link ShortfallPolicy#REJECT}: too few credits is an {@code InsufficientCreditsException}. */
    REJECT,
    /** {@link ShortfallPolicy#ALLOW_UNCOVERED}: the appointment is recorded as not covered. */
    ALLOW_UNCOVERED;

    ShortfallPolicy policy() {
      return this == REJECT ? ShortfallPolicy.REJECT : ShortfallPolicy.ALLOW_UNCOVERED;
    }
  }

  /** The built-in no-show policies. */
  public enum NoShow {
    /** {@link NoShowPolicy#keepCredits()}: a no-show's credits are forfeited. */
    KEEP_CREDITS,
    /** {@link NoShowPolicy#giveCreditsBack()}: a no-show's credits go back to the patient. */
    GIVE_CREDITS_BACK;

    NoShowPolicy policy() {
      return this == KEEP_CREDITS ? NoShowPolicy.keepCredits() : NoShowPolicy.giveCreditsBack();
    }
  }

  /**
   * How often a command outside a Spring transaction is tried on transient database conflicts.
   *
   * @return the number of attempts, at least 1; 5 by default
   */
  public int getMaxAttempts() {
    return maxAttempts;
  }

  /**
   * Sets {@link #getMaxAttempts()}.
   *
   * @param maxAttempts the number of attempts, at least 1 (1: never retried)
   */
  public void setMaxAttempts(int maxAttempts) {
    this.maxAttempts = maxAttempts;
  }

  /**
   * What scheduling does when the patient has too few credits.
   *
   * @return the built-in shortfall policy; {@code reject} by default
   */
  public Shortfall getShortfall() {
    return shortfall;
  }

  /**
   * Sets {@link #getShortfall()}.
   *
   * @param shortfall {@code reject} or {@code allow-uncovered}
   */
  public void setShortfall(Shortfall shortfall) {
    this.shortfall = shortfall;
  }

  /**
   * A cancellation this close to the start (or later) keeps the credits; zero (the default) gives
   * every cancellation's credits back.
   *
   * @return the window before the start; zero by default
   */
  public Duration getLateCancellationWindow() {
    return lateCancellationWindow;
  }

  /**
   * Sets {@link #getLateCancellationWindow()}.
   *
   * @param lateCancellationWindow the window before the start, for example {@code 24h}; zero for
   *     none
   */
  public void setLateCancellationWindow(Duration lateCancellationWindow) {
    this.lateCancellationWindow = lateCancellationWindow;
  }

  /**
   * What marking a no-show does with the credits.
   *
   * @return the built-in no-show policy; {@code keep-credits} by default
   */
  public NoShow getNoShow() {
    return noShow;
  }

  /**
   * Sets {@link #getNoShow()}.
   *
   * @param noShow {@code keep-credits} or {@code give-credits-back}
   */
  public void setNoShow(NoShow noShow) {
    this.noShow = noShow;
  }

  /**
   * The practice's time zone, which decides "today" for expiry ({@code Europe/Amsterdam}); the
   * JVM's default zone when not set. Ignored when the application has a {@code Clock} bean.
   *
   * @return the zone; {@code null} when not set
   */
  public @Nullable ZoneId getTimeZone() {
    return timeZone;
  }

  /**
   * Sets {@link #getTimeZone()}.
   *
   * @param timeZone the practice's zone, for example {@code Europe/Amsterdam}; {@code null} for
   *     the JVM's
   */
  public void setTimeZone(@Nullable ZoneId timeZone) {
    this.timeZone = timeZone;
  }

  /** {@return the practice-wide default account codes, under {@code pakketten.bookkeeping.*}} */
  public Accounts getBookkeeping() {
    return bookkeeping;
  }

  /** {@return how the starter applies the SDK's migrations, under {@code pakketten.flyway.*}} */
  public Migrations getFlyway() {
    return flyway;
  }

  /** {@return whether the starter records metrics, under {@code pakketten.metrics.*}} */
  public Metrics getMetrics() {
    return metrics;
  }

  /** {@return how the starter runs the outbox dispatcher, under {@code pakketten.outbox.*}} */
  public Outbox getOutbox() {
    return outbox;
  }

  LateCancellationPolicy lateCancellationPolicy() {
    return lateCancellationWindow.isZero() ? LateCancellationPolicy.none()
        : LateCancellationPolicy.keepCreditsWithin(lateCancellationWindow);
  }

  /** The account codes of {@link Bookkeeping}, with its defaults. */
  public static class Accounts {
    private static final Bookkeeping DEFAULTS = Bookkeeping.defaults();
    /** The revenue account where a package names none; 8000 by default. */
    private String defaultLedgerAccount = DEFAULTS.defaultLedgerAccount();
    /** The deferred-revenue account where a package names none; 1700 by default. */
    private String defaultBalanceSheetItem = DEFAULTS.defaultBalanceSheetItem();
    /** The account a paid invoice is booked against; 1300 by default. */
    private String paymentsClearing = DEFAULTS.paymentsClearing();
    /** The account imported credits are booked against; 8900 by default. */
    private String importsOffset = DEFAULTS.importsOffset();
    /** The account of what patients owe after a reversed payment; 1310 by default. */
    private String receivables = DEFAULTS.receivables();
    /** The account refunded credits are credited to until paid back; 1620 by default. */
    private String refundsPayable = DEFAULTS.refundsPayable();

    /**
     * The revenue account where a package names none.
     *
     * @return the account code; {@code 8000} by default
     */
    public String getDefaultLedgerAccount() {
      return defaultLedgerAccount;
    }

    /**
     * Sets {@link #getDefaultLedgerAccount()}.
     *
     * @param defaultLedgerAccount the account code in the host's chart of accounts
     */
    public void setDefaultLedgerAccount(String defaultLedgerAccount) {
      this.defaultLedgerAccount = defaultLedgerAccount;
    }

    /**
     * The deferred-revenue account where a package names none.
     *
     * @return the account code; {@code 1700} by default
     */
    public String getDefaultBalanceSheetItem() {
      return defaultBalanceSheetItem;
    }

    /**
     * Sets {@link #getDefaultBalanceSheetItem()}.
     *
     * @param defaultBalanceSheetItem the account code in the host's chart of accounts
     */
    public void setDefaultBalanceSheetItem(String defaultBalanceSheetItem) {
      this.defaultBalanceSheetItem = defaultBalanceSheetItem;
    }

    /**
     * The account a paid invoice is booked against.
     *
     * @return the account code; {@code 1300} by default
     */
    public String getPaymentsClearing() {
      return paymentsClearing;
    }

    /**
     * Sets {@link #getPaymentsClearing()}.
     *
     * @param paymentsClearing the account code in the host's chart of accounts
     */
    public void setPaymentsClearing(String paymentsClearing) {
      this.paymentsClearing = paymentsClearing;
    }

    /**
     * The account imported credits are booked against.
     *
     * @return the account code; {@code 8900} by default
     */
    public String getImportsOffset() {
      return importsOffset;
    }

    /**
     * Sets {@link #getImportsOffset()}.
     *
     * @param importsOffset the account code in the host's chart of accounts
     */
    public void setImportsOffset(String importsOffset) {
      this.importsOffset = importsOffset;
    }

    /**
     * The account of what patients owe: the value of credits spent before their payment was reversed.
     *
     * @return the account code; {@code 1310} by default
     */
    public String getReceivables() {
      return receivables;
    }

    /**
     * Sets {@link #getReceivables()}.
     *
     * @param receivables the account code in the host's chart of accounts
     */
    public void setReceivables(String receivables) {
      this.receivables = receivables;
    }

    /**
     * The account refunded credits are credited to until the practice pays them back.
     *
     * @return the account code; {@code 1620} by default
     */
    public String getRefundsPayable() {
      return refundsPayable;
    }

    /**
     * Sets {@link #getRefundsPayable()}.
     *
     * @param refundsPayable the account code in the host's chart of accounts
     */
    public void setRefundsPayable(String refundsPayable) {
      this.refundsPayable = refundsPayable;
    }

    Bookkeeping bookkeeping() {
      return new Bookkeeping(defaultLedgerAccount, defaultBalanceSheetItem, paymentsClearing, importsOffset,
          receivables, refundsPayable);
    }
  }

  /** Whether and where the starter applies the SDK's migrations with Flyway. */
  public static class Migrations {
    /** Whether the starter applies the SDK's migrations (when Flyway is on the class path). */
    private boolean enabled = true;
    /** The SDK's own Flyway history table, apart from the application's. */
    private String table = "pakketten_schema_history";

    /**
     * Whether the starter applies the SDK's migrations (when Flyway is on the class path); true by
     * default. Switch it off when a DBA or Liquibase applies them.
     *
     * @return true when the starter applies them
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets {@link #isEnabled()}.
     *
     * @param enabled false when the SDK's migrations are applied another way
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /**
     * The SDK's own Flyway history table, apart from the application's.
     *
     * @return the table name; {@code pakketten_schema_history} by default
     */
    public String getTable() {
      return table;
    }

    /**
     * Sets {@link #getTable()}.
     *
     * @param table the table name, not the application's own history table
     */
    public void setTable(String table) {
      this.table = table;
    }
  }

  /** Whether the starter records Micrometer metrics (when there is a {@code MeterRegistry} bean). */
  public static class Metrics {
    /** Whether the starter records Micrometer metrics of the SDK's commands (when there is a MeterRegistry bean). */
    private boolean enabled = true;

    /** {@return whether the metrics are recorded; true by default} */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets {@link #isEnabled()}.
     *
     * @param enabled false to record no metrics
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  /** The outbox dispatcher the starter runs while the application context is running. */
  public static class Outbox {
    private static final OutboxSettings DEFAULTS = OutboxSettings.defaults();

    /** Whether the starter runs a dispatcher that sends queued mail and publishes left-over events. */
    private boolean dispatcherEnabled = true;
    /** The pause between two rounds of the dispatcher; 10 seconds by default. */
    private Duration dispatcherInterval = Duration.ofSeconds(10);
    /** Delivery attempts before a message is failed; 8 by default. */
    private int maxAttempts = DEFAULTS.maxAttempts();
    /** The wait after the first failed attempt, doubled after each further one; 30 seconds by default. */
    private Duration firstBackoff = DEFAULTS.firstBackoff();
    /** The longest wait between two attempts; 1 hour by default. */
    private Duration maxBackoff = DEFAULTS.maxBackoff();
    /** How long a claimed message is left to the dispatcher that claimed it; 5 minutes by default. */
    private Duration lease = DEFAULTS.lease();
    /** How long an event is left to the calling thread before a dispatcher may publish it; 30 seconds by default. */
    private Duration eventGrace = DEFAULTS.eventGrace();
    /** How many messages a dispatcher claims at once; 50 by default. */
    private int batchSize = DEFAULTS.batchSize();

    /**
     * The retry, lease and batch settings these properties give.
     *
     * @return the settings
     * @throws nl.pakketten.common.InvalidInputException naming the setting out of range
     */
    public OutboxSettings settings() {
      return new OutboxSettings(maxAttempts, firstBackoff, maxBackoff, lease, eventGrace, batchSize);
    }

    /** {@return delivery attempts before a message is failed} */
    public int getMaxAttempts() {
      return maxAttempts;
    }

    /**
     * Sets {@link #getMaxAttempts()}.
     *
     * @param maxAttempts 1 to 100
     */
    public void setMaxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    /** {@return the wait after the first failed attempt} */
    public Duration getFirstBackoff() {
      return firstBackoff;
    }

    /**
     * Sets {@link #getFirstBackoff()}.
     *
     * @param firstBackoff positive
     */
    public void setFirstBackoff(Duration firstBackoff) {
      this.firstBackoff = firstBackoff;
    }

    /** {@return the longest wait between two attempts} */
    public Duration getMaxBackoff() {
      return maxBackoff;
    }

    /**
     * Sets {@link #getMaxBackoff()}.
     *
     * @param maxBackoff not shorter than the first backoff
     */
    public void setMaxBackoff(Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
    }

    /** {@return how long a claimed message is left to its dispatcher} */
    public Duration getLease() {
      return lease;
    }

    /**
     * Sets {@link #getLease()}.
     *
     * @param lease positive; longer than the slowest delivery
     */
    public void setLease(Duration lease) {
      this.lease = lease;
    }

    /** {@return how long an event is left to the calling thread} */
    public Duration getEventGrace() {
      return eventGrace;
    }

    /**
     * Sets {@link #getEventGrace()}.
     *
     * @param eventGrace positive
     */
    public void setEventGrace(Duration eventGrace) {
      this.eventGrace = eventGrace;
    }

    /** {@return how many messages a dispatcher claims at once} */
    public int getBatchSize() {
      return batchSize;
    }

    /**
     * Sets {@link #getBatchSize()}.
     *
     * @param batchSize 1 to 1000
     */
    public void setBatchSize(int batchSize) {
      this.batchSize = batchSize;
    }

    /** {@return whether the dispatcher runs; true by default} */
    public boolean isDispatcherEnabled() {
      return dispatcherEnabled;
    }

    /**
     * Sets {@link #isDispatcherEnabled()}.
     *
     * @param dispatcherEnabled false when the application calls {@code dispatchOutbox()} itself
     */
    public void setDispatcherEnabled(boolean dispatcherEnabled) {
      this.dispatcherEnabled = dispatcherEnabled;
    }

    /** {@return the pause between rounds} */
    public Duration getDispatcherInterval() {
      return dispatcherInterval;
    }

    /**
     * Sets {@link #getDispatcherInterval()}.
     *
     * @param dispatcherInterval the pause between rounds, at least 10 milliseconds
     */
    public void setDispatcherInterval(Duration dispatcherInterval) {
      this.dispatcherInterval = dispatcherInterval;
    }
  }
}
