package nl.pakketten.catalog;

import static nl.pakketten.testing.Fixtures.OWNER;
import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import nl.pakketten.appointments.CancelResult;
import nl.pakketten.common.FieldViolation;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.NotFoundException;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.granting.PaymentResult;
import nl.pakketten.testing.Fixtures;
import nl.pakketten.wallet.Lot;
import org.junit.jupiter.api.Test;

/** Products and appointment types linked to packages; changing a link never rewrites the past. */
class LinksTest {
  private final Fixtures f = new Fixtures();
  private final CreditPackage basis = f.createPackage("Basis", eur(30));

  private static SaveProduct.Builder product(String code) {
    return SaveProduct.builder().practice(PRACTICE).actor(OWNER).code(ProductCode.of(code)).name("Product " + code)
        .unitPrice(eur(300));
  }

  private static SaveAppointmentType.Builder type(String id) {
    return SaveAppointmentType.builder().practice(PRACTICE).actor(OWNER).id(AppointmentTypeId.of(id))
        .name("Type " + id);
  }

  @Test
  void productLinksToAPackageWithCreditsPerUnit() {
    f.pakketten.saveProduct(product("P10").packageId(basis.id()).creditsPerUnit(10).build());

    assertThat(f.pakketten.findProduct(PRACTICE, ProductCode.of("P10")).orElseThrow().link())
        .contains(new ProductLink(basis.id(), 10));
  }

  @Test
  void aLinkedProductMustBePricedInItsPackagesCurrency() {
    org.joda.money.Money dollars = org.joda.money.Money.of(org.joda.money.CurrencyUnit.USD, 300);

    assertThatThrownBy(() -> f.pakketten.saveProduct(product("P10").unitPrice(dollars).packageId(basis.id())
        .creditsPerUnit(10).build()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .singleElement().satisfies(v -> {
              assertThat(v.field()).isEqualTo("unitPrice");
              assertThat(v.message()).contains("EUR");
            }));
    assertThat(f.pakketten.findProduct(PRACTICE, ProductCode.of("P10"))).isEmpty();
  }

  @Test
  void productCreditsPerUnitBelowOneIsRefused() {
    assertThatThrownBy(() -> f.pakketten.saveProduct(product("P10").packageId(basis.id()).creditsPerUnit(0)
        .build()))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("creditsPerUnit"));
    assertThat(f.pakketten.findProduct(PRACTICE, ProductCode.of("P10"))).isEmpty();
  }

  @Test
  void productWithoutPackageIsUnlinked() {
    f.pakketten.saveProduct(product("CONSULT").build());

    assertThat(f.pakketten.findProduct(PRACTICE, ProductCode.of("CONSULT")).orElseThrow().link())
        .isEmpty();
  }

  @Test
  void appointmentTypeCostsOneCreditUnlessToldOtherwise() {
    f.pakketten.saveAppointmentType(type("T1").packageId(basis.id()).build());

    assertThat(f.pakketten.findAppointmentType(PRACTICE, AppointmentTypeId.of("T1")).orElseThrow()
        .link()).contains(new AppointmentTypeLink(basis.id(), 1));
  }

