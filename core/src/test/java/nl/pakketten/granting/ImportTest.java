package nl.pakketten.granting;

import static nl.pakketten.testing.Fixtures.OWNER;
import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.ConflictException;
import nl.pakketten.common.FieldViolation;
import nl.pakketten.common.ImportId;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.NotFoundException;
import nl.pakketten.testing.Fixtures;
import nl.pakketten.wallet.ExpireCredits;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.LotSource;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** Credits imported by hand, without invoice or payment. */
class ImportTest {
  private final Fixtures f = new Fixtures();
  private final CreditPackage basis = f.createPackage("Basis", eur(30));

  private ImportCredits.Builder command(String importId, int credits) {
    return ImportCredits.builder().from(Fixtures.importCommand(PRACTICE, importId, PATIENT, basis.id(), credits,
        eur("12.50"), null));
  }

  @Test
  void importGrantsTheCreditsInOneLot() {
    ImportResult result = f.pakketten.importCredits(command("I1", 5).reason("  carried over from paper card ").build());

    assertThat(result).isInstanceOf(ImportResult.Imported.class);
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(5);
    assertThat(f.lots(PATIENT)).singleElement().satisfies(lot -> {
      assertThat(lot.source()).isEqualTo(new LotSource.Import(ImportId.of("I1"), "carried over from paper card"));
      assertThat(lot.creditsGranted()).isEqualTo(5);
      assertThat(lot.grantedBy()).isEqualTo(OWNER.userId());
    });
  }

  @Test
  void importedLotIsWorthCreditsTimesTheGivenRate() {
    ImportResult result = f.pakketten.importCredits(command("I1", 5).build());

    assertThat(result.grant().ratePerCredit()).isEqualTo(eur("12.50"));
    assertThat(result.grant().deferredValue()).isEqualTo(eur("62.50"));
    assertThat(f.lots(PATIENT)).singleElement().satisfies(lot -> {
      assertThat(lot.ratePerCredit()).isEqualTo(eur("12.50"));
      assertThat(lot.deferredValue()).isEqualTo(eur("62.50"));
    });
  }

  @Test
  void freeImportedCreditsAreWorthNothing() {
    ImportResult result = f.pakketten.importCredits(command("I1", 3).internalRate(eur(0)).build());

    assertThat(result.grant().deferredValue()).isEqualTo(eur(0));
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(3);
  }

  @Test
  void reasonIsRequired() {
    assertThatThrownBy(() -> f.pakketten.importCredits(command("I1", 5).reason(" ").build()))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("reason"));
    assertThat(f.balance(PATIENT, basis.id())).isZero();
  }

  @Test
  void creditsMustBeAtLeastOne() {
    assertThatThrownBy(() -> f.pakketten.importCredits(command("I1", 0).build()))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("credits"));
    assertThatThrownBy(() -> f.pakketten.importCredits(command("I2", -3).build()))
        .isInstanceOf(InvalidInputException.class);
    assertThat(f.lots(PATIENT)).isEmpty();
  }

  @Test
  void negativeRateIsRefused() {
    assertThatThrownBy(() -> f.pakketten.importCredits(command("I1", 5).internalRate(eur(-1)).build()))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("internalRate"));
  }

  @Test
  void rateInAnotherCurrencyIsRefused() {
    assertThatThrownBy(() -> f.pakketten.importCredits(command("I1", 5)
        .internalRate(Money.of(CurrencyUnit.USD, 10)).build()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("USD").hasMessageContaining("EUR");
    assertThat(f.lots(PATIENT)).isEmpty();
  }

  @Test
  void importIntoAnUnknownPackageIsNotFound() {
    assertThatThrownBy(() -> f.pakketten.importCredits(command("I1", 5).packageId(PackageId.of("nope")).build()))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.id()).isEqualTo("nope"));
  }

  @Test
  void secondDeliveryOfAnImportGrantsNothingAndAnswersTheSame() {
    ImportResult first = f.pakketten.importCredits(command("I1", 5).build());
    f.events.clear();

    ImportResult second = f.pakketten.importCredits(command("I1", 5).build());

    assertThat(second).isInstanceOf(ImportResult.AlreadyImported.class);
    assertThat(second.grant()).isEqualTo(first.grant());
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(5);
    assertThat(f.history(PATIENT)).hasSize(1);
    assertThat(f.events).isEmpty();
  }

  @Test
  void replayedImportAfterSpendingAndExpiryAnswersTheFirstGrant() {
    f.linkType("T1", basis.id(), 2);
    LocalDate lastDay = LocalDate.ofInstant(Fixtures.START, java.time.ZoneOffset.UTC);
    ImportCredits command = command("I1", 5).expiresOn(lastDay).build();
    ImportResult first = f.pakketten.importCredits(command);
    f.schedule("A1", PATIENT, "T1");
    f.clock.advance(java.time.Duration.ofDays(2));
    assertThat(f.pakketten.expireCredits(ExpireCredits.of(PRACTICE, OWNER, lastDay.plusDays(1)))).isEqualTo(3);

    ImportResult replay = f.pakketten.importCredits(command);

    assertThat(first.replay()).isFalse();
    assertThat(replay.replay()).isTrue();
    assertThat(replay).isEqualTo(new ImportResult.AlreadyImported(first.importId(), first.grant()));
    assertThat(replay.grant().credits()).isEqualTo(5);
    assertThat(f.balance(PATIENT, basis.id())).isZero();
  }

  @Test
  void sameImportIdWithOtherCreditsIsAConflict() {
    f.pakketten.importCredits(command("I1", 5).build());

    assertThatThrownBy(() -> f.pakketten.importCredits(command("I1", 6).build()))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.key()).isEqualTo("I1"))
        .hasMessageContaining("other content");
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(5);
  }

  @Test
  void sameImportIdWithAnotherReasonIsAConflict() {
    f.pakketten.importCredits(command("I1", 5).build());

    assertThatThrownBy(() -> f.pakketten.importCredits(command("I1", 5).reason("something else").build()))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void importMayGiveTheLotAnExpiryDate() {
    LocalDate lastDay = LocalDate.of(2026, 12, 31);

    f.pakketten.importCredits(command("I1", 5).expiresOn(lastDay).build());

    assertThat(f.lots(PATIENT)).singleElement().extracting(Lot::expiresOn)
        .isEqualTo(java.util.Optional.of(lastDay));
  }
}
