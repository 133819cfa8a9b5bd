package nl.pakketten.catalog;

import static nl.pakketten.testing.Fixtures.OWNER;
import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.pakketten.appointments.ScheduleResult;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.granting.PaymentResult;
import nl.pakketten.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** A deactivated package grants no new credits; what it granted before can still be spent. */
class DeactivationTest {
  private final Fixtures f = new Fixtures();
  private final CreditPackage basis = f.createPackage("Basis", eur(30));
  private final CreditPackage plus = f.createPackage("Plus", eur(40));

  DeactivationTest() {
    f.linkProduct("P10", basis.id(), 10, eur(300));
    f.linkProduct("PLUS", plus.id(), 5, eur(200));
    f.linkType("T1", basis.id(), 1);
  }

  @Test
  void deactivatingMarksThePackageInactive() {
    f.pakketten.deactivatePackage(DeactivatePackage.of(PRACTICE, OWNER, basis.id()));

    assertThat(f.pakketten.findPackage(PRACTICE, basis.id()).orElseThrow().active()).isFalse();
  }

  @Test
  void deactivatedPackageRefusesPaymentsOfItsProduct() {
    f.pakketten.deactivatePackage(DeactivatePackage.of(PRACTICE, OWNER, basis.id()));

    assertThatThrownBy(() -> f.pay("F-1", PATIENT, InvoiceLine.of("P10", 1, eur(300))))
        .isInstanceOfSatisfying(PackageDeactivatedException.class,
            e -> assertThat(e.packageId()).isEqualTo(basis.id()))
        .hasMessageContaining("Basis").hasMessageContaining("deactivated").hasMessageContaining("F-1");
    assertThat(f.balance(PATIENT, basis.id())).isZero();
    assertThat(f.lots(PATIENT)).isEmpty();
  }

  @Test
  void deactivatedPackageFailsTheWholeInvoiceIncludingLinesOfOtherPackages() {
    f.pakketten.deactivatePackage(DeactivatePackage.of(PRACTICE, OWNER, basis.id()));

    assertThatThrownBy(() -> f.pay("F-1", PATIENT, InvoiceLine.of("PLUS", 1, eur(200)),
        InvoiceLine.of("P10", 1, eur(300)))).isInstanceOf(PackageDeactivatedException.class);

    assertThat(f.balance(PATIENT, plus.id())).isZero();
    assertThat(f.lots(PATIENT)).isEmpty();
    assertThat(f.history(PATIENT)).isEmpty();
  }

  @Test
  void deactivatedPackageRefusesImports() {
    f.pakketten.deactivatePackage(DeactivatePackage.of(PRACTICE, OWNER, basis.id()));

    assertThatThrownBy(() -> f.importCredits("I1", PATIENT, basis.id(), 5, eur(30)))
        .isInstanceOfSatisfying(PackageDeactivatedException.class,
            e -> assertThat(e.packageId()).isEqualTo(basis.id()))
        .hasMessageContaining("import credits");
    assertThat(f.balance(PATIENT, basis.id())).isZero();
  }

  @Test
  void creditsOfADeactivatedPackageCanStillBeSpent() {
    f.pay("F-1", PATIENT, InvoiceLine.of("P10", 1, eur(300)));
    f.pakketten.deactivatePackage(DeactivatePackage.of(PRACTICE, OWNER, basis.id()));

    assertThat(f.schedule("A1", PATIENT, "T1")).isInstanceOf(ScheduleResult.Covered.class);
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(9);
  }

  @Test
  void aRefusedPaymentCanBeRegisteredOnceThePackageIsReactivated() {
    f.pakketten.deactivatePackage(DeactivatePackage.of(PRACTICE, OWNER, basis.id()));
    assertThatThrownBy(() -> f.pay("F-1", PATIENT, InvoiceLine.of("P10", 1, eur(300))))
        .isInstanceOf(PackageDeactivatedException.class);

    f.pakketten.reactivatePackage(ReactivatePackage.of(PRACTICE, OWNER, basis.id()));

    assertThat(f.pakketten.findPackage(PRACTICE, basis.id()).orElseThrow().active()).isTrue();
    assertThat(f.pay("F-1", PATIENT, InvoiceLine.of("P10", 1, eur(300)))).isInstanceOf(PaymentResult.Granted.class);
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(10);
  }

  @Test
  void reactivatedPackageAcceptsImportsAgain() {
    f.pakketten.deactivatePackage(DeactivatePackage.of(PRACTICE, OWNER, basis.id()));
    f.pakketten.reactivatePackage(ReactivatePackage.of(PRACTICE, OWNER, basis.id()));

    f.importCredits("I1", PATIENT, basis.id(), 5, eur(30));

    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(5);
  }

  @Test
  void deactivatingTwiceChangesNothingTheSecondTime() {
    CreditPackage first = f.pakketten.deactivatePackage(DeactivatePackage.of(PRACTICE, OWNER, basis.id()));
    f.events.clear();
    f.clock.advance(java.time.Duration.ofMinutes(5));

    CreditPackage second = f.pakketten.deactivatePackage(DeactivatePackage.of(PRACTICE, OWNER, basis.id()));

    assertThat(second).isEqualTo(first);
    assertThat(f.events).isEmpty();
  }
}
