package nl.pakketten.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import nl.pakketten.Pakketten;
import nl.pakketten.appointments.InsufficientCreditsException;
import nl.pakketten.common.DomainEvent;
import nl.pakketten.granting.PaymentResult;
import nl.pakketten.wallet.CreditEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SDK's commands inside the application's {@code @Transactional} methods, next to a row the
 * application writes with {@code JdbcTemplate}: one commit for both, one rollback for both, and the
 * SDK's events reach a plain {@code @EventListener} only after the commit, never for a rollback.
 */
@SpringBootTest(classes = TransactionsAndEventsTest.Host.class, properties = "spring.flyway.locations=classpath:db/host")
class TransactionsAndEventsTest {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    String url = EmbeddedDatabases.newDatabase();
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @Autowired Pakketten pakketten;
  @Autowired Sales sales;
  @Autowired Listener listener;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    if (pakketten.findPackage(Story.PRACTICE, Story.CARD).isEmpty()) {
      Story.setUp(pakketten);
    }
    listener.received.clear();
    listener.throwOnFirst = false;
  }

  @Test
  void theHostsRowAndTheCreditsCommitTogether() throws SQLException {
    sales.sell("INV-COMMIT", false);

    assertThat(count("SELECT count(*) FROM host_orders WHERE invoice_id = 'INV-COMMIT'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM pakketten_grant_receipts WHERE receipt_key = 'INV-COMMIT'")).isEqualTo(1);
    assertThat(sales.eventsSeenInsideTheTransaction).isZero();
  }

  @Test
  void aRollbackUndoesTheHostsRowAndTheCredits() throws SQLException {
    int before = Story.balance(pakketten);

    assertThatThrownBy(() -> sales.sell("INV-ROLLBACK", true)).isInstanceOf(IllegalStateException.class);

    assertThat(count("SELECT count(*) FROM host_orders WHERE invoice_id = 'INV-ROLLBACK'")).isZero();
    assertThat(count("SELECT count(*) FROM pakketten_grant_receipts WHERE receipt_key = 'INV-ROLLBACK'")).isZero();
    assertThat(Story.balance(pakketten)).isEqualTo(before);
  }

  @Test
  void eventsReachListenersOnlyAfterTheCommit() {
    listener.watched = "INV-EVENTS";
    sales.sell("INV-EVENTS", false);

    // Nothing while the transaction was open; after the commit the grant, already visible on
    // another connection when the listener ran.
    assertThat(sales.eventsSeenInsideTheTransaction).isZero();
    assertThat(listener.received).hasSize(1);
    assertThat(listener.received.get(0).event()).isInstanceOf(CreditEvents.CreditsGranted.class);
    assertThat(listener.received.get(0).committedReceipts()).isEqualTo(1);
  }

  @Test
  void aRolledBackTransactionPublishesNothing() {
    assertThatThrownBy(() -> sales.sell("INV-NO-EVENTS", true)).isInstanceOf(IllegalStateException.class);

    assertThat(listener.received).isEmpty();
  }

  @Test
  void outsideATransactionTheSdksOwnCommitPublishesAtOnce() throws SQLException {
    listener.watched = "INV-OWN";
    PaymentResult result = Story.sell(pakketten, "INV-OWN");

    assertThat(result).isInstanceOf(PaymentResult.Granted.class);
    assertThat(listener.received).hasSize(1);
    assertThat(listener.received.get(0).committedReceipts()).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM pakketten_grant_receipts WHERE receipt_key = 'INV-OWN'")).isEqualTo(1);
  }

  @Test
  void aListenerThatThrowsAfterTheCommitNeitherReachesTheCallerNorStopsTheOtherEvents() throws SQLException {
    listener.watched = "INV-THROWS";
    listener.throwOnFirst = true;

    sales.sellTwoLines("INV-THROWS");

    assertThat(count("SELECT count(*) FROM host_orders WHERE invoice_id = 'INV-THROWS'")).isEqualTo(1);
    assertThat(listener.received).hasSize(2); // the first threw (logged at WARN), the second still came
  }

  @Test
  void aRefusedCommandCaughtInsideTheTransactionLeavesItUsable() throws SQLException {
    // A patient without credits: refused, rolled back to the SDK's savepoint only.
    sales.tryToBookTooManyThenCarryOn("INV-CARRY-ON");

    assertThat(count("SELECT count(*) FROM host_orders WHERE invoice_id = 'INV-CARRY-ON'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM pakketten_appointments WHERE appointment_id = 'A-TOO-MANY'")).isZero();
  }

  private int count(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** The host application: Spring Boot's auto-configuration and two beans of its own. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Host {
    @Bean
    Sales sales(JdbcTemplate jdbc, Pakketten pakketten, Listener listener) {
      return new Sales(jdbc, pakketten, listener);
    }

    @Bean
    Listener listener(DataSource dataSource) {
      return new Listener(dataSource);
    }
  }

  /** The host's service: its own row and the SDK's command in one transaction. */
  static class Sales {
    private final JdbcTemplate jdbc;
    private final Pakketten pakketten;
    private final Listener listener;
    volatile int eventsSeenInsideTheTransaction = -1;

    Sales(JdbcTemplate jdbc, Pakketten pakketten, Listener listener) {
      this.jdbc = jdbc;
      this.pakketten = pakketten;
      this.listener = listener;
    }

    @Transactional
    public void sellTwoLines(String invoice) {
      jdbc.update("INSERT INTO host_orders (invoice_id, note) VALUES (?, ?)", invoice, "two cards sold");
      Story.sellTwoLines(pakketten, invoice);
    }

    @Transactional
    public void tryToBookTooManyThenCarryOn(String invoice) {
      jdbc.update("INSERT INTO host_orders (invoice_id, note) VALUES (?, ?)", invoice, "before");
      try {
        Story.scheduleWithoutCredits(pakketten, "A-TOO-MANY");
        throw new AssertionError("expected InsufficientCreditsException");
      } catch (InsufficientCreditsException expected) {
        // the host decides to go on without the appointment
      }
      jdbc.update("UPDATE host_orders SET note = ? WHERE invoice_id = ?", "after", invoice);
    }

    @Transactional
    public void sell(String invoice, boolean failAfterwards) {
      jdbc.update("INSERT INTO host_orders (invoice_id, note) VALUES (?, ?)", invoice, "card sold");
      Story.sell(pakketten, invoice);
      eventsSeenInsideTheTransaction = listener.received.size();
      if (failAfterwards) {
        throw new IllegalStateException("the host fails after the SDK's command");
      }
    }
  }

  /** A plain {@code @EventListener}, noting what another connection could see when each event came. */
  static class Listener {
    final List<Received> received = new CopyOnWriteArrayList<>();
    volatile String watched = "";
    volatile boolean throwOnFirst;
    private final DataSource dataSource;

    Listener(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    @EventListener
    public void on(DomainEvent event) throws SQLException {
      if (!(event instanceof CreditEvents.CreditEvent)) {
        return;
      }
      // A connection of its own from the pool, not the transaction's: it sees only what is committed.
      try (Connection c = dataSource.getConnection(); PreparedStatement s =
          c.prepareStatement("SELECT count(*) FROM pakketten_grant_receipts WHERE receipt_key = ?")) {
        s.setString(1, watched);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          received.add(new Received(event, rs.getInt(1)));
        }
      }
      if (throwOnFirst) {
        throwOnFirst = false;
        throw new IllegalStateException("a listener's own failure");
      }
    }
  }

  record Received(DomainEvent event, int committedReceipts) {}
}
