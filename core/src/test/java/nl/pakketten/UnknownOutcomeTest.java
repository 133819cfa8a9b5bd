package nl.pakketten;

import static nl.pakketten.testing.Fixtures.OWNER;
import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;
import nl.pakketten.appointments.ScheduleResult;
import nl.pakketten.catalog.CreatePackage;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.DeletePackage;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.granting.PaymentResult;
import nl.pakketten.inmemory.InMemoryStorage;
import nl.pakketten.spi.Storage;
import nl.pakketten.spi.Transactions;
import nl.pakketten.spi.TransientException;
import nl.pakketten.storage.OutcomeUnknownException;
import nl.pakketten.storage.TransactionFailedException;
import nl.pakketten.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * A commit whose answer is lost: the core replays the command with its key, the caller gets the
 * stored answer, the change happens once and its events are published once.
 */
class UnknownOutcomeTest {
  private final LosingCommits transactions = new LosingCommits();
  private final Fixtures f =
      new Fixtures(withTransactions(InMemoryStorage.create(), transactions), Pakketten.builder());
  private final CreditPackage basis = f.createPackage("Basis", eur(30));

  UnknownOutcomeTest() {
    f.linkProduct("P5", basis.id(), 5, eur(150));
    f.linkType("T2", basis.id(), 2);
  }

  @Test
  void aStoredPaymentAndSpendWhoseCommitsWereReportedLostAnswerFromWhatWasStoredAndPublishOnce() {
    Fixtures reference = new Fixtures();
    CreditPackage pkg = reference.createPackage("Basis", eur(30));
    reference.linkProduct("P5", pkg.id(), 5, eur(150));
    reference.linkType("T2", pkg.id(), 2);
    reference.events.clear();
    reference.pay("F-1", PATIENT, InvoiceLine.of("P5", 1, eur(150)));
    ScheduleResult expected = reference.schedule("A-1", PATIENT, "T2");
    f.events.clear();

    transactions.loseNextCommits(1);
    PaymentResult paid = f.pay("F-1", PATIENT, InvoiceLine.of("P5", 1, eur(150)));
    transactions.loseNextCommits(1);
    ScheduleResult spent = f.schedule("A-1", PATIENT, "T2");

    // The lost attempt was this call's own: the host is told it granted, not that it was done before.
    assertThat(paid).isInstanceOf(PaymentResult.Granted.class);
    assertThat(paid.replay()).isFalse();
    assertThat(paid.credits()).isEqualTo(5);
    assertThat(spent).usingRecursiveComparison().ignoringFields("allocations.lotId").isEqualTo(expected);
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(3);
    assertThat(f.history(PATIENT)).hasSize(2);
    assertThat(f.journal()).hasSize(2);
    assertThat(f.events).extracting(e -> e.getClass().getSimpleName())
        .containsExactlyElementsOf(reference.events.stream().map(e -> e.getClass().getSimpleName()).toList());
  }

  @Test
  void commitsLostOnEveryAttemptEndInAnUnknownOutcomeWithTheKeyAndTheChangeStoredOnce() {
    f.events.clear();
    transactions.loseNextCommits(Integer.MAX_VALUE);

    assertThatThrownBy(() -> f.pay("F-1", PATIENT, InvoiceLine.of("P5", 1, eur(150))))
        .isInstanceOfSatisfying(OutcomeUnknownException.class, e -> {
          assertThat(e.key()).isEqualTo("F-1");
          assertThat(e.operation()).isEqualTo("registerPayment");
          assertThat(e.attempts()).isEqualTo(5);
        })
        .hasMessageContaining("may or may not have been stored").hasMessageContaining("same key F-1");

    transactions.loseNextCommits(0);
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(5);
    assertThat(f.history(PATIENT)).hasSize(1);
    assertThat(f.events).as("nothing published for a command whose outcome the caller was not told").isEmpty();
    assertThat(f.pay("F-1", PATIENT, InvoiceLine.of("P5", 1, eur(150))))
        .isInstanceOf(PaymentResult.AlreadyGranted.class);
  }

  @Test
  void aCreatedPackageWithoutAnIdIsCreatedOnceWhenItsCommitWasReportedLost() {
    transactions.loseNextCommits(1);

    CreditPackage created = f.pakketten.createPackage(CreatePackage.builder().practice(PRACTICE).actor(OWNER)
        .name("Extra").internalRate(eur(20)).build());

    assertThat(f.pakketten.packages(PRACTICE)).extracting(CreditPackage::name)
        .containsExactlyInAnyOrder("Basis", "Extra");
    assertThat(f.pakketten.findPackage(PRACTICE, created.id())).contains(created);
  }

  @Test
  void aDeleteWhoseCommitWasReportedLostIsNotReplayedButReportedUnknown() {
    CreditPackage spare = f.createPackage("Spare", eur(10));
    transactions.loseNextCommits(1);

    assertThatThrownBy(() -> f.pakketten.deletePackage(DeletePackage.of(PRACTICE, OWNER, spare.id())))
        .isInstanceOfSatisfying(OutcomeUnknownException.class, e -> {
          assertThat(e.key()).isEqualTo(spare.id().value());
          assertThat(e.attempts()).isEqualTo(1);
        });
    assertThat(f.pakketten.findPackage(PRACTICE, spare.id())).isEmpty();
  }

  @Test
  void insideAHostsTransactionTheFailureReachesTheHostAtOnceWithTheKey() {
    transactions.failNext(new TransientException("connection ended", true, false, null));
    assertThatThrownBy(() -> f.schedule("A-1", PATIENT, "T2"))
        .isInstanceOfSatisfying(OutcomeUnknownException.class, e -> assertThat(e.attempts()).isEqualTo(1))
        .hasMessageContaining("inside the host's transaction").hasMessageContaining("A-1");

    transactions.failNext(new TransientException("deadlock", false, false, null));
    assertThatThrownBy(() -> f.schedule("A-1", PATIENT, "T2"))
        .isInstanceOfSatisfying(TransactionFailedException.class, e -> {
          assertThat(e.attempts()).isEqualTo(1);
          assertThat(e.key()).hasValue("A-1");
        })
        .hasMessageContaining("inside the host's transaction").hasMessageContaining("nothing of it was stored");
  }

  /** The store's transactions, which can commit and then report the connection lost. */
  private static final class LosingCommits implements Transactions {
    Transactions delegate;
    private int commitsToLose;
    private TransientException next;

    void loseNextCommits(int n) {
      commitsToLose = n;
    }

    void failNext(TransientException e) {
      next = e;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
      if (next != null) {
        TransientException e = next;
        next = null;
        throw e;
      }
      T result = delegate.inTransaction(work);
      if (commitsToLose > 0) {
        commitsToLose--;
        throw new TransientException("lost the connection during commit", true, true, null);
      }
      return result;
    }
  }

  private static Storage withTransactions(Storage storage, LosingCommits transactions) {
    transactions.delegate = storage.transactions();
    return (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[] {Storage.class},
        (proxy, method, args) -> {
          if (method.getName().equals("transactions")) {
            return transactions;
          }
          try {
            return method.invoke(storage, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

}
