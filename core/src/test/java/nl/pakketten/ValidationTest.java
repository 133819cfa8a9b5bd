package nl.pakketten;

import static nl.pakketten.testing.Fixtures.OWNER;
import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.RECEPTIONIST;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.pakketten.appointments.ScheduleAppointment;
import nl.pakketten.catalog.CreatePackage;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.catalog.ProductCode;
import nl.pakketten.catalog.SaveProduct;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.FieldViolation;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.PatientId;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.granting.RegisterPayment;
import nl.pakketten.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** Bad input gets one clear error naming every failing field, and changes nothing. */
class ValidationTest {
  private final Fixtures f = new Fixtures();
  private final CreditPackage basis = f.createPackage("Basis", eur(30));

  ValidationTest() {
    f.linkProduct("P5", basis.id(), 5, eur(150));
    f.events.clear();
  }

  @Test
  void invoiceLineProblemsAreReportedPerLineAtOnce() {
    RegisterPayment invoice = Fixtures.invoice(PRACTICE, "F-1", PATIENT, InvoiceLine.of("P5", 0, eur(150)),
        InvoiceLine.of("P5", 1, eur(-1)));

    assertThatThrownBy(() -> f.pakketten.registerPayment(invoice))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(FieldViolation::field).containsExactly("lines[0].quantity", "lines[1].amount"));
    assertThat(f.lots(PATIENT)).isEmpty();
    assertThat(f.events).isEmpty();
  }

  @Test
  void anInvoiceWithoutLinesIsRefused() {
    RegisterPayment invoice = RegisterPayment.builder().practice(PRACTICE).actor(RECEPTIONIST)
        .invoiceId(InvoiceId.of("F-1")).patient(PATIENT).build();

    assertThatThrownBy(() -> f.pakketten.registerPayment(invoice))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("lines"));
  }

  @Test
  void everyMissingFieldOfACommandIsNamed() {
    ScheduleAppointment empty = ScheduleAppointment.builder().practice(PRACTICE).actor(RECEPTIONIST)
        .appointmentId(AppointmentId.of("A1")).build();

    assertThatThrownBy(() -> f.pakketten.schedule(empty))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(FieldViolation::field).containsExactly("patient", "start", "typeId"));
  }

  @Test
  void aCommandWithoutAnActorIsRefused() {
    assertThatThrownBy(() -> f.pakketten.createPackage(CreatePackage.builder().practice(PRACTICE).name("Plus")
        .internalRate(eur(1)).build()))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("actor"));
    assertThat(f.pakketten.packages(PRACTICE)).hasSize(1);
  }

  @Test
  void theMessageNamesTheFieldTheProblemAndTheValue() {
    assertThatThrownBy(() -> f.pakketten.createPackage(CreatePackage.builder().practice(PRACTICE).actor(OWNER)
        .name("Plus").internalRate(eur("-2.50")).build()))
        .hasMessageContaining("internalRate")
        .hasMessageContaining("must not be negative")
        .hasMessageContaining("-2.50");
  }

  @Test
  void aNameLongerThan200CharactersIsRefused() {
    assertThatThrownBy(() -> f.pakketten.createPackage(CreatePackage.builder().practice(PRACTICE).actor(OWNER)
        .name("x".repeat(201)).internalRate(eur(1)).build()))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("name"));
  }

  @Test
  void aNegativeUnitPriceIsRefused() {
    assertThatThrownBy(() -> f.pakketten.saveProduct(SaveProduct.builder().practice(PRACTICE).actor(OWNER)
        .code(ProductCode.of("NEG")).name("Negative").unitPrice(eur(-1)).build()))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("unitPrice"));
    assertThat(f.pakketten.findProduct(PRACTICE, ProductCode.of("NEG"))).isEmpty();
  }

  @Test
  void blankIdentifiersAreRefusedNamingTheirField() {
    assertThatThrownBy(() -> PackageId.of("  "))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("packageId"));
    assertThatThrownBy(() -> PatientId.of(null)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("patientId");
  }

  @Test
  void identifiersAreTrimmedAndLimitedInLength() {
    assertThat(PatientId.of(" patient-1 ")).isEqualTo(PATIENT);
    assertThatThrownBy(() -> PatientId.of("p".repeat(65))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at most 64");
  }

  @Test
  void invalidInputChangesNothing() {
    assertThatThrownBy(() -> f.pakketten.importCredits(nl.pakketten.granting.ImportCredits.builder()
        .from(Fixtures.importCommand(PRACTICE, "I1", PATIENT, basis.id(), 0, eur(30), null)).reason("").build()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(FieldViolation::field).containsExactly("credits", "reason"));

    assertThat(f.balance(PATIENT, basis.id())).isZero();
    assertThat(f.history(PATIENT)).isEmpty();
    assertThat(f.events).isEmpty();
  }
}
