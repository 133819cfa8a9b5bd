package nl.pakketten.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Keeps the direction of dependencies in the core's main code: the domain packages know nothing of
 * adapters, JDBC, logging implementations or the entry point that wires them, and {@code common}
 * is the bottom layer.
 *
 * <p>Every rule here can fail inside the core; each says what a violation would look like. Rules
 * about the JDBC adapter live in the jdbc module's {@code JdbcArchitectureTest}, where its classes
 * are on the class path: here they could never fail. (That the core depends on no JDBC adapter
 * class needs no rule: the core is built without that module, so such a dependency does not
 * compile.)
 */
@AnalyzeClasses(packages = "nl.pakketten", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  /** The rooms of the public API: what a host reads and writes. */
  private static final String[] ROOMS = {
    "nl.pakketten.access..", "nl.pakketten.appointments..", "nl.pakketten.catalog..", "nl.pakketten.common..",
    "nl.pakketten.granting..", "nl.pakketten.invoicing..", "nl.pakketten.outbox..", "nl.pakketten.revenue..",
    "nl.pakketten.sale..", "nl.pakketten.storage..", "nl.pakketten.wallet.."
  };

  /** The rooms, the ports adapters implement, and the use cases that carry the rules out. */
  private static final String[] DOMAIN = {
    "nl.pakketten.access..", "nl.pakketten.appointments..", "nl.pakketten.catalog..", "nl.pakketten.common..",
    "nl.pakketten.granting..", "nl.pakketten.invoicing..", "nl.pakketten.outbox..", "nl.pakketten.revenue..",
    "nl.pakketten.sale..", "nl.pakketten.storage..", "nl.pakketten.wallet..", "nl.pakketten.spi..",
    "nl.pakketten.internal.usecase.."
  };

  /** Violation: a use case that creates an {@code InMemoryStorage}. */
  @ArchTest
  static final ArchRule theDomainImportsNoAdapter = noClasses()
      .that().resideInAnyPackage(DOMAIN)
      .should().dependOnClassesThat().resideInAnyPackage("..inmemory..")
      .because("adapters plug into the domain's ports, never the other way round");

  /** Violation: a port in {@code spi} that takes a {@code java.sql.Connection}. */
  @ArchTest
  static final ArchRule theDomainUsesNoJdbc = noClasses()
      .that().resideInAnyPackage(DOMAIN)
      .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
      .because("persistence belongs to the JDBC adapter");

  /** Violation: a {@code java.util.logging.Logger} anywhere in the core. */
  @ArchTest
  static final ArchRule theCoreLogsThroughTheSlf4jApiOnly = noClasses()
      .that().resideInAPackage("nl.pakketten..")
      .should().dependOnClassesThat().resideInAnyPackage(
          "org.slf4j.simple..", "org.slf4j.impl..", "ch.qos.logback..",
          "org.apache.logging.log4j..", "org.apache.log4j..", "org.apache.commons.logging..",
          "org.jboss.logging..", "java.util.logging..")
      .because("the host chooses the logging implementation");

  /** Violation: a use case that calls {@code Pakketten} or reads the {@code Storage} it was built from. */
  @ArchTest
  static final ArchRule theDomainDoesNotReachTheEntryPoint = noClasses()
      .that().resideInAnyPackage(DOMAIN)
      .should().dependOnClassesThat().resideInAPackage("nl.pakketten")
      .because("Pakketten and Storage wire the domain together; the domain does not know them");

  /** Violation: an exception in {@code common} that names a {@code catalog.PackageId}. */
  @ArchTest
  static final ArchRule commonDependsOnNoOtherPartOfTheCore = noClasses()
      .that().resideInAPackage("nl.pakketten.common..")
      .should().dependOnClassesThat(resideInAPackage("nl.pakketten..")
          .and(not(resideInAnyPackage("nl.pakketten.common..", "nl.pakketten.internal.style.."))))
      .because("common holds the ids, values and errors every other package builds on");

  /** Violation: a value in {@code wallet} that calls the {@code TransactionRunner} or a use case. */
  @ArchTest
  static final ArchRule theRoomsKnowNoUseCaseAndNoRunner = noClasses()
      .that().resideInAnyPackage(ROOMS)
      .should().dependOnClassesThat(resideInAPackage("nl.pakketten.internal..")
          .and(not(resideInAPackage("nl.pakketten.internal.style.."))))
      .because("the API's values decide; use cases and the runner are wiring a host never sees");

  /** Violation: a port in {@code spi} whose signature names a use case. */
  @ArchTest
  static final ArchRule onlyTheEntryPointReachesTheUseCases = noClasses()
      .that().resideOutsideOfPackages("nl.pakketten", "nl.pakketten.internal.usecase..")
      .should().dependOnClassesThat().resideInAPackage("nl.pakketten.internal.usecase..")
      .because("Pakketten is the one entry point; a use case is reached through it");

  /** Violation: {@code Instant.now()} in a use case. */
  @ArchTest
  static final ArchRule theDomainTakesTimeFromTheInjectedClock = noClasses()
      .that().resideInAnyPackage(DOMAIN)
      .should().callMethod(Instant.class, "now")
      .orShould().callMethod(LocalDate.class, "now")
      .orShould().callMethod(LocalDateTime.class, "now")
      .orShould().callMethod(Clock.class, "systemUTC")
      .orShould().callMethod(Clock.class, "systemDefaultZone")
      .orShould().callMethod(System.class, "currentTimeMillis")
      .because("time comes from the Clock the host passes to the builder, so tests can move it");

  /** Violation: {@code wallet} naming an {@code Appointment} while {@code appointments} takes from wallets. */
  @ArchTest
  static final ArchRule thePartsOfTheCoreHaveNoCycles = slices()
      .matching("nl.pakketten.(**)")
      .should().beFreeOfCycles();
}