  @Test
  void appointmentTypeCreditsBelowOneAreRefused() {
    assertThatThrownBy(() -> f.pakketten.saveAppointmentType(type("T1").packageId(basis.id())
        .creditsPerAppointment(0).build()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(FieldViolation::field).containsExactly("creditsPerAppointment"));
    assertThat(f.pakketten.findAppointmentType(PRACTICE, AppointmentTypeId.of("T1"))).isEmpty();
  }

  @Test
  void linkToAnUnknownPackageIsRefused() {
    assertThatThrownBy(() -> f.pakketten.saveProduct(product("P10").packageId(PackageId.of("nope")).build()))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.id()).isEqualTo("nope"));
    assertThatThrownBy(() -> f.pakketten.saveAppointmentType(type("T1").packageId(PackageId.of("nope")).build()))
        .isInstanceOf(NotFoundException.class);
    assertThat(f.pakketten.findProduct(PRACTICE, ProductCode.of("P10"))).isEmpty();
  }

  @Test
  void changingCreditsPerUnitLeavesGrantedLotsAlone() {
    f.linkProduct("P10", basis.id(), 10, eur(300));
    f.pay("F-1", PATIENT, InvoiceLine.of("P10", 1, eur(300)));

    f.linkProduct("P10", basis.id(), 12, eur(300));

    assertThat(f.lots(PATIENT)).singleElement().extracting(Lot::creditsGranted).isEqualTo(10);
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(10);
  }

  @Test
  void changingCreditsPerUnitAppliesToLaterPayments() {
    f.linkProduct("P10", basis.id(), 10, eur(300));
    f.linkProduct("P10", basis.id(), 12, eur(300));

    assertThat(f.pay("F-1", PATIENT, InvoiceLine.of("P10", 1, eur(300))).credits()).isEqualTo(12);
  }

  @Test
  void replayOfAPaymentAfterALinkChangeGrantsNothingNew() {
    f.linkProduct("P10", basis.id(), 10, eur(300));
    PaymentResult first = f.pay("F-1", PATIENT, InvoiceLine.of("P10", 1, eur(300)));
    f.linkProduct("P10", basis.id(), 12, eur(300));

    PaymentResult replay = f.pay("F-1", PATIENT, InvoiceLine.of("P10", 1, eur(300)));

    assertThat(replay).isInstanceOf(PaymentResult.AlreadyGranted.class);
    assertThat(replay.grants()).isEqualTo(first.grants());
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(10);
  }

  @Test
  void unlinkingAProductMakesLaterPaymentsGrantNothing() {
    f.linkProduct("P10", basis.id(), 10, eur(300));
    f.linkProduct("P10", null, 1, eur(300));

    assertThat(f.pay("F-1", PATIENT, InvoiceLine.of("P10", 1, eur(300))).grants()).isEmpty();
    assertThat(f.balance(PATIENT, basis.id())).isZero();
  }

  @Test
  void changingATypesCostLeavesSpentCreditsAlone() {
    f.linkType("T1", basis.id(), 1);
    f.importCredits("I1", PATIENT, basis.id(), 10, eur(30));
    f.schedule("A1", PATIENT, "T1");

    f.linkType("T1", basis.id(), 3);

    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(9);
    assertThat(f.pakketten.findAppointment(PRACTICE, nl.pakketten.common.AppointmentId.of("A1"))
        .orElseThrow().creditsTaken()).isEqualTo(1);
  }

  @Test
  void cancelGivesBackWhatWasTakenNotTheTypesNewCost() {
    f.linkType("T1", basis.id(), 1);
    f.importCredits("I1", PATIENT, basis.id(), 10, eur(30));
    f.schedule("A1", PATIENT, "T1");
    f.linkType("T1", basis.id(), 3);

    CancelResult result = f.cancel("A1");

    assertThat(result).isInstanceOfSatisfying(CancelResult.GivenBack.class,
        g -> assertThat(g.credits()).isEqualTo(1));
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(10);
  }

  @Test
  void cancelAfterUnlinkingTheTypeStillGivesTheCreditsBack() {
    f.linkType("T1", basis.id(), 2);
    f.importCredits("I1", PATIENT, basis.id(), 10, eur(30));
    f.schedule("A1", PATIENT, "T1");
    f.linkType("T1", null, 1);

    f.cancel("A1");

    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(10);
  }

  @Test
  void cancelAfterRelinkingTheTypeToAnotherPackageGivesBackToTheOriginalLots() {
    CreditPackage plus = f.createPackage("Plus", eur(40));
    f.linkType("T1", basis.id(), 1);
    f.importCredits("I1", PATIENT, basis.id(), 10, eur(30));
    f.importCredits("I2", PATIENT, plus.id(), 10, eur(40));
    f.schedule("A1", PATIENT, "T1");
    f.pakketten.saveAppointmentType(type("T1").packageId(Optional.of(plus.id())).build());

    f.cancel("A1");

    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(10);
    assertThat(f.balance(PATIENT, plus.id())).isEqualTo(10);
  }
}
