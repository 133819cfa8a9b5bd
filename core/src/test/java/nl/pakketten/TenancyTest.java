package nl.pakketten;

import static nl.pakketten.testing.Fixtures.FAR_FUTURE;
import static nl.pakketten.testing.Fixtures.OTHER_PRACTICE;
import static nl.pakketten.testing.Fixtures.OWNER;
import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.RECEPTIONIST;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import nl.pakketten.appointments.Appointment;
import nl.pakketten.appointments.CancelAppointment;
import nl.pakketten.appointments.ChangeAppointmentType;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.DeactivatePackage;
import nl.pakketten.catalog.DeletePackage;
import nl.pakketten.catalog.ProductCode;
import nl.pakketten.catalog.SaveProduct;
import nl.pakketten.catalog.UpdatePackage;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.NotFoundException;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.granting.PaymentResult;
import nl.pakketten.testing.Fixtures;
import nl.pakketten.testing.Pages;
import nl.pakketten.wallet.ExpireCredits;
import org.junit.jupiter.api.Test;

/** A practice never sees or changes another practice's data. */
class TenancyTest {
  private static final Instant NEXT_WEEK = Instant.parse("2026-03-09T09:00:00Z");

  private final Fixtures f = new Fixtures();
  private final CreditPackage basis = f.createPackage("Basis", eur(30));

  TenancyTest() {
    f.linkProduct("P5", basis.id(), 5, eur(150));
    f.linkType("T1", basis.id(), 1);
    f.pay("F-1", PATIENT, InvoiceLine.of("P5", 1, eur(150)));
    f.schedule("A1", PATIENT, "T1");
  }

  @Test
  void anotherPracticeCannotSeeAPackage() {
    assertThat(f.pakketten.findPackage(OTHER_PRACTICE, basis.id())).isEmpty();
    assertThat(f.pakketten.packages(OTHER_PRACTICE)).isEmpty();
  }

  @Test
  void anotherPracticeCannotSeeProductsOrAppointmentTypes() {
    assertThat(f.pakketten.findProduct(OTHER_PRACTICE, ProductCode.of("P5"))).isEmpty();
    assertThat(f.pakketten.findAppointmentType(OTHER_PRACTICE, AppointmentTypeId.of("T1"))).isEmpty();
  }

  @Test
  void anotherPracticeCannotChangeAPackage() {
    assertThatThrownBy(() -> f.pakketten.updatePackage(UpdatePackage.builder().practice(OTHER_PRACTICE).actor(OWNER)
        .packageId(basis.id()).name("Stolen").internalRate(eur(1)).build())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> f.pakketten.deactivatePackage(DeactivatePackage.of(OTHER_PRACTICE, OWNER, basis.id())))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> f.pakketten.deletePackage(DeletePackage.of(OTHER_PRACTICE, OWNER, basis.id())))
        .isInstanceOf(NotFoundException.class);

