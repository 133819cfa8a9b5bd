package nl.pakketten.access;

import static nl.pakketten.testing.Fixtures.OWNER;
import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import nl.pakketten.Pakketten;
import nl.pakketten.appointments.CancelAppointment;
import nl.pakketten.appointments.CancelResult;
import nl.pakketten.appointments.ScheduleAppointment;
import nl.pakketten.appointments.ScheduleResult;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.catalog.CreatePackage;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.DeactivatePackage;
import nl.pakketten.catalog.DeletePackage;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.catalog.ProductCode;
import nl.pakketten.catalog.ReactivatePackage;
import nl.pakketten.catalog.SaveAppointmentType;
import nl.pakketten.catalog.SaveProduct;
import nl.pakketten.catalog.UpdatePackage;
import nl.pakketten.common.Actor;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.Role;
import nl.pakketten.granting.ImportCredits;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.granting.PaymentResult;
import nl.pakketten.granting.RegisterPayment;
import nl.pakketten.inmemory.InMemoryStorage;
import nl.pakketten.testing.Fixtures;
import nl.pakketten.wallet.ExpireCredits;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Who may do what: only the owner sets up packages and imports; payments and scheduling are open. */
class AccessPolicyTest {
  private static final Actor RECEPTIONIST = Fixtures.RECEPTIONIST;

  private final Fixtures f = new Fixtures();
  private final CreditPackage basis = f.createPackage("Basis", eur(30));

  @Test
  void nonOwnerCannotCreateAPackage() {
    f.events.clear();

    assertDenied(() -> f.pakketten.createPackage(CreatePackage.builder().practice(PRACTICE).actor(RECEPTIONIST)
        .name("Extra").internalRate(eur(10)).build()), "manage packages");

    assertThat(f.pakketten.packages(PRACTICE)).extracting(CreditPackage::name).containsExactly("Basis");
  }

  @Test
  void nonOwnerCannotUpdateAPackage() {
    f.events.clear();

    assertDenied(() -> f.pakketten.updatePackage(UpdatePackage.builder().practice(PRACTICE).actor(RECEPTIONIST)
        .packageId(basis.id()).name("Renamed").internalRate(eur(1)).build()), "manage packages");

    assertThat(f.pakketten.findPackage(PRACTICE, basis.id())).contains(basis);
  }

  @Test
  void nonOwnerCannotDeactivateAPackage() {
    f.events.clear();

    assertDenied(() -> f.pakketten.deactivatePackage(DeactivatePackage.of(PRACTICE, RECEPTIONIST, basis.id())), "manage packages");

    assertThat(f.pakketten.findPackage(PRACTICE, basis.id()).orElseThrow().active()).isTrue();
  }

  @Test
  void nonOwnerCannotReactivateAPackage() {
    f.pakketten.deactivatePackage(DeactivatePackage.of(PRACTICE, OWNER, basis.id()));
    f.events.clear();

    assertDenied(() -> f.pakketten.reactivatePackage(ReactivatePackage.of(PRACTICE, RECEPTIONIST, basis.id())), "manage packages");

    assertThat(f.pakketten.findPackage(PRACTICE, basis.id()).orElseThrow().active()).isFalse();
  }

  @Test
  void nonOwnerCannotDeleteAPackage() {
    f.events.clear();

    assertDenied(() -> f.pakketten.deletePackage(DeletePackage.of(PRACTICE, RECEPTIONIST, basis.id())), "manage packages");

    assertThat(f.pakketten.findPackage(PRACTICE, basis.id())).isPresent();
  }

  @Test
  void nonOwnerCannotSaveAProduct() {
    f.events.clear();

    assertDenied(() -> f.pakketten.saveProduct(SaveProduct.builder().practice(PRACTICE).actor(RECEPTIONIST)
        .code(ProductCode.of("P10")).name("Ten").unitPrice(eur(300)).packageId(basis.id()).creditsPerUnit(10)
        .build()), "link products");

    assertThat(f.pakketten.findProduct(PRACTICE, ProductCode.of("P10"))).isEmpty();
  }

  @Test
  void nonOwnerCannotSaveAnAppointmentType() {
    f.events.clear();

    assertDenied(() -> f.pakketten.saveAppointmentType(SaveAppointmentType.builder().practice(PRACTICE)
        .actor(RECEPTIONIST).id(AppointmentTypeId.of("T1")).name("Treatment").packageId(basis.id()).build()),
        "link appointment types");

    assertThat(f.pakketten.findAppointmentType(PRACTICE, AppointmentTypeId.of("T1"))).isEmpty();
  }

