package nl.pakketten;

import static nl.pakketten.testing.Fixtures.OWNER;
import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.RECEPTIONIST;
import static nl.pakketten.testing.Fixtures.START;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import nl.pakketten.appointments.Appointment;
import nl.pakketten.appointments.AppointmentChanged;
import nl.pakketten.appointments.LateCancellationPolicy;
import nl.pakketten.catalog.CatalogEvents;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.DeactivatePackage;
import nl.pakketten.catalog.DeletePackage;
import nl.pakketten.catalog.ProductCode;
import nl.pakketten.catalog.ReactivatePackage;
import nl.pakketten.catalog.UpdatePackage;
import nl.pakketten.common.PakkettenException;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.granting.LotGrant;
import nl.pakketten.inmemory.InMemoryStorage;
import nl.pakketten.spi.Storage;
import nl.pakketten.testing.Fixtures;
import nl.pakketten.wallet.CreditEvents;
import nl.pakketten.wallet.ExpireCredits;
import nl.pakketten.wallet.MovementKind;
import org.junit.jupiter.api.Test;

/** Every change publishes its domain event, after it is stored; a failed call publishes none. */
class EventsTest {
  private final Fixtures f = new Fixtures();
  private final CreditPackage basis = f.createPackage("Basis", eur(30));

  EventsTest() {
    f.linkProduct("P5", basis.id(), 5, eur(150));
    f.linkType("T1", basis.id(), 1);
  }

  @Test
  void creatingAPackagePublishesPackageCreated() {
    f.events.clear();

    CreditPackage plus = f.createPackage("Plus", eur(40));

    assertThat(f.events).singleElement().isEqualTo(
        new CatalogEvents.PackageCreated(PRACTICE, START, OWNER.userId(), plus));
  }

  @Test
  void updatingAPackagePublishesItBeforeAndAfter() {
    f.events.clear();

    CreditPackage after = f.pakketten.updatePackage(UpdatePackage.builder().practice(PRACTICE).actor(OWNER)
        .packageId(basis.id()).name("Basis plus").internalRate(eur(35)).build());

    assertThat(f.events).singleElement().isEqualTo(
        new CatalogEvents.PackageUpdated(PRACTICE, START, OWNER.userId(), basis, after));
  }

  @Test
  void deactivatingAndReactivatingPublishTheirEvents() {
    f.events.clear();

    f.pakketten.deactivatePackage(DeactivatePackage.of(PRACTICE, OWNER, basis.id()));
    f.pakketten.reactivatePackage(ReactivatePackage.of(PRACTICE, OWNER, basis.id()));

    assertThat(f.events).containsExactly(
        new CatalogEvents.PackageDeactivated(PRACTICE, START, OWNER.userId(), basis.id()),
        new CatalogEvents.PackageReactivated(PRACTICE, START, OWNER.userId(), basis.id()));
  }

  @Test
  void deletingAPackagePublishesPackageDeleted() {
    CreditPackage unused = f.createPackage("Unused", eur(1));
    f.events.clear();

    f.pakketten.deletePackage(DeletePackage.of(PRACTICE, OWNER, unused.id()));

    assertThat(f.events).singleElement().isEqualTo(
        new CatalogEvents.PackageDeleted(PRACTICE, START, OWNER.userId(), unused.id()));
  }

  @Test
  void savingAProductPublishesItBeforeAndAfter() {
    var before = f.pakketten.findProduct(PRACTICE, ProductCode.of("P5")).orElseThrow();
    f.events.clear();

    f.linkProduct("P5", basis.id(), 6, eur(180));

    assertThat(f.events).singleElement().isInstanceOfSatisfying(CatalogEvents.ProductSaved.class, e -> {
      assertThat(e.before()).contains(before);
      assertThat(e.after().link().orElseThrow().creditsPerUnit()).isEqualTo(6);
      assertThat(e.actor()).isEqualTo(OWNER.userId());
    });
  }

  @Test
  void savingAnAppointmentTypePublishesAppointmentTypeSaved() {
    f.events.clear();

    f.linkType("T2", basis.id(), 2);

    assertThat(f.events).singleElement().isInstanceOfSatisfying(CatalogEvents.AppointmentTypeSaved.class, e -> {
      assertThat(e.before()).isEmpty();
      assertThat(e.after().link().orElseThrow().creditsPerAppointment()).isEqualTo(2);
    });
  }

