package nl.pakketten.jdbc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The JDBC adapter's architecture, checked where it can fail: the adapter's classes are on this
 * module's class path, and so are the core's, whose own {@code ArchitectureTest} cannot see this
 * module. (That the core never depends on this adapter needs no rule: Maven builds the core
 * without it, so such a dependency does not compile.)
 *
 * <p>Each rule says what a violation would look like; each was seen to fail by adding that
 * violation. A rule whose {@code that()} selects no class fails too (ArchUnit's default), so a
 * renamed package cannot turn one into a rule that passes on nothing.
 */
@AnalyzeClasses(packages = "nl.pakketten", importOptions = ImportOption.DoNotIncludeTests.class)
class JdbcArchitectureTest {
  private static final String ADAPTER = "nl.pakketten.jdbc..";

  /** Violation: {@code JdbcStorage} reusing {@code nl.pakketten.inmemory.Table} or {@code internal.Fingerprint}. */
  @ArchTest
  static final ArchRule theAdapterUsesOnlyTheCoresApiAndPorts = noClasses()
      .that().resideInAPackage(ADAPTER)
      .should().dependOnClassesThat().resideInAnyPackage("nl.pakketten.inmemory..", "nl.pakketten.internal..")
      .because("an adapter plugs into the core's ports; the in-memory adapter and the core's internals may change"
          + " under it");

  /**
   * Violation: a public method of {@code JdbcStorage} that returns a {@code ResultSet}, or a
   * {@code HostTransaction} method taking a {@code PreparedStatement}.
   */
  @ArchTest
  static final ArchRule theOnlyJdbcTypesInThePublicApiAreTheHostsOwn = codeUnits()
      .that().areDeclaredInClassesThat().resideInAPackage(ADAPTER)
      .and().areDeclaredInClassesThat().arePublic()
      .and().arePublic()
      .should(exposeNoJdbcTypeBut(Set.of(Connection.class.getName(), DataSource.class.getName())))
      .because("a host hands the adapter its DataSource or its transaction's Connection; everything else of JDBC"
          + " stays inside the adapter");

  /** Violation: {@code public final class Db}, or a public {@code JdbcWallets}. */
  @ArchTest
  static final ArchRule onlyTheEntryPointAndTheHostsTransactionArePublic = noClasses()
      .that().resideInAPackage(ADAPTER).and().doNotBelongToAnyOf(JdbcStorage.class, HostTransaction.class)
      .should().bePublic()
      .because("repositories and helpers are package-private: a host builds the adapter through JdbcStorage");

  /**
   * Violation: a repository that takes a connection from the {@code DataSource}, or prepares its
   * own {@code PreparedStatement}, instead of running its statements through {@link Db}.
   */
  @ArchTest
  static final ArchRule theRepositoriesNeverTouchAConnection = noClasses()
      .that().resideInAPackage(ADAPTER).and().haveSimpleNameStartingWith("Jdbc")
      .and().doNotBelongToAnyOf(JdbcStorage.class)
      .should().dependOnClassesThat().belongToAnyOf(Connection.class, DataSource.class, Statement.class,
          PreparedStatement.class, Savepoint.class)
      .because("a repository's statements run in the transaction Db binds to the thread, through its unit of work");

  /**
   * Violation: {@code Db} (or a repository) calling {@code connection.prepareStatement(sql)} itself,
   * a statement that would not write the held rows first.
   */
  @ArchTest
  static final ArchRule insideATransactionOnlyTheUnitOfWorkPreparesStatements = noClasses()
      .should().callMethodWhere(callOnAConnection(Set.of("prepareStatement", "prepareCall", "createStatement"))
          .and(DescribedPredicate.not(from(UnitOfWork.class)))
          .and(DescribedPredicate.not(from(DatabaseSettings.class)))
          .and(DescribedPredicate.not(from(JdbcStorage.Builder.class)))
          .and(DescribedPredicate.not(from(SchemaVersion.class)))
          .and(DescribedPredicate.not(from(SchemaVersion.Probe.class))))
      .because("UnitOfWork.statement writes the held rows before every statement, so no statement path can forget"
          + " to; DatabaseSettings, SchemaVersion and JdbcStorage.Builder check the database once, at start-up,"
          + " outside any transaction");

  /** Violation: a repository calling {@code connection.commit()} or setting a savepoint of its own. */
  @ArchTest
  static final ArchRule onlyDbBeginsAndEndsTransactions = noClasses()
      .should().callMethodWhere(callOnAConnection(Set.of("commit", "rollback", "setSavepoint", "releaseSavepoint",
          "setAutoCommit")).and(DescribedPredicate.not(from(Db.class))))
      .because("Db completes the unit of work before it commits or releases the savepoint, and rolls back on any"
          + " failure");

  /** Violation: {@code if ("23505".equals(e.getSQLState()))} in a repository. */
  @ArchTest
  static final ArchRule onlySqlErrorsReadsSqlStates = noClasses()
      .that().resideInAPackage(ADAPTER).and().doNotBelongToAnyOf(SqlErrors.class)
      .should().callMethod(SQLException.class, "getSQLState")
      .orShould().callMethod(SQLException.class, "getErrorCode")
      .because("SqlErrors is the one place that turns SQLSTATEs into meaning, the same on PostgreSQL and H2");

  /** Violation: a {@code java.util.logging.Logger} in the adapter. */
  @ArchTest
  static final ArchRule theAdapterLogsThroughTheSlf4jApiOnly = noClasses()
      .that().resideInAPackage(ADAPTER)
      .should().dependOnClassesThat().resideInAnyPackage(
          "org.slf4j.simple..", "org.slf4j.impl..", "ch.qos.logback..",
          "org.apache.logging.log4j..", "org.apache.log4j..", "org.apache.commons.logging..",
          "org.jboss.logging..", "java.util.logging..")
      .because("the host chooses the logging implementation");

  private static DescribedPredicate<JavaMethodCall> callOnAConnection(Set<String> methods) {
    return DescribedPredicate.describe("a call of Connection." + methods, call ->
        call.getTargetOwner().isAssignableTo(Connection.class) && methods.contains(call.getName()));
  }

  private static DescribedPredicate<JavaMethodCall> from(Class<?> owner) {
    return DescribedPredicate.describe("from " + owner.getSimpleName(), call -> {
      JavaClass origin = call.getOriginOwner();
      while (origin.getEnclosingClass().isPresent() && !origin.isEquivalentTo(owner)) {
        origin = origin.getEnclosingClass().get();
      }
      return origin.isEquivalentTo(owner);
    });
  }

  private static ArchCondition<JavaCodeUnit> exposeNoJdbcTypeBut(Set<String> allowed) {
    return new ArchCondition<>("take and return no java.sql or javax.sql type but " + allowed) {
      @Override
      public void check(JavaCodeUnit unit, ConditionEvents events) {
        List<JavaClass> types = new ArrayList<>(unit.getRawParameterTypes());
        types.add(unit.getRawReturnType());
        for (JavaClass type : types) {
          JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
          boolean jdbc = base.getPackageName().equals("java.sql") || base.getPackageName().equals("javax.sql");
          if (jdbc && !allowed.contains(base.getName())) {
            events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " exposes " + base.getName()));
          }
        }
      }
    };
  }
}
