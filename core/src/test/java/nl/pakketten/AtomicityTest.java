package nl.pakketten;

import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.NotFoundException;
import nl.pakketten.common.PracticeId;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.granting.PaymentResult;
import nl.pakketten.inmemory.InMemoryStorage;
import nl.pakketten.revenue.JournalEntry;
import nl.pakketten.spi.Journal;
import nl.pakketten.spi.Storage;
import nl.pakketten.spi.TransientException;
import nl.pakketten.storage.TransactionFailedException;
import nl.pakketten.testing.Fixtures;
import nl.pakketten.wallet.CreditEvents;
import nl.pakketten.wallet.Lot;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** Nothing is half done: a call that fails leaves no lot, no history, no journal entry and no event. */
class AtomicityTest {
  private final FailingJournal journal = new FailingJournal();
  private final Fixtures f = new Fixtures(withJournal(InMemoryStorage.create(), journal), Pakketten.builder());
  private final CreditPackage basis = f.createPackage("Basis", eur(30));

  AtomicityTest() {
    f.linkProduct("P5", basis.id(), 5, eur(150));
    f.linkType("T2", basis.id(), 2);
    f.events.clear();
  }

  private void assertNoTrace() {
    assertThat(f.balance(PATIENT, basis.id())).isZero();
    assertThat(f.lots(PATIENT)).isEmpty();
    assertThat(f.history(PATIENT)).isEmpty();
    assertThat(f.journal()).isEmpty();
    assertThat(f.events).isEmpty();
  }

  @Test
  void anInvoiceWhoseSecondLineIsUnknownLeavesNoTrace() {
    assertThatThrownBy(() -> f.pay("F-1", PATIENT, InvoiceLine.of("P5", 1, eur(150)), InvoiceLine.of("NEW", 1, eur(9))))
        .isInstanceOf(NotFoundException.class);

    assertNoTrace();
  }

  @Test
  void aFailedInvoiceDoesNotTakeItsId() {
    assertThatThrownBy(() -> f.pay("F-1", PATIENT, InvoiceLine.of("P5", 1, eur(150)), InvoiceLine.of("NEW", 1, eur(9))))
        .isInstanceOf(NotFoundException.class);

    assertThat(f.pay("F-1", PATIENT, InvoiceLine.of("P5", 1, eur(150)))).isInstanceOf(PaymentResult.Granted.class);
  }

  @Test
  void anInvoiceWhoseSecondLineIsInAnotherCurrencyLeavesNoTrace() {
    assertThatThrownBy(() -> f.pay("F-1", PATIENT, InvoiceLine.of("P5", 1, eur(150)),
        InvoiceLine.of("P5", 1, Money.of(CurrencyUnit.USD, 150)))).isInstanceOf(InvalidInputException.class);

    assertNoTrace();
  }

  @Test
  void aStorageFailureHalfwayThroughAPaymentRollsBackEverything() {
    journal.failOnAppend(2, () -> new IllegalStateException("disk full"));

    assertThatThrownBy(() -> f.pay("F-1", PATIENT, InvoiceLine.of("P5", 1, eur(150)), InvoiceLine.of("P5", 1, eur(150))))
        .hasMessage("disk full");

    assertNoTrace();
  }

  @Test
  void aStorageFailureHalfwayThroughASpendRollsBackEverything() {
    f.importCredits("I1", PATIENT, basis.id(), 1, eur(30));
    f.clock.advance(java.time.Duration.ofMinutes(1));
    f.importCredits("I2", PATIENT, basis.id(), 5, eur(30));
    List<Lot> lotsBefore = f.lots(PATIENT);
    int historyBefore = f.history(PATIENT).size();
    int journalBefore = f.journal().size();
    f.events.clear();
    journal.failOnAppend(2, () -> new IllegalStateException("connection lost"));

    assertThatThrownBy(() -> f.schedule("A1", PATIENT, "T2")).hasMessage("connection lost");

    assertThat(f.lots(PATIENT)).isEqualTo(lotsBefore);
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(6);
    assertThat(f.history(PATIENT)).hasSize(historyBefore);
    assertThat(f.journal()).hasSize(journalBefore);
    assertThat(f.pakketten.findAppointment(Fixtures.PRACTICE, AppointmentId.of("A1"))).isEmpty();
    assertThat(f.events).isEmpty();
  }

  @Test
  void aTransientFailureIsRetriedAndTheCommandCountsOnce() {
    journal.failOnAppend(1, () -> new TransientException("serialization failure", null));

    PaymentResult result = f.pay("F-1", PATIENT, InvoiceLine.of("P5", 2, eur(300)));

    assertThat(result).isInstanceOf(PaymentResult.Granted.class);
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(10);
    assertThat(f.lots(PATIENT)).hasSize(1);
    assertThat(f.history(PATIENT)).hasSize(1);
    assertThat(f.journal()).hasSize(1);
    assertThat(f.events).singleElement().isInstanceOf(CreditEvents.CreditsGranted.class);
  }

  @Test
  void aCommandThatKeepsFailingTransientlyGivesUpAndLeavesNoTrace() {
    FailingJournal alwaysFailing = new FailingJournal();
    Fixtures g = new Fixtures(withJournal(InMemoryStorage.create(), alwaysFailing), Pakketten.builder().maxAttempts(2));
    CreditPackage pkg = g.createPackage("Basis", eur(30));
    g.linkProduct("P5", pkg.id(), 5, eur(150));
    g.events.clear();
    alwaysFailing.failAlways(() -> new TransientException("deadlock", null));

    assertThatThrownBy(() -> g.pay("F-1", PATIENT, InvoiceLine.of("P5", 1, eur(150))))
        .isInstanceOfSatisfying(TransactionFailedException.class, e -> assertThat(e.attempts()).isEqualTo(2))
        .hasMessageContaining("registerPayment").hasMessageContaining("deadlock");
    assertThat(g.balance(PATIENT, pkg.id())).isZero();
    assertThat(g.lots(PATIENT)).isEmpty();
    assertThat(g.history(PATIENT)).isEmpty();
    assertThat(g.events).isEmpty();
  }

  /** The storage, with its journal replaced. */
  private static Storage withJournal(Storage storage, FailingJournal journal) {
    journal.delegate = storage.journal();
    return (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[] {Storage.class},
        (proxy, method, args) -> {
          if (method.getName().equals("journal")) {
            return journal;
          }
          try {
            return method.invoke(storage, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  /** A journal that fails on a chosen append, to see that the whole command is undone. */
  private static final class FailingJournal implements Journal {
    private Journal delegate;
    private int appendsUntilFailure = -1;
    private boolean always;
    private Supplier<RuntimeException> failure;

    /** The {@code n}-th append from now throws once. */
    void failOnAppend(int n, Supplier<RuntimeException> failure) {
      this.appendsUntilFailure = n;
      this.failure = failure;
    }

    void failAlways(Supplier<RuntimeException> failure) {
      this.always = true;
      this.failure = failure;
    }

    @Override
    public void append(JournalEntry entry) {
      if (always || --appendsUntilFailure == 0) {
        throw failure.get();
      }
      delegate.append(entry);
    }

    @Override
    public nl.pakketten.common.Page<JournalEntry> entries(PracticeId practice, Instant from, Instant to,
        nl.pakketten.common.PageRequest request) {
      return delegate.entries(practice, from, to, request);
    }
  }
}
