package nl.pakketten.spring;

import java.time.Clock;
import javax.sql.DataSource;
import nl.pakketten.Pakketten;
import nl.pakketten.access.AccessPolicy;
import nl.pakketten.appointments.LateCancellationPolicy;
import nl.pakketten.appointments.NoShowPolicy;
import nl.pakketten.appointments.ShortfallPolicy;
import nl.pakketten.jdbc.JdbcStorage;
import nl.pakketten.outbox.OutboxSettings;
import nl.pakketten.revenue.Bookkeeping;
import nl.pakketten.spi.CommandObserver;
import nl.pakketten.spi.DocumentServices;
import nl.pakketten.spi.PatientDirectory;
import nl.pakketten.spi.Storage;
import nl.pakketten.wallet.SpendingOrder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Auto-configures a {@link Pakketten} over the application's {@link DataSource}:
 *
 * <ul>
 *   <li>a {@link JdbcStorage} ({@code pakkettenStorage}) whose commands join the Spring transaction
 *       open on the calling thread, or run in their own outside one;
 *   <li>with Flyway on the class path, the SDK's migrations ({@code pakkettenMigrations}), applied
 *       after the application's own Flyway, in their own history table;
 *   <li>the SDK's domain events as Spring application events, after the transaction commits;
 *   <li>the policies from {@code pakketten.*} properties ({@link PakkettenProperties}), or from the
 *       application's beans of those types, which win;
 *   <li>every {@link CommandObserver} bean, such as the Micrometer one of
 *       {@link PakkettenMetricsAutoConfiguration}.
 * </ul>
 *
 * <p>Backs off bean by bean: an application's own {@code Pakketten} bean replaces the one built
 * here, its own {@link Storage} bean replaces the storage and the migrations.
 */
@AutoConfiguration(afterName = {
    // Spring Boot 4
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
    "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
    // Spring Boot 3
    "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
    "org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration",
    "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration"})
@ConditionalOnClass({Pakketten.class, JdbcStorage.class})
@EnableConfigurationProperties(PakkettenProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class PakkettenAutoConfiguration {
  /** Created by Spring Boot. */
  public PakkettenAutoConfiguration() {}

  /**
   * The storage over the application's one {@code DataSource}, joining Spring's transactions; built
   * after the SDK's migrations when the starter applies them, so its schema check finds the tables.
   */
  @Bean
  @ConditionalOnMissingBean(Storage.class)
  @ConditionalOnSingleCandidate(DataSource.class)
  JdbcStorage pakkettenStorage(DataSource dataSource, ObjectProvider<PakkettenMigrations> migrations) {
    migrations.getIfAvailable(); // applied first, if the starter applies them
    return JdbcStorage.builder(dataSource).hostTransaction(new SpringHostTransaction(dataSource)).build();
  }

  /** The SDK's entry point, with the policies of the application's beans or properties. */
  @Bean
  @ConditionalOnMissingBean(Pakketten.class)
  Pakketten pakketten(Storage storage, PakkettenProperties properties, ApplicationEventPublisher events,
      ObjectProvider<Clock> clock, ObjectProvider<AccessPolicy> access, ObjectProvider<ShortfallPolicy> shortfall,
      ObjectProvider<LateCancellationPolicy> lateCancellation, ObjectProvider<NoShowPolicy> noShow,
      ObjectProvider<SpendingOrder> spendingOrder, ObjectProvider<Bookkeeping> bookkeeping,
      ObjectProvider<CommandObserver> observers, ObjectProvider<DocumentServices> documents,
      ObjectProvider<PatientDirectory> patients, ObjectProvider<OutboxSettings> outboxSettings) {
    Pakketten.Builder builder = Pakketten.builder()
        .storage(storage)
        .eventPublisher(new SpringEventPublisher(events))
        .clock(clock.getIfAvailable(() -> properties.getTimeZone() == null ? Clock.systemDefaultZone()
            : Clock.system(properties.getTimeZone())))
        .accessPolicy(access.getIfAvailable(AccessPolicy::ownerManagesPackages))
        .shortfallPolicy(shortfall.getIfAvailable(() -> properties.getShortfall().policy()))
        .lateCancellationPolicy(lateCancellation.getIfAvailable(properties::lateCancellationPolicy))
        .noShowPolicy(noShow.getIfAvailable(() -> properties.getNoShow().policy()))
        .spendingOrder(spendingOrder.getIfAvailable(SpendingOrder::earliestExpiryThenOldest))
        .bookkeeping(bookkeeping.getIfAvailable(() -> properties.getBookkeeping().bookkeeping()))
        .outboxSettings(outboxSettings.getIfAvailable(() -> properties.getOutbox().settings()))
        .maxAttempts(properties.getMaxAttempts());
    documents.ifAvailable(builder::documents);
    patients.ifAvailable(builder::patientDirectory);
    CommandObserver observer = CommandObservers.of(observers.orderedStream().toList());
    if (observer != null) {
      builder.commandObserver(observer);
    }
    return builder.build();
  }

  /**
   * Runs the outbox dispatcher while the context runs (unless {@code
   * pakketten.outbox.dispatcher-enabled} is false): it sends the queued mail and publishes the events
   * whose publishing after the commit did not happen.
   */
  @Bean
  @ConditionalOnBooleanProperty(name = "pakketten.outbox.dispatcher-enabled", matchIfMissing = true)
  OutboxDispatcherLifecycle pakkettenOutboxDispatcher(Pakketten pakketten, PakkettenProperties properties) {
    return new OutboxDispatcherLifecycle(pakketten, properties.getOutbox().getDispatcherInterval());
  }

  /** The SDK's migrations, when Flyway is on the class path and {@code pakketten.flyway.enabled} is not false. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.flywaydb.core.Flyway")
  @ConditionalOnBooleanProperty(name = "pakketten.flyway.enabled", matchIfMissing = true)
  static class Migrations {
    @Bean
    @ConditionalOnMissingBean(Storage.class)
    @ConditionalOnSingleCandidate(DataSource.class)
    @DependsOnDatabaseInitialization
    PakkettenMigrations pakkettenMigrations(DataSource dataSource, PakkettenProperties properties) {
      return new PakkettenMigrations(dataSource, properties.getFlyway().getTable());
    }
  }
}