    assertThat(f.pakketten.findPackage(PRACTICE, basis.id())).contains(basis);
  }

  @Test
  void anotherPracticeMayUseTheSameNameAndId() {
    CreditPackage own = f.createPackage(OTHER_PRACTICE, "Basis", eur(45));

    assertThat(own.id()).isEqualTo(basis.id());
    assertThat(f.pakketten.findPackage(OTHER_PRACTICE, own.id()).orElseThrow().internalRate()).isEqualTo(eur(45));
    assertThat(f.pakketten.findPackage(PRACTICE, basis.id()).orElseThrow().internalRate()).isEqualTo(eur(30));
  }

  @Test
  void anotherPracticeCannotLinkToAPackage() {
    assertThatThrownBy(() -> f.pakketten.saveProduct(SaveProduct.builder().practice(OTHER_PRACTICE).actor(OWNER)
        .code(ProductCode.of("X")).name("X").unitPrice(eur(1)).packageId(basis.id()).build()))
        .isInstanceOf(NotFoundException.class).hasMessageContaining(OTHER_PRACTICE.value());
    assertThatThrownBy(() -> f.linkType(OTHER_PRACTICE, "X", basis.id(), 1)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void anotherPracticeCannotSellAProduct() {
    assertThatThrownBy(() -> f.pakketten.registerPayment(Fixtures.invoice(OTHER_PRACTICE, "F-9", PATIENT,
        InvoiceLine.of("P5", 1, eur(150))))).isInstanceOf(NotFoundException.class);

    assertThat(f.pakketten.lots(OTHER_PRACTICE, PATIENT)).isEmpty();
  }

  @Test
  void anotherPracticeCannotImportIntoAPackage() {
    assertThatThrownBy(() -> f.pakketten.importCredits(Fixtures.importCommand(OTHER_PRACTICE, "I1", PATIENT,
        basis.id(), 3, eur(30), null))).isInstanceOf(NotFoundException.class);

    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(4);
  }

  @Test
  void anotherPracticeSeesNoWalletsLotsOrHistory() {
    assertThat(f.pakketten.balance(OTHER_PRACTICE, PATIENT, basis.id())).isZero();
    assertThat(f.pakketten.wallets(OTHER_PRACTICE, PATIENT)).isEmpty();
    assertThat(f.pakketten.lots(OTHER_PRACTICE, PATIENT)).isEmpty();
    assertThat(Pages.history(f.pakketten, OTHER_PRACTICE, PATIENT)).isEmpty();
  }

  @Test
  void anotherPracticeCannotSpendWithAnotherPracticesType() {
    assertThatThrownBy(() -> f.pakketten.schedule(Fixtures.scheduleCommand(OTHER_PRACTICE, "A9", PATIENT, "T1",
        NEXT_WEEK))).isInstanceOf(NotFoundException.class);

    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(4);
  }

  @Test
  void anotherPracticeCannotSeeCancelOrChangeAnAppointment() {
    AppointmentId a1 = AppointmentId.of("A1");
    assertThat(f.pakketten.findAppointment(OTHER_PRACTICE, a1)).isEmpty();
    assertThatThrownBy(() -> f.pakketten.cancel(CancelAppointment.builder().practice(OTHER_PRACTICE)
        .actor(RECEPTIONIST).appointmentId(a1).build())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> f.pakketten.changeAppointmentType(ChangeAppointmentType.builder()
        .practice(OTHER_PRACTICE).actor(RECEPTIONIST).appointmentId(a1).typeId(AppointmentTypeId.of("T1")).build()))
        .isInstanceOf(NotFoundException.class);

    assertThat(f.pakketten.findAppointment(PRACTICE, a1).orElseThrow().status())
        .isEqualTo(Appointment.Status.SCHEDULED);
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(4);
  }

  @Test
  void theSameAppointmentIdInTwoPracticesIsTwoAppointments() {
    CreditPackage other = f.createPackage(OTHER_PRACTICE, "Basis", eur(30));
    f.linkType(OTHER_PRACTICE, "T1", other.id(), 1);
    f.pakketten.importCredits(Fixtures.importCommand(OTHER_PRACTICE, "I1", PATIENT, other.id(), 3, eur(30), null));

    f.pakketten.schedule(Fixtures.scheduleCommand(OTHER_PRACTICE, "A1", PATIENT, "T1", NEXT_WEEK));

    assertThat(f.pakketten.balance(OTHER_PRACTICE, PATIENT, other.id())).isEqualTo(2);
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(4);
  }

  @Test
  void theSameInvoiceIdInTwoPracticesIsTwoPayments() {
    CreditPackage other = f.createPackage(OTHER_PRACTICE, "Basis", eur(30));
    f.linkProduct(OTHER_PRACTICE, "P5", other.id(), 5, eur(150));

    PaymentResult result = f.pakketten.registerPayment(Fixtures.invoice(OTHER_PRACTICE, "F-1", PATIENT,
        InvoiceLine.of("P5", 2, eur(300))));

    assertThat(result).isInstanceOf(PaymentResult.Granted.class);
    assertThat(f.pakketten.balance(OTHER_PRACTICE, PATIENT, other.id())).isEqualTo(10);
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(4);
  }

  @Test
  void anotherPracticesJournalAndReportsAreSeparate() {
    assertThat(Pages.journal(f.pakketten, OTHER_PRACTICE, Instant.EPOCH, FAR_FUTURE)).isEmpty();
    assertThat(f.pakketten.revenueByLedgerAccount(OTHER_PRACTICE, Instant.EPOCH, FAR_FUTURE)).isEmpty();
    assertThat(f.pakketten.deferredByPackage(OTHER_PRACTICE, FAR_FUTURE)).isEmpty();
    assertThat(f.journal()).isNotEmpty();
  }

  @Test
  void expiryInOnePracticeLeavesTheOtherAlone() {
    f.importCredits("I1", PATIENT, basis.id(), 3, eur(30), LocalDate.of(2026, 3, 1));

    assertThat(f.pakketten.expireCredits(ExpireCredits.of(OTHER_PRACTICE, OWNER, LocalDate.of(2026, 3, 2)))).isZero();
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(7);
  }
}
