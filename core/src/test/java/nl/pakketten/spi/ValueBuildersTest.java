package nl.pakketten.spi;

import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.List;
import nl.pakketten.appointments.Appointment;
import nl.pakketten.catalog.AppointmentType;
import nl.pakketten.catalog.BalanceSheetItem;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.LedgerAccount;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.catalog.Product;
import nl.pakketten.common.ImportId;
import nl.pakketten.common.LotId;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.UserId;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.LotSource;
import nl.pakketten.wallet.Movement;
import nl.pakketten.wallet.Wallet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The values a host reads have no public way to be built but {@link ValueBuilders}, the adapters'
 * door, and what it builds is checked: no builder makes a value in an invalid state.
 */
class ValueBuildersTest {
  private static final PackageId PKG = PackageId.of("fysio");

  @ParameterizedTest
  @ValueSource(classes = {Lot.class, Wallet.class, Movement.class, Appointment.class, CreditPackage.class,
      Product.class, AppointmentType.class})
  void aValueHasNoPublicConstructorAndNoPublicStaticBuilder(Class<?> value) {
    assertThat(value.getConstructors()).as("public constructors of %s", value.getSimpleName()).isEmpty();
    assertThat(value.getMethods())
        .filteredOn(m -> Modifier.isStatic(m.getModifiers()))
        .extracting(m -> m.getName())
        .as("public static methods of %s", value.getSimpleName())
        .doesNotContain("builder", "of");
    for (Class<?> nested : value.getClasses()) {
      if (nested.getSimpleName().endsWith("Builder") || nested.getSimpleName().equals("Rebuilder")) {
        assertThat(nested.getConstructors()).as("public constructors of %s", nested.getName()).isEmpty();
      }
    }
  }

  @Test
  void aLotRebuiltFromStoredStateRoundTrips() {
    Lot lot = lot(10, 4).build();

    assertThat(lot.creditsRemaining()).isEqualTo(4);
    assertThat(lot.unrecognised()).isEqualTo(eur("160.00"));
  }

  @Test
  void aLotWithMoreCreditsRemainingThanGrantedIsRefused() {
    assertThatThrownBy(() -> lot(10, 11).build()).hasMessageContaining("credits remaining 11 outside 0..10");
  }

  @Test
  void aLotThatRecognisedMoreThanItsDeferredValueIsRefused() {
    assertThatThrownBy(() -> lot(10, 4).recognisedRevenue(eur("400.01")).build())
        .hasMessageContaining("recognised revenue EUR 400.01 outside 0..EUR 400.00");
  }

  @Test
  void aLotWhoseValueOutAndRevenueExceedItsDeferredValueIsRefused() {
    assertThatThrownBy(() -> lot(10, 4).recognisedRevenue(eur("240.00")).valueOut(eur("160.01")).build())
        .hasMessageContaining("value out EUR 160.01 and recognised revenue EUR 240.00 exceed");
  }

  @Test
  void aWalletSumsItsLotsAndRefusesALotOfAnotherPatientOrPackage() {
    Lot first = lot(10, 4).build();
    Lot second = lot(5, 5).id(LotId.of("lot-2")).build();

    assertThat(ValueBuilders.wallet(PRACTICE, PATIENT, PKG, List.of(first, second)).balance()).isEqualTo(9);
    assertThatThrownBy(() -> ValueBuilders.wallet(PRACTICE, PatientId.of("someone-else"), PKG, List.of(first)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lot-1");
    assertThatThrownBy(() -> ValueBuilders.wallet(PRACTICE, PATIENT, PackageId.of("other"), List.of(first)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lot-1");
  }

  private static Lot.Builder lot(int granted, int remaining) {
    return ValueBuilders.lot()
        .id(LotId.of("lot-1"))
        .practice(PRACTICE)
        .patient(PATIENT)
        .packageId(PKG)
        .source(new LotSource.Import(ImportId.of("import-1"), "opening balance"))
        .creditsGranted(granted)
        .creditsRemaining(remaining)
        .ratePerCredit(eur("40.00"))
        .deferredValue(eur("40.00").multipliedBy(granted))
        .recognisedRevenue(eur("40.00").multipliedBy(granted - remaining))
        .deferredAccount(BalanceSheetItem.of("1700"))
        .revenueAccount(LedgerAccount.of("8000"))
        .grantedAt(Instant.parse("2026-03-02T09:00:00Z"))
        .grantedBy(UserId.of("owner-1"));
  }
}
