package nl.pakketten.catalog;

import static nl.pakketten.testing.Fixtures.OWNER;
import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.START;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.pakketten.common.ConflictException;
import nl.pakketten.common.FieldViolation;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.NotFoundException;
import nl.pakketten.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** Creating, updating and deleting packages. */
class PackageCatalogTest {
  private final Fixtures f = new Fixtures();

  private static CreatePackage.Builder create(String name) {
    return CreatePackage.builder().practice(PRACTICE).actor(OWNER).name(name).internalRate(eur(30));
  }

  private static UpdatePackage.Builder update(PackageId id, String name) {
    return UpdatePackage.builder().practice(PRACTICE).actor(OWNER).packageId(id).name(name).internalRate(eur(30));
  }

  @Test
  void ownerCreatesAPackageWithItsRateAndAccounts() {
    CreditPackage created = f.pakketten.createPackage(create("Fysio 10").internalRate(eur("32.50"))
        .ledgerAccount(LedgerAccount.of("8010")).balanceSheetItem(BalanceSheetItem.of("1710")).build());

    assertThat(f.pakketten.findPackage(PRACTICE, created.id())).hasValueSatisfying(p -> {
      assertThat(p.name()).isEqualTo("Fysio 10");
      assertThat(p.internalRate()).isEqualTo(eur("32.50"));
      assertThat(p.ledgerAccount()).contains(LedgerAccount.of("8010"));
      assertThat(p.balanceSheetItem()).contains(BalanceSheetItem.of("1710"));
      assertThat(p.active()).isTrue();
      assertThat(p.changedAt()).isEqualTo(START);
      assertThat(p.changedBy()).isEqualTo(OWNER.userId());
    });
  }

  @Test
  void creatingAgainWithTheSameIdAndContentAnswersWithTheStoredPackageAndChangesNothing() {
    CreditPackage first = f.pakketten.createPackage(create("Basis").packageId(PackageId.of("basis")).build());
    int events = f.events.size();

    CreditPackage again = f.pakketten.createPackage(create("Basis").packageId(PackageId.of("basis")).build());

    assertThat(again).isEqualTo(first);
    assertThat(f.events).hasSize(events);
    assertThat(f.pakketten.packages(PRACTICE)).containsExactly(first);
  }