  @Test
  void nonOwnerCannotImportCredits() {
    f.events.clear();

    assertDenied(() -> f.pakketten.importCredits(ImportCredits.builder()
        .from(Fixtures.importCommand(PRACTICE, "I1", PATIENT, basis.id(), 5, eur(30), null))
        .actor(RECEPTIONIST).build()), "import credits");

    assertThat(f.balance(PATIENT, basis.id())).isZero();
    assertThat(f.history(PATIENT)).isEmpty();
    assertThat(f.journal()).isEmpty();
  }

  @Test
  void nonOwnerCannotExpireCredits() {
    f.events.clear();

    assertDenied(() -> f.pakketten.expireCredits(ExpireCredits.of(PRACTICE, RECEPTIONIST, f.clock.instant().atZone(f.clock.getZone())
        .toLocalDate())), "expire credits");
  }

  @Test
  void refusalNamesTheUserTheActionAndTheRule() {
    Actor practitioner = Actor.of("dr-jansen", Role.PRACTITIONER);

    assertThatThrownBy(() -> f.pakketten.deletePackage(DeletePackage.of(PRACTICE, practitioner, basis.id())))
        .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
          assertThat(e.actor()).isEqualTo(practitioner);
          assertThat(e.action()).isEqualTo(Action.MANAGE_PACKAGES);
          assertThat(e.action().description()).isEqualTo("manage packages");
        })
        .hasMessageContaining("dr-jansen")
        .hasMessageContaining("PRACTITIONER")
        .hasMessageContaining("manage packages")
        .hasMessageContaining("only the OWNER role");
  }

  @ParameterizedTest
  @EnumSource(value = Role.class, names = {"RECEPTIONIST", "PRACTITIONER", "SYSTEM"})
  void registeringPaymentsIsOpenToOtherRoles(Role role) {
    f.linkProduct("P10", basis.id(), 10, eur(300));

    PaymentResult result = f.pakketten.registerPayment(RegisterPayment.builder().practice(PRACTICE)
        .actor(Actor.of("user", role)).invoiceId(InvoiceId.of("F-1")).patient(PATIENT)
        .addLines(InvoiceLine.of("P10", 1, eur(300))).build());

    assertThat(result).isInstanceOf(PaymentResult.Granted.class);
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(10);
  }

  @ParameterizedTest
  @EnumSource(value = Role.class, names = {"RECEPTIONIST", "PRACTITIONER", "SYSTEM"})
  void schedulingAndCancellingAreOpenToOtherRoles(Role role) {
    f.linkType("T1", basis.id(), 1);
    f.importCredits("I1", PATIENT, basis.id(), 3, eur(30));
    Actor actor = Actor.of("user", role);

    ScheduleResult scheduled = f.pakketten.schedule(ScheduleAppointment.builder()
        .from(Fixtures.scheduleCommand(PRACTICE, "A1", PATIENT, "T1", Instant.parse("2026-04-01T10:00:00Z")))
        .actor(actor).build());
    assertThat(scheduled).isInstanceOf(ScheduleResult.Covered.class);
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(2);

    CancelResult cancelled = f.pakketten.cancel(CancelAppointment.builder().practice(PRACTICE).actor(actor)
        .appointmentId(AppointmentId.of("A1")).build());
    assertThat(cancelled).isInstanceOf(CancelResult.GivenBack.class);
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(3);
  }

  @Test
  void anActorWithoutRolesCannotRegisterAPayment() {
    f.linkProduct("P10", basis.id(), 10, eur(300));
    f.events.clear();

    assertDenied(() -> f.pakketten.registerPayment(RegisterPayment.builder().practice(PRACTICE)
        .actor(Actor.of("anonymous")).invoiceId(InvoiceId.of("F-1")).patient(PATIENT)
        .addLines(InvoiceLine.of("P10", 1, eur(300))).build()), "register payments");

    assertThat(f.balance(PATIENT, basis.id())).isZero();
  }

  @Test
  void aHostMayReplaceThePolicy() {
    AccessPolicy bossOnly = (actor, action) -> actor.userId().value().equals("boss");
    Fixtures host = new Fixtures(InMemoryStorage.create(), Pakketten.builder().accessPolicy(bossOnly));
    CreatePackage byBoss = CreatePackage.builder().practice(PRACTICE).actor(Actor.of("boss"))
        .packageId(PackageId.of("extra")).name("Extra").internalRate(eur(10)).build();

    assertThat(host.pakketten.createPackage(byBoss).name()).isEqualTo("Extra");
    assertThatThrownBy(() -> host.pakketten.createPackage(CreatePackage.builder().from(byBoss).actor(OWNER)
        .packageId(PackageId.of("other")).name("Other").build())).isInstanceOf(AccessDeniedException.class);
  }

  /** Asserts the call is refused naming {@code action} and raised no event. */
  private void assertDenied(ThrowingCallable call, String action) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.action().description()).isEqualTo(action))
        .hasMessageContaining(action);
    assertThat(f.events).isEmpty();
  }
}
