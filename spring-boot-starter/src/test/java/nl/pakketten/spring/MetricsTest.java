package nl.pakketten.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import nl.pakketten.Pakketten;
import nl.pakketten.appointments.InsufficientCreditsException;
import nl.pakketten.common.PracticeId;
import nl.pakketten.spi.CommandObserver;
import nl.pakketten.spi.TransientException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/** The Micrometer meters of the SDK's commands, counted in a {@link SimpleMeterRegistry}. */
class MetricsTest {
  private final ApplicationContextRunner metrics = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(PakkettenMetricsAutoConfiguration.class));

  @Test
  void commandsReadsAndFailuresAreCountedByOperationAndOutcome() {
    try (ConfigurableApplicationContext context = StartupTest.start(HostWithRegistry.class,
        EmbeddedDatabases.newDatabase())) {
      Pakketten pakketten = context.getBean(Pakketten.class);
      MeterRegistry registry = context.getBean(MeterRegistry.class);
      Story.setUp(pakketten);

      assertThatThrownBy(() -> Story.schedule(pakketten, "A-0", Instant.parse("2026-03-05T08:00:00Z")))
          .isInstanceOf(InsufficientCreditsException.class);
      Story.sell(pakketten, "INV-1");
      Story.sell(pakketten, "INV-1"); // a replay
      Story.schedule(pakketten, "A-1", Instant.parse("2026-03-05T08:00:00Z"));
      Story.balance(pakketten);

      assertThat(registry.get("pakketten.commands").tags("operation", "registerPayment", "outcome", "Granted")
          .timer().count()).isEqualTo(1);
      assertThat(registry.get("pakketten.commands").tags("operation", "registerPayment", "outcome", "AlreadyGranted")
          .timer().count()).isEqualTo(1);
      assertThat(registry.get("pakketten.commands").tags("operation", "schedule", "outcome", "Covered")
          .timer().count()).isEqualTo(1);
      assertThat(registry.get("pakketten.commands")
          .tags("operation", "schedule", "outcome", "InsufficientCreditsException").timer().count()).isEqualTo(1);
      assertThat(registry.get("pakketten.commands.failures")
          .tags("operation", "schedule", "exception", "InsufficientCreditsException").counter().count()).isEqualTo(1);
      assertThat(registry.get("pakketten.reads").tags("operation", "balance", "outcome", "ok").timer().count())
          .isEqualTo(1);
      assertThat(registry.get("pakketten.commands").tags("operation", "schedule", "outcome", "Covered")
          .timer().totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();

      // The outbox: its depth is a gauge read through the SDK, and the starter's dispatcher runs.
      assertThat(registry.get("pakketten.outbox.depth").gauge().value()).isEqualTo(pakketten.outboxDepth())
          .isZero();
      assertThat(context.getBean(OutboxDispatcherLifecycle.class).isRunning()).isTrue();

      // No practice, patient or key in any tag: only bounded names.
      assertThat(registry.getMeters().stream().filter(m -> m.getId().getName().startsWith("pakketten."))
          .map(Meter::getId).flatMap(id -> id.getTags().stream()).map(Tag::getKey).distinct())
          .isSubsetOf("operation", "outcome", "exception", "reason");
      assertThat(registry.getMeters().stream().flatMap(m -> m.getId().getTags().stream()).map(Tag::getValue))
          .doesNotContain("fysio-de-linde", "sanne", "INV-1", "A-1");
    }
  }

  @Test
  void retriesAreCountedByOperationAndReason() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    CommandObserver observer = new MicrometerCommandObserver(registry);
    CommandObserver.Command command = new CommandObserver.Command("schedule", PracticeId.of("p1"), "A-1", false);

    observer.retrying(command, 1, 5, new TransientException("serialization failure", false, true, null));
    observer.retrying(command, 2, 5, new TransientException("connection lost", true, true, null));

    assertThat(registry.get("pakketten.commands.retries").tags("operation", "schedule", "reason", "not-stored")
        .counter().count()).isEqualTo(1);
    assertThat(registry.get("pakketten.commands.retries").tags("operation", "schedule", "reason", "outcome-unknown")
        .counter().count()).isEqualTo(1);
  }

  @Test
  void noMetricsWithoutAMeterRegistryBean() {
    metrics.run(context -> assertThat(context).doesNotHaveBean(MicrometerCommandObserver.class));
  }

  @Test
  void noMetricsWithoutMicrometer() {
    metrics.withBean(SimpleMeterRegistry.class).withClassLoader(new FilteredClassLoader(MeterRegistry.class))
        .run(context -> assertThat(context).doesNotHaveBean(MicrometerCommandObserver.class));
  }

  @Test
  void metricsWithARegistryUnlessSwitchedOff() {
    metrics.withBean(SimpleMeterRegistry.class)
        .run(context -> assertThat(context).hasSingleBean(MicrometerCommandObserver.class));
    metrics.withBean(SimpleMeterRegistry.class).withPropertyValues("pakketten.metrics.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(MicrometerCommandObserver.class));
  }

  /** A host with a meter registry (as Spring Boot's actuator would give it). */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class HostWithRegistry {
    @Bean
    SimpleMeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }
}