  @Test
  void aPaymentPublishesCreditsGrantedPerLot() {
    f.events.clear();

    List<LotGrant> grants = f.pay("F-1", PATIENT, InvoiceLine.of("P5", 1, eur(150)), InvoiceLine.of("P5", 2, eur(300)))
        .grants();

    assertThat(f.events).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(CreditEvents.CreditsGranted.class));
    assertThat(f.events).extracting(e -> ((CreditEvents.CreditEvent) e).movement().lotId())
        .containsExactlyInAnyOrderElementsOf(grants.stream().map(LotGrant::lotId).toList());
    assertThat(f.events).extracting(e -> ((CreditEvents.CreditEvent) e).movement().credits())
        .containsExactlyInAnyOrder(5, 10);
  }

  @Test
  void anImportPublishesCreditsImported() {
    f.events.clear();

    f.importCredits("I1", PATIENT, basis.id(), 3, eur(30));

    assertThat(f.events).singleElement().isInstanceOfSatisfying(CreditEvents.CreditsImported.class, e -> {
      assertThat(e.movement().credits()).isEqualTo(3);
      assertThat(e.practice()).isEqualTo(PRACTICE);
      assertThat(e.actor()).isEqualTo(OWNER.userId());
      assertThat(e.at()).isEqualTo(START);
    });
  }

  @Test
  void schedulingPublishesCreditsSpentAndTheAppointment() {
    f.importCredits("I1", PATIENT, basis.id(), 3, eur(30));
    f.events.clear();

    f.schedule("A1", PATIENT, "T1");

    assertThat(f.events).satisfiesExactly(
        e -> assertThat(e).isInstanceOfSatisfying(CreditEvents.CreditsSpent.class,
            s -> assertThat(s.movement().credits()).isEqualTo(1)),
        e -> assertThat(e).isInstanceOfSatisfying(AppointmentChanged.class, a -> {
          assertThat(a.appointment().status()).isEqualTo(Appointment.Status.SCHEDULED);
          assertThat(a.actor()).isEqualTo(RECEPTIONIST.userId());
        }));
  }

  @Test
  void cancellingPublishesCreditsGivenBackAndTheAppointment() {
    f.importCredits("I1", PATIENT, basis.id(), 3, eur(30));
    f.schedule("A1", PATIENT, "T1");
    f.events.clear();

    f.cancel("A1");

    assertThat(f.events).satisfiesExactly(
        e -> assertThat(e).isInstanceOf(CreditEvents.CreditsGivenBack.class),
        e -> assertThat(e).isInstanceOfSatisfying(AppointmentChanged.class,
            a -> assertThat(a.appointment().status()).isEqualTo(Appointment.Status.CANCELLED)));
  }

  @Test
  void aLateCancellationPublishesCreditsForfeited() {
    Fixtures late = new Fixtures(InMemoryStorage.create(),
        Pakketten.builder().lateCancellationPolicy(LateCancellationPolicy.keepCreditsWithin(Duration.ofDays(30))));
    CreditPackage pkg = late.createPackage("Basis", eur(30));
    late.linkType("T1", pkg.id(), 1);
    late.importCredits("I1", PATIENT, pkg.id(), 3, eur(30));
    late.schedule("A1", PATIENT, "T1");
    late.events.clear();

    late.cancel("A1");

    assertThat(late.events).first().isInstanceOfSatisfying(CreditEvents.CreditsForfeited.class,
        e -> assertThat(e.movement().credits()).isEqualTo(1));
  }

  @Test
  void expiryPublishesCreditsExpired() {
    f.importCredits("I1", PATIENT, basis.id(), 3, eur(30), LocalDate.of(2026, 3, 1));
    f.events.clear();

    f.pakketten.expireCredits(ExpireCredits.of(PRACTICE, OWNER, LocalDate.of(2026, 3, 2)));

    assertThat(f.events).singleElement().isInstanceOfSatisfying(CreditEvents.CreditsExpired.class,
        e -> assertThat(e.movement().credits()).isEqualTo(3));
  }

  @Test
  void creditEventsMatchTheHistory() {
    f.pay("F-1", PATIENT, InvoiceLine.of("P5", 1, eur(150)));
    f.importCredits("I1", PATIENT, basis.id(), 3, eur(30));
    f.schedule("A1", PATIENT, "T1");
    f.schedule("A2", PATIENT, "T1");
    f.cancel("A1");
    f.changeType("A2", "T1");

    assertThat(f.events).filteredOn(CreditEvents.CreditEvent.class::isInstance)
        .extracting(e -> ((CreditEvents.CreditEvent) e).movement())
        .containsExactlyElementsOf(f.history(PATIENT));
  }

  @Test
  void replaysPublishNothing() {
    f.pay("F-1", PATIENT, InvoiceLine.of("P5", 1, eur(150)));
    f.importCredits("I1", PATIENT, basis.id(), 3, eur(30));
    f.schedule("A1", PATIENT, "T1");
    f.cancel("A1");
    f.pakketten.deactivatePackage(DeactivatePackage.of(PRACTICE, OWNER, basis.id()));
    f.events.clear();

    f.pay("F-1", PATIENT, InvoiceLine.of("P5", 1, eur(150)));
    f.importCredits("I1", PATIENT, basis.id(), 3, eur(30));
    f.schedule("A1", PATIENT, "T1");
    f.cancel("A1");
    f.pakketten.deactivatePackage(DeactivatePackage.of(PRACTICE, OWNER, basis.id()));

    assertThat(f.events).isEmpty();
  }

  @Test
  void failedCallsPublishNothing() {
    f.events.clear();

    assertThatThrownBy(() -> f.pay("F-1", PATIENT, InvoiceLine.of("P5", 1, eur(150)), InvoiceLine.of("NOPE", 1, eur(1))))
        .isInstanceOf(PakkettenException.class);
    assertThatThrownBy(() -> f.schedule("A1", PATIENT, "T1")).isInstanceOf(PakkettenException.class);
    assertThatThrownBy(() -> f.createPackage("basis", eur(1))).isInstanceOf(PakkettenException.class);
    assertThatThrownBy(() -> f.pakketten.deletePackage(DeletePackage.of(PRACTICE, OWNER, basis.id())))
        .isInstanceOf(PakkettenException.class);

    assertThat(f.events).isEmpty();
  }

  @Test
  void eventsArePublishedOnlyOnceTheChangeIsCommitted() {
    Storage storage = InMemoryStorage.create();
    Fixtures setUp = new Fixtures(storage);
    CreditPackage pkg = setUp.createPackage("Basis", eur(30));
    List<Integer> balancesSeen = new ArrayList<>();
    Pakketten observed = Pakketten.builder().storage(storage).clock(setUp.clock).eventPublisher(event -> {
      if (event instanceof CreditEvents.CreditsImported) {
        // Read from another thread: it only gets through once the transaction has ended.
        balancesSeen.add(balanceSeenByAnotherThread(() -> setUp.balance(PATIENT, pkg.id())));
      }
    }).build();

    observed.importCredits(Fixtures.importCommand(PRACTICE, "I1", PATIENT, pkg.id(), 3, eur(30), null));

    assertThat(balancesSeen).containsExactly(3);
  }

  @Test
  void aFailingPublisherDoesNotUndoTheChange() {
    Storage storage = InMemoryStorage.create();
    Pakketten throwing = Pakketten.builder().storage(storage).eventPublisher(event -> {
      throw new IllegalStateException("host is down");
    }).build();
    Fixtures setUp = new Fixtures(storage);
    CreditPackage pkg = setUp.createPackage("Basis", eur(30));

    throwing.importCredits(Fixtures.importCommand(PRACTICE, "I1", PATIENT, pkg.id(), 3, eur(30), null));

    assertThat(setUp.balance(PATIENT, pkg.id())).isEqualTo(3);
  }

  @Test
  void eachCreditEventNamesItsMovementKind() {
    f.importCredits("I1", PATIENT, basis.id(), 3, eur(30));
    f.schedule("A1", PATIENT, "T1");
    f.cancel("A1");

    assertThat(f.events).filteredOn(CreditEvents.CreditEvent.class::isInstance)
        .extracting(e -> ((CreditEvents.CreditEvent) e).movement().kind())
        .containsExactly(MovementKind.IMPORTED, MovementKind.SPENT, MovementKind.GIVEN_BACK);
  }

  /** What {@code read} returns on another thread, or -1 when it stays blocked (a transaction still open). */
  private static int balanceSeenByAnotherThread(Supplier<Integer> read) {
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try {
      return thread.submit(read::get).get(2, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      return -1;
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException(e);
    } finally {
      thread.shutdownNow();
    }
  }
}
