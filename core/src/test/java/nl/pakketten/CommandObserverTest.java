package nl.pakketten;

import static nl.pakketten.testing.Fixtures.OWNER;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.RECEPTIONIST;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import nl.pakketten.access.AccessDeniedException;
import nl.pakketten.catalog.CreatePackage;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.inmemory.InMemoryStorage;
import nl.pakketten.spi.CommandObserver;
import nl.pakketten.spi.TransientException;
import nl.pakketten.testing.Fixtures;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** A host's {@link CommandObserver} hears how every command and read ended, and cannot change it. */
class CommandObserverTest {
  record Ended(String operation, @Nullable Object practice, @Nullable Object key, boolean read,
      @Nullable Object answer, @Nullable Throwable failure, int attempts, long nanos) {}

  private final List<Ended> ended = Collections.synchronizedList(new ArrayList<>());

  private final CommandObserver recorder = new CommandObserver() {
    @Override
    public void retrying(Command command, int attempt, int maxAttempts, TransientException cause) {}

    @Override
    public void ended(Command command, @Nullable Object answer, @Nullable Throwable failure, int attempts,
        long nanos) {
      ended.add(new Ended(command.operation(), command.practice(), command.key(), command.read(), answer, failure,
          attempts, nanos));
    }
  };

  private static CreatePackage create(String id) {
    return CreatePackage.builder().practice(PRACTICE).actor(OWNER).packageId(PackageId.of(id)).name("Package " + id)
        .internalRate(eur("40.00")).build();
  }

  @Test
  void aCommandEndsWithItsOperationPracticeKeyAnswerAttemptsAndTime() {
    Fixtures f = new Fixtures(InMemoryStorage.create(), Pakketten.builder().commandObserver(recorder));

    CreditPackage pkg = f.pakketten.createPackage(create("fysio"));
    f.pakketten.balance(PRACTICE, Fixtures.PATIENT, pkg.id());

    assertThat(ended).hasSize(2);
    Ended command = ended.get(0);
    assertThat(command.operation()).isEqualTo("createPackage");
    assertThat(command.practice()).isEqualTo(PRACTICE);
    assertThat(command.key()).isEqualTo(PackageId.of("fysio"));
    assertThat(command.read()).isFalse();
    assertThat(command.answer()).isEqualTo(pkg);
    assertThat(command.failure()).isNull();
    assertThat(command.attempts()).isEqualTo(1);
    assertThat(command.nanos()).isPositive();
    Ended read = ended.get(1);
    assertThat(read.operation()).isEqualTo("balance");
    assertThat(read.read()).isTrue();
    assertThat(read.key()).isNull();
  }

  @Test
  void aRefusedCommandEndsWithItsFailureAfterNoAttempt() {
    Fixtures f = new Fixtures(InMemoryStorage.create(), Pakketten.builder().commandObserver(recorder));

    assertThatThrownBy(() -> f.pakketten.createPackage(CreatePackage.builder().from(create("fysio"))
        .actor(RECEPTIONIST).build())).isInstanceOf(AccessDeniedException.class);

    assertThat(ended).singleElement().satisfies(e -> {
      assertThat(e.failure()).isInstanceOf(AccessDeniedException.class);
      assertThat(e.attempts()).isZero();
      assertThat(e.answer()).isNull();
    });
  }

  @Test
  void anObserverThatThrowsChangesNoOutcome() {
    CommandObserver broken = new CommandObserver() {
      @Override
      public void retrying(Command command, int attempt, int maxAttempts, TransientException cause) {
        throw new IllegalStateException("metrics are down");
      }

      @Override
      public void ended(Command command, @Nullable Object answer, @Nullable Throwable failure, int attempts,
          long nanos) {
        throw new IllegalStateException("metrics are down");
      }
    };
    Fixtures f = new Fixtures(InMemoryStorage.create(), Pakketten.builder().commandObserver(broken));

    CreditPackage pkg = f.pakketten.createPackage(create("fysio"));

    assertThat(f.pakketten.findPackage(PRACTICE, pkg.id())).contains(pkg);
    assertThat(f.events).hasSize(1);
  }
}