  @Test
  void creatingAgainWithTheSameIdAndOtherContentIsAConflict() {
    f.pakketten.createPackage(create("Basis").packageId(PackageId.of("basis")).build());

    assertThatThrownBy(() -> f.pakketten.createPackage(create("Basis").packageId(PackageId.of("basis"))
        .internalRate(eur(31)).build()))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.key()).isEqualTo("basis"));
    assertThat(f.pakketten.findPackage(PRACTICE, PackageId.of("basis")).orElseThrow().internalRate())
        .isEqualTo(eur(30));
  }

  @Test
  void accountsAreOptional() {
    CreditPackage created = f.pakketten.createPackage(create("Basis").build());

    assertThat(created.ledgerAccount()).isEmpty();
    assertThat(created.balanceSheetItem()).isEmpty();
  }

  @Test
  void nameIsTrimmed() {
    CreditPackage created = f.pakketten.createPackage(create("  Basis \t").build());

    assertThat(created.name()).isEqualTo("Basis");
  }

  @Test
  void blankNameIsRefused() {
    assertThatThrownBy(() -> f.pakketten.createPackage(create("   ").build()))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("name"))
        .hasMessageContaining("name");
    assertThat(f.pakketten.packages(PRACTICE)).isEmpty();
  }

  @Test
  void missingRateIsRefused() {
    assertThatThrownBy(() -> f.pakketten.createPackage(CreatePackage.builder().practice(PRACTICE).actor(OWNER)
        .name("Basis").build()))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("internalRate"));
  }

  @Test
  void negativeRateIsRefused() {
    assertThatThrownBy(() -> f.pakketten.createPackage(create("Basis").internalRate(eur("-0.01")).build()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(FieldViolation::field, FieldViolation::message)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("internalRate", "must not be negative")));
    assertThat(f.pakketten.packages(PRACTICE)).isEmpty();
  }

  @Test
  void zeroRateIsAllowed() {
    assertThat(f.pakketten.createPackage(create("Gratis").internalRate(eur(0)).build()).internalRate())
        .isEqualTo(eur(0));
  }

  @Test
  void everyFailingFieldIsReportedAtOnce() {
    assertThatThrownBy(() -> f.pakketten.createPackage(CreatePackage.builder().actor(OWNER).name("")
        .internalRate(eur(-5)).build()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(FieldViolation::field).containsExactlyInAnyOrder("practice", "name", "internalRate"));
  }

  @Test
  void nameMustBeUniqueInThePracticeIgnoringCase() {
    f.createPackage("Basis", eur(30));

    assertThatThrownBy(() -> f.pakketten.createPackage(create(" BASIS ").build()))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.key()).isEqualTo("BASIS"))
        .hasMessageContaining("already exists");
    assertThat(f.pakketten.packages(PRACTICE)).hasSize(1);
  }

  @Test
  void updateReplacesNameRateAndAccounts() {
    CreditPackage basis = f.createPackage("Basis", eur(30));
    f.clock.advance(java.time.Duration.ofHours(1));

    f.pakketten.updatePackage(update(basis.id(), " Basis plus ").internalRate(eur(35))
        .ledgerAccount(LedgerAccount.of("8020")).balanceSheetItem(BalanceSheetItem.of("1720")).build());

    assertThat(f.pakketten.findPackage(PRACTICE, basis.id())).hasValueSatisfying(p -> {
      assertThat(p.name()).isEqualTo("Basis plus");
      assertThat(p.internalRate()).isEqualTo(eur(35));
      assertThat(p.ledgerAccount()).contains(LedgerAccount.of("8020"));
      assertThat(p.balanceSheetItem()).contains(BalanceSheetItem.of("1720"));
      assertThat(p.changedAt()).isEqualTo(START.plusSeconds(3600));
    });
  }

  @Test
  void updateCannotTakeAnotherPackagesName() {
    f.createPackage("Basis", eur(30));
    CreditPackage plus = f.createPackage("Plus", eur(40));

    assertThatThrownBy(() -> f.pakketten.updatePackage(update(plus.id(), "basis").build()))
        .isInstanceOf(ConflictException.class);
    assertThat(f.pakketten.findPackage(PRACTICE, plus.id()).orElseThrow().name()).isEqualTo("Plus");
  }

  @Test
  void updateMayChangeTheCaseOfItsOwnName() {
    CreditPackage basis = f.createPackage("Basis", eur(30));

    assertThat(f.pakketten.updatePackage(update(basis.id(), "BASIS").build()).name()).isEqualTo("BASIS");
  }

  @Test
  void updateRefusesANegativeRate() {
    CreditPackage basis = f.createPackage("Basis", eur(30));

    assertThatThrownBy(() -> f.pakketten.updatePackage(update(basis.id(), "Basis").internalRate(eur(-1)).build()))
        .isInstanceOf(InvalidInputException.class);
    assertThat(f.pakketten.findPackage(PRACTICE, basis.id()).orElseThrow().internalRate()).isEqualTo(eur(30));
  }

  @Test
  void updateCannotChangeThePackagesCurrency() {
    CreditPackage basis = f.createPackage("Basis", eur(30));

    assertThatThrownBy(() -> f.pakketten.updatePackage(update(basis.id(), "Basis")
        .internalRate(org.joda.money.Money.of(org.joda.money.CurrencyUnit.USD, 30)).build()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("EUR");
    assertThat(f.pakketten.findPackage(PRACTICE, basis.id()).orElseThrow().internalRate()).isEqualTo(eur(30));
  }

  @Test
  void updateOfAnUnknownPackageIsNotFound() {
    assertThatThrownBy(() -> f.pakketten.updatePackage(update(PackageId.of("nope"), "Nope").build()))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.kind()).isEqualTo("package");
          assertThat(e.id()).isEqualTo("nope");
        });
  }

  @Test
  void ownerDeletesAnUnusedPackage() {
    CreditPackage basis = f.createPackage("Basis", eur(30));

    f.pakketten.deletePackage(DeletePackage.of(PRACTICE, OWNER, basis.id()));

    assertThat(f.pakketten.findPackage(PRACTICE, basis.id())).isEmpty();
  }

  @Test
  void aDeletedPackagesNameIsFreeAgain() {
    CreditPackage basis = f.createPackage("Basis", eur(30));
    f.pakketten.deletePackage(DeletePackage.of(PRACTICE, OWNER, basis.id()));

    assertThat(f.pakketten.createPackage(create("Basis").build()).name()).isEqualTo("Basis");
  }

  @Test
  void ownerCannotDeleteAPackageLinkedToAProduct() {
    CreditPackage basis = f.createPackage("Basis", eur(30));
    f.linkProduct("P10", basis.id(), 10, eur(300));

    assertThatThrownBy(() -> f.pakketten.deletePackage(DeletePackage.of(PRACTICE, OWNER, basis.id())))
        .isInstanceOfSatisfying(PackageInUseException.class, e -> {
          assertThat(e.packageId()).isEqualTo(basis.id());
          assertThat(e.referrers()).containsExactly("product 'P10'");
        })
        .hasMessageContaining("product 'P10'");
    assertThat(f.pakketten.findPackage(PRACTICE, basis.id())).isPresent();
  }

  @Test
  void ownerCannotDeleteAPackageLinkedToAnAppointmentType() {
    CreditPackage basis = f.createPackage("Basis", eur(30));
    f.linkType("T1", basis.id(), 1);

    assertThatThrownBy(() -> f.pakketten.deletePackage(DeletePackage.of(PRACTICE, OWNER, basis.id())))
        .isInstanceOfSatisfying(PackageInUseException.class,
            e -> assertThat(e.referrers()).containsExactly("appointment type 'T1'"))
        .hasMessageContaining("appointment type 'T1'");
    assertThat(f.pakketten.findPackage(PRACTICE, basis.id())).isPresent();
  }

  @Test
  void ownerCannotDeleteAPackageThatLotsReferTo() {
    CreditPackage basis = f.createPackage("Basis", eur(30));
    f.importCredits("I1", PATIENT, basis.id(), 5, eur(30));

    assertThatThrownBy(() -> f.pakketten.deletePackage(DeletePackage.of(PRACTICE, OWNER, basis.id())))
        .isInstanceOfSatisfying(PackageInUseException.class,
            e -> assertThat(e.referrers()).containsExactly("1 lot of credits"))
        .hasMessageContaining("1 lot");
    assertThat(f.pakketten.findPackage(PRACTICE, basis.id())).isPresent();
  }

  @Test
  void ownerCannotDeleteAPackageInUseAndIsToldEverythingThatRefersToIt() {
    CreditPackage basis = f.createPackage("Basis", eur(30));
    f.linkProduct("P10", basis.id(), 10, eur(300));
    f.linkProduct("P5", basis.id(), 5, eur(150));
    f.linkType("T1", basis.id(), 1);
    f.importCredits("I1", PATIENT, basis.id(), 5, eur(30));
    f.importCredits("I2", PATIENT, basis.id(), 5, eur(30));

    assertThatThrownBy(() -> f.pakketten.deletePackage(DeletePackage.of(PRACTICE, OWNER, basis.id())))
        .isInstanceOfSatisfying(PackageInUseException.class, e -> assertThat(e.referrers())
            .containsExactly("product 'P10'", "product 'P5'", "appointment type 'T1'", "2 lots of credits"));
  }

  @Test
  void aPackageWhoseLinksWereRemovedCanBeDeleted() {
    CreditPackage basis = f.createPackage("Basis", eur(30));
    f.linkProduct("P10", basis.id(), 10, eur(300));
    f.linkProduct("P10", null, 1, eur(300));

    f.pakketten.deletePackage(DeletePackage.of(PRACTICE, OWNER, basis.id()));

    assertThat(f.pakketten.findPackage(PRACTICE, basis.id())).isEmpty();
  }

  @Test
  void deleteOfAnUnknownPackageIsNotFound() {
    assertThatThrownBy(() -> f.pakketten.deletePackage(DeletePackage.of(PRACTICE, OWNER, PackageId.of("nope"))))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("nope");
  }
}
