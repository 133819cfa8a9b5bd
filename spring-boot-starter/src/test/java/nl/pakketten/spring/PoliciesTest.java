package nl.pakketten.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import nl.pakketten.Pakketten;
import nl.pakketten.access.AccessPolicy;
import nl.pakketten.appointments.CancelResult;
import nl.pakketten.appointments.InsufficientCreditsException;
import nl.pakketten.appointments.NoShowResult;
import nl.pakketten.appointments.ScheduleResult;
import nl.pakketten.appointments.ShortfallPolicy;
import nl.pakketten.common.DomainEvent;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.PageRequest;
import nl.pakketten.outbox.OutboxMessage;
import nl.pakketten.outbox.OutboxSettings;
import nl.pakketten.outbox.OutboxState;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/** The {@code pakketten.*} properties reach the policies; the host's policy beans win over them. */
class PoliciesTest {
  @Test
  void propertiesBindToThePolicies() throws SQLException {
    String url = EmbeddedDatabases.newDatabase();
    try (ConfigurableApplicationContext context = StartupTest.start(StartupTest.Host.class, url,
        "pakketten.shortfall=allow-uncovered",
        "pakketten.late-cancellation-window=24h",
        "pakketten.no-show=give-credits-back",
        "pakketten.max-attempts=2",
        "pakketten.time-zone=Europe/Amsterdam",
        "pakketten.bookkeeping.default-ledger-account=8100",
        "pakketten.bookkeeping.default-balance-sheet-item=1750")) {
      PakkettenProperties properties = context.getBean(PakkettenProperties.class);
      assertThat(properties.getMaxAttempts()).isEqualTo(2);
      assertThat(properties.getLateCancellationWindow()).isEqualTo(Duration.ofHours(24));
      assertThat(properties.getTimeZone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
      Pakketten pakketten = context.getBean(Pakketten.class);
      Story.setUp(pakketten);

      // allow-uncovered: no credits yet, the appointment is recorded as not covered.
      assertThat(Story.schedule(pakketten, "A-0", in(Duration.ofDays(3))))
          .isInstanceOf(ScheduleResult.Uncovered.class);

      Story.sell(pakketten, "INV-1");
      // 24h window: cancelled an hour before the start, the credit is kept.
      Story.schedule(pakketten, "A-1", in(Duration.ofHours(1)));
      assertThat(Story.cancel(pakketten, "A-1")).isInstanceOf(CancelResult.Forfeited.class);
      // give-credits-back: a no-show's credit returns.
      Story.schedule(pakketten, "A-2", in(Duration.ofHours(2)));
      assertThat(Story.noShow(pakketten, "A-2")).isInstanceOf(NoShowResult.GivenBack.class);
      assertThat(Story.balance(pakketten)).isEqualTo(9);
    }
    // The package names no accounts: the properties' account codes are booked.
    assertThat(accounts(url)).contains("8100", "1750").doesNotContain("8000", "1700");
  }

  @Test
  void theHostsPolicyAndClockBeansWinOverTheProperties() throws SQLException {
    String url = EmbeddedDatabases.newDatabase();
    try (ConfigurableApplicationContext context = StartupTest.start(HostWithPolicies.class, url,
        "pakketten.shortfall=allow-uncovered")) {
      Pakketten pakketten = context.getBean(Pakketten.class);
      // Its access policy lets the front desk set up packages (the default allows only owners).
      Story.setUpBy(pakketten, Story.DESK);
      // Its shortfall bean (REJECT) wins over the property (allow-uncovered).
      assertThatThrownBy(() -> Story.schedule(pakketten, "A-0", HostWithPolicies.NOW.plus(Duration.ofDays(1))))
          .isInstanceOf(InsufficientCreditsException.class);
      Story.sell(pakketten, "INV-1");
    }
    // Its clock stamped the movement.
    try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT at FROM pakketten_movements")) {
      rs.next();
      assertThat(rs.getObject(1, java.time.OffsetDateTime.class).toInstant()).isEqualTo(HostWithPolicies.NOW);
    }
  }

  @Test
  void theOutboxPropertiesSetTheRetries() {
    String url = EmbeddedDatabases.newDatabase();
    try (ConfigurableApplicationContext context = StartupTest.start(HostWithAFailingListener.class, url,
        "pakketten.outbox.dispatcher-enabled=false",
        "pakketten.outbox.max-attempts=3",
        "pakketten.outbox.first-backoff=7m",
        "pakketten.outbox.max-backoff=20m",
        "pakketten.outbox.lease=2m",
        "pakketten.outbox.event-grace=5s",
        "pakketten.outbox.batch-size=10")) {
      assertThat(context.getBean(PakkettenProperties.class).getOutbox().settings()).isEqualTo(new OutboxSettings(
          3, Duration.ofMinutes(7), Duration.ofMinutes(20), Duration.ofMinutes(2), Duration.ofSeconds(5), 10));
      Pakketten pakketten = context.getBean(Pakketten.class);
      Story.setUp(pakketten);
      Story.sell(pakketten, "INV-1");

      // Every event's publishing failed on the calling thread (not a dispatcher's attempt): each waits the
      // first backoff, 7 minutes, before a dispatcher may try it.
      List<OutboxMessage> queued =
          pakketten.outboxMessages(Story.PRACTICE, OutboxState.QUEUED, PageRequest.first(100)).items();
      assertThat(queued).isNotEmpty().allSatisfy(message -> {
        assertThat(message.attempts()).isZero();
        assertThat(message.lastError()).hasValueSatisfying(error -> assertThat(error).contains("the listener is down"));
        assertThat(message.nextAttemptAt()).isEqualTo(HostWithAFailingListener.NOW.plus(Duration.ofMinutes(7)));
      });
    }
  }

  @Test
  void anOutboxPropertyOutOfRangeStopsTheStartUpNamingIt() {
    String url = EmbeddedDatabases.newDatabase();
    assertThatThrownBy(() -> StartupTest.start(StartupTest.Host.class, url, "pakketten.outbox.batch-size=0").close())
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .rootCause().hasMessageContaining("batchSize");
  }

  /** {@code from} now, to the second (the SDK takes instants to the microsecond). */
  private static Instant in(Duration from) {
    return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plus(from);
  }

  private static List<String> accounts(String url) throws SQLException {
    List<String> accounts = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT DISTINCT account FROM pakketten_journal_lines")) {
      while (rs.next()) {
        accounts.add(rs.getString(1));
      }
    }
    return accounts;
  }

  /** A host with policy beans of its own. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class HostWithPolicies {
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    @Bean
    Clock clock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Bean
    ShortfallPolicy shortfallPolicy() {
      return ShortfallPolicy.REJECT;
    }

    @Bean
    AccessPolicy accessPolicy() {
      return (actor, action) -> true;
    }
  }

  /** A host whose event listener always fails, so every event stays in the outbox with a backoff. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class HostWithAFailingListener {
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    @Bean
    Clock clock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Bean
    FailingListener failingListener() {
      return new FailingListener();
    }
  }

  /** Throws for every event it hears. */
  static class FailingListener {
    @EventListener
    public void on(DomainEvent event) {
      throw new IllegalStateException("the listener is down");
    }
  }
}
