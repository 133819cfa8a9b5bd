package nl.pakketten.export;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module's surface is its entry point and its result; it reads the journal only through the
 * core's API ({@code Pakketten.readJournal}), never its internals, an adapter or JDBC.
 */
@AnalyzeClasses(packages = "nl.pakketten.export", importOptions = ImportOption.DoNotIncludeTests.class)
class ExportArchitectureTest {
  @ArchTest
  static final ArchRule onlyTheEntryPointAndItsResultArePublic = classes()
      .that().resideInAPackage("nl.pakketten.export")
      .and().arePublic()
      .should().haveFullyQualifiedName(JournalExport.class.getName())
      .orShould().haveFullyQualifiedName(ExportTotals.class.getName());

  @ArchTest
  static final ArchRule theModuleUsesNoInternalsAdaptersOrJdbc = noClasses()
      .that().resideInAPackage("nl.pakketten.export..")
      .should().dependOnClassesThat().resideInAnyPackage("nl.pakketten.internal..", "nl.pakketten.jdbc..",
          "nl.pakketten.inmemory..", "nl.pakketten.spi..", "java.sql..");
}
