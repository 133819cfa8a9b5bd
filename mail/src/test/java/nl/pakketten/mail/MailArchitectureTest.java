package nl.pakketten.mail;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module's surface is its entry point: everything else stays package-private. */
@AnalyzeClasses(packages = "nl.pakketten.mail", importOptions = ImportOption.DoNotIncludeTests.class)
class MailArchitectureTest {
  @ArchTest
  static final ArchRule onlyTheEntryPointIsPublic = classes()
      .that().resideInAPackage("nl.pakketten.mail")
      .and().arePublic()
      .should().haveFullyQualifiedName(PakkettenMail.class.getName())
      .orShould().haveFullyQualifiedName(PakkettenMail.Builder.class.getName());

  @ArchTest
  static final ArchRule theModuleUsesNoInternalsOfTheCore = noClasses()
      .that().resideInAPackage("nl.pakketten.mail..")
      .should().dependOnClassesThat().resideInAPackage("nl.pakketten.internal..");
}
