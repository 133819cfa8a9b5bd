package nl.pakketten.testing;

import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import nl.pakketten.Pakketten;
import nl.pakketten.appointments.InsufficientCreditsException;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.common.DomainEvent;
import nl.pakketten.common.PageRequest;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.outbox.DispatchResult;
import nl.pakketten.outbox.MessageKind;
import nl.pakketten.outbox.OutboxMessage;
import nl.pakketten.outbox.OutboxState;
import nl.pakketten.spi.AppointmentTypes;
import nl.pakketten.spi.Appointments;
import nl.pakketten.spi.EventPublisher;
import nl.pakketten.spi.GrantReceipts;
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
import nl.pakketten.wallet.CreditEvents;
import org.junit.jupiter.api.Test;

/**
 * Domain events through the transactional outbox, on any storage: written in the command's
 * transaction, published right after its commit and removed; left queued for the dispatcher when
 * publishing did not happen; never stored for a command that failed.
 */
public abstract class OutboxEventsContract {
  /**
   * An empty storage; called for every Pakketten a test builds.
   *
   * @return the storage
   */
  protected abstract Storage newStorage();

  private final List<DomainEvent> received = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final EventPublisher publisher = event -> {
    if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("listener down");
    }
    received.add(event);
  };

  private static Fixtures fixtures(Storage storage, EventPublisher events) {
    return new Fixtures(storage, events);
  }

  private static List<OutboxMessage> queued(Pakketten p) {
    return p.outboxMessages(PRACTICE, null, PageRequest.first()).items();
  }

  @Test
  void eventsArePublishedRightAfterTheCommitAndLeaveNothingInTheOutbox() {
    Fixtures f = fixtures(newStorage(), publisher);
    CreditPackage pkg = f.createPackage("Basis", eur(30));
    f.linkProduct("P10", pkg.id(), 10, eur(300));

    f.pay("INV-1", PATIENT, InvoiceLine.of("P10", 1, eur("300.00")));

    assertThat(received).filteredOn(CreditEvents.CreditsGranted.class::isInstance).hasSize(1);
    assertThat(queued(f.pakketten)).isEmpty();
    assertThat(f.pakketten.outboxDepth()).isZero();
  }

  @Test
  void anEventWhosePublisherThrewStaysQueuedAndTheDispatcherPublishesItAfterTheBackoff() {
    Fixtures f = fixtures(newStorage(), publisher);
    CreditPackage pkg = f.createPackage("Basis", eur(30));
    f.linkProduct("P10", pkg.id(), 10, eur(300));
    received.clear();
    failuresLeft.set(1);

    f.pay("INV-1", PATIENT, InvoiceLine.of("P10", 1, eur("300.00")));

    assertThat(received).isEmpty();
    OutboxMessage left = queued(f.pakketten).get(0);
    assertThat(left.kind()).isEqualTo(MessageKind.EVENT);
    assertThat(left.state()).isEqualTo(OutboxState.QUEUED);
    assertThat(left.recipient()).isEqualTo("CreditsGranted");
    assertThat(left.lastError()).hasValueSatisfying(e -> assertThat(e).contains("listener down"));
    assertThat(f.pakketten.dispatchOutbox().idle()).as("waits for its backoff").isTrue();

    f.clock.advance(Duration.ofSeconds(30));
    assertThat(f.pakketten.dispatchOutbox()).isEqualTo(new DispatchResult(1, 0, 0));
    assertThat(received).singleElement().isInstanceOf(CreditEvents.CreditsGranted.class);
    assertThat(queued(f.pakketten)).isEmpty();
  }

  @Test
  void aCommandThatFailsStoresAndPublishesNoEvent() {
    Fixtures f = fixtures(newStorage(), publisher);
    CreditPackage pkg = f.createPackage("Basis", eur(30));
    f.linkType("session", pkg.id(), 1);
    received.clear();

    assertThatThrownBy(() -> f.schedule("A-1", PATIENT, "session")).isInstanceOf(InsufficientCreditsException.class);

    assertThat(received).isEmpty();
    assertThat(queued(f.pakketten)).isEmpty();
  }

  @Test
  void whenNothingRunsAfterTheCommitTheEventsWaitForTheDispatcherAndArePublishedInOrderOnce() {
    // As after a crash between the commit and the publishing, or in a host transaction the SDK is
    // not told the commit of: the events are stored, due at once, and only the dispatcher publishes them.
    Fixtures f = fixtures(new NothingAfterCommit(newStorage()), publisher);
    CreditPackage pkg = f.createPackage("Basis", eur(30));
    f.linkProduct("P10", pkg.id(), 10, eur(300));
    f.pay("INV-1", PATIENT, InvoiceLine.of("P10", 1, eur("300.00")));

    assertThat(received).isEmpty();
    assertThat(queued(f.pakketten)).extracting(OutboxMessage::recipient)
        .containsExactly("PackageCreated", "ProductSaved", "CreditsGranted");

    assertThat(f.pakketten.dispatchOutbox()).isEqualTo(new DispatchResult(3, 0, 0));
    assertThat(received).extracting(e -> e.getClass().getSimpleName())
        .containsExactly("PackageCreated", "ProductSaved", "CreditsGranted");
    CreditEvents.CreditsGranted granted = (CreditEvents.CreditsGranted) received.get(2);
    assertThat(granted.movement()).isEqualTo(f.pakketten.history(PRACTICE, PATIENT, PageRequest.first()).items()
        .get(0));
    assertThat(queued(f.pakketten)).isEmpty();
    assertThat(f.pakketten.dispatchOutbox().idle()).isTrue();
  }

  @Test
  void withoutAPublisherNothingIsWrittenToTheOutbox() {
    Fixtures f = fixtures(newStorage(), EventPublisher.none());
    CreditPackage pkg = f.createPackage("Basis", eur(30));
    f.linkProduct("P10", pkg.id(), 10, eur(300));

    f.pay("INV-1", PATIENT, InvoiceLine.of("P10", 1, eur("300.00")));

    assertThat(queued(f.pakketten)).isEmpty();
    assertThat(f.pakketten.dispatchOutbox().idle()).isTrue();
  }

  /** A storage whose transactions cannot run work after their commit. */
  private record NothingAfterCommit(Storage storage) implements Storage {
    @Override
    public Transactions transactions() {
      Transactions transactions = storage.transactions();
      return new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
          return transactions.inTransaction(work);
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
    public History history() {
      return storage.history();
    }

    @Override
    public Journal journal() {
      return storage.journal();
    }

    @Override
    public PracticeProfiles practiceProfiles() {
      return storage.practiceProfiles();
    }

    @Override
    public Invoices invoices() {
      return storage.invoices();
    }

    @Override
    public MailTemplates mailTemplates() {
      return storage.mailTemplates();
    }

    @Override
    public Outbox outbox() {
      return storage.outbox();
    }
  }
}
