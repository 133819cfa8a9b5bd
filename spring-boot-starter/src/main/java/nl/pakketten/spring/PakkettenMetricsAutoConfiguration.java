package nl.pakketten.spring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import nl.pakketten.Pakketten;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer metrics of every command and read the SDK runs, when the application has
 * {@code micrometer-core} and a {@link MeterRegistry} bean (Spring Boot's actuator makes one):
 * {@code pakketten.commands} and {@code pakketten.reads} (timers by operation and outcome),
 * {@code pakketten.commands.failures} (by operation and exception class) and
 * {@code pakketten.commands.retries} (by operation and reason), and the gauge {@code
 * pakketten.outbox.depth} (messages queued across practices, read from the database when the
 * registry is scraped: a depth that keeps growing means mail is not going out). The tags never carry a practice,
 * patient or key: only bounded sets of names. {@code pakketten.metrics.enabled=false} switches them
 * off.
 */
@AutoConfiguration(
    before = PakkettenAutoConfiguration.class,
    afterName = {
        // Spring Boot 4
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        // Spring Boot 3
        "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "pakketten.metrics.enabled", matchIfMissing = true)
public class PakkettenMetricsAutoConfiguration {
  /** Created by Spring Boot. */
  public PakkettenMetricsAutoConfiguration() {}

  /**
   * The observer that {@link PakkettenAutoConfiguration} gives the SDK, with the others; and the
   * outbox's depth, a gauge read through the SDK's entry point when the registry is scraped (looked
   * up then, so this bean does not wait for the entry point it is given to).
   */
  @Bean
  MicrometerCommandObserver pakkettenMetrics(MeterRegistry registry, ObjectProvider<Pakketten> pakketten) {
    Gauge.builder("pakketten.outbox.depth", pakketten, provider -> {
      Pakketten sdk = provider.getIfAvailable();
      return sdk == null ? Double.NaN : sdk.outboxDepth();
    }).description("Outbox messages queued, across practices")
        .strongReference(true) // the provider is held by nothing else: a weakly held one is collected
        .register(registry);
    return new MicrometerCommandObserver(registry);
  }
}
