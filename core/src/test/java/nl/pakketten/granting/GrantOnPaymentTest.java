package nl.pakketten.granting;

import static nl.pakketten.testing.Fixtures.OWNER;
import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.RECEPTIONIST;
import static nl.pakketten.testing.Fixtures.START;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.ProductCode;
import nl.pakketten.catalog.UpdatePackage;
import nl.pakketten.common.ConflictException;
import nl.pakketten.common.FieldViolation;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.NotFoundException;
import nl.pakketten.common.PatientId;
import nl.pakketten.testing.Fixtures;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.LotSource;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** Credits arrive when the payment of a product invoice is registered. */
class GrantOnPaymentTest {
  private final Fixtures f = new Fixtures();
  private final CreditPackage basis = f.createPackage("Basis", eur(30));

  GrantOnPaymentTest() {
    f.linkProduct("P5", basis.id(), 5, eur(150));
    f.linkProduct("CONSULT", null, 1, eur(60));
  }

  @Test
  void paymentGrantsQuantityTimesCreditsPerUnit() {
    PaymentResult result = f.pay("F-1", PATIENT, InvoiceLine.of("P5", 2, eur(300)));

    assertThat(result).isInstanceOf(PaymentResult.Granted.class);
    assertThat(result.credits()).isEqualTo(10);
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(10);
  }

  @Test
  void eachLinkedLineGetsOneLotOfItsOwn() {
    PaymentResult result = f.pay("F-1", PATIENT, InvoiceLine.of("P5", 1, eur(150)), InvoiceLine.of("P5", 2, eur(300)));

    assertThat(result.grants()).hasSize(2);
    assertThat(f.lots(PATIENT)).extracting(Lot::source, Lot::creditsGranted).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple(new LotSource.InvoiceLine(InvoiceId.of("F-1"), 1, ProductCode.of("P5")), 5),
        org.assertj.core.groups.Tuple.tuple(new LotSource.InvoiceLine(InvoiceId.of("F-1"), 2, ProductCode.of("P5")), 10));
  }

  @Test
  void linesOfUnlinkedProductsAreIgnored() {
    PaymentResult result = f.pay("F-1", PATIENT, InvoiceLine.of("CONSULT", 1, eur(60)), InvoiceLine.of("P5", 1, eur(150)));

    assertThat(result.grants()).singleElement().satisfies(g -> assertThat(g.credits()).isEqualTo(5));
    assertThat(f.lots(PATIENT)).singleElement().extracting(Lot::source)
        .isEqualTo(new LotSource.InvoiceLine(InvoiceId.of("F-1"), 2, ProductCode.of("P5")));
  }

  @Test
  void anInvoiceOfOnlyUnlinkedProductsGrantsNothing() {
    PaymentResult result = f.pay("F-1", PATIENT, InvoiceLine.of("CONSULT", 1, eur(60)));

    assertThat(result).isInstanceOf(PaymentResult.Granted.class);
    assertThat(result.grants()).isEmpty();
    assertThat(f.lots(PATIENT)).isEmpty();
    assertThat(f.history(PATIENT)).isEmpty();
  }

  @Test
  void anUnknownProductCodeFailsTheWholeInvoice() {
    assertThatThrownBy(() -> f.pay("F-1", PATIENT, InvoiceLine.of("P5", 1, eur(150)), InvoiceLine.of("NOPE", 1, eur(1))))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.kind()).isEqualTo("product");
          assertThat(e.id()).isEqualTo("NOPE");
        })
        .hasMessageContaining("NOPE");
    assertThat(f.balance(PATIENT, basis.id())).isZero();
    assertThat(f.lots(PATIENT)).isEmpty();
  }

  @Test
  void secondDeliveryOfAPaymentGrantsNothingAndAnswersTheSame() {
    PaymentResult first = f.pay("F-1", PATIENT, InvoiceLine.of("P5", 2, eur(300)));
    f.events.clear();

    PaymentResult second = f.pay("F-1", PATIENT, InvoiceLine.of("P5", 2, eur(300)));

    assertThat(second).isInstanceOf(PaymentResult.AlreadyGranted.class);
    assertThat(second.invoiceId()).isEqualTo(first.invoiceId());
    assertThat(second.grants()).isEqualTo(first.grants());
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(10);
    assertThat(f.lots(PATIENT)).hasSize(1);
    assertThat(f.history(PATIENT)).hasSize(1);
    assertThat(f.events).isEmpty();
  }

  @Test
  void replayedPaymentAfterSpendingAndARateChangeAnswersTheFirstGrants() {
    f.linkType("T1", basis.id(), 3);
    PaymentResult first = f.pay("F-1", PATIENT, InvoiceLine.of("P5", 2, eur(300)));
    f.schedule("A1", PATIENT, "T1");
    f.pakketten.updatePackage(UpdatePackage.builder().practice(PRACTICE).actor(OWNER).packageId(basis.id())
        .name("Basis").internalRate(eur(35)).build());

    PaymentResult replay = f.pay("F-1", PATIENT, InvoiceLine.of("P5", 2, eur(300)));

    assertThat(first.replay()).isFalse();
    assertThat(replay.replay()).isTrue();
    assertThat(replay).isEqualTo(new PaymentResult.AlreadyGranted(first.invoiceId(), first.grants()));
    assertThat(replay.grants()).singleElement().satisfies(g -> {
      assertThat(g.credits()).isEqualTo(10);
      assertThat(g.ratePerCredit()).isEqualTo(eur(30));
    });
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(7);
  }

  @Test
  void secondDeliveryByAnotherActorIsStillAReplay() {
    f.pay("F-1", PATIENT, InvoiceLine.of("P5", 2, eur(300)));

    PaymentResult second = f.pakketten.registerPayment(RegisterPayment.builder()
        .from(Fixtures.invoice(PRACTICE, "F-1", PATIENT, InvoiceLine.of("P5", 2, eur(300)))).actor(OWNER).build());

    assertThat(second).isInstanceOf(PaymentResult.AlreadyGranted.class);
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(10);
  }

  @Test
  void sameInvoiceIdWithOtherLinesIsAConflict() {
    f.pay("F-1", PATIENT, InvoiceLine.of("P5", 2, eur(300)));

    assertThatThrownBy(() -> f.pay("F-1", PATIENT, InvoiceLine.of("P5", 3, eur(450))))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.key()).isEqualTo("F-1"))
        .hasMessageContaining("F-1").hasMessageContaining("other content");
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(10);
  }

  @Test
  void sameInvoiceIdForAnotherPatientIsAConflict() {
    f.pay("F-1", PATIENT, InvoiceLine.of("P5", 2, eur(300)));
    PatientId other = PatientId.of("patient-2");

    assertThatThrownBy(() -> f.pay("F-1", other, InvoiceLine.of("P5", 2, eur(300))))
        .isInstanceOf(ConflictException.class);
    assertThat(f.balance(other, basis.id())).isZero();
  }

  @Test
  void lotRateIsFixedWhenGranted() {
    f.pay("F-1", PATIENT, InvoiceLine.of("P5", 1, eur(150)));

    f.pakketten.updatePackage(UpdatePackage.builder().practice(PRACTICE).actor(OWNER).packageId(basis.id())
        .name("Basis").internalRate(eur(35)).build());

    assertThat(f.lots(PATIENT)).singleElement().satisfies(lot -> {
      assertThat(lot.ratePerCredit()).isEqualTo(eur(30));
      assertThat(lot.deferredValue()).isEqualTo(eur(150));
    });
  }

  @Test
  void laterPaymentsTakeThePackagesNewRate() {
    f.pakketten.updatePackage(UpdatePackage.builder().practice(PRACTICE).actor(OWNER).packageId(basis.id())
        .name("Basis").internalRate(eur(35)).build());

    PaymentResult result = f.pay("F-1", PATIENT, InvoiceLine.of("P5", 1, eur(175)));

    assertThat(result.grants()).singleElement().satisfies(g -> assertThat(g.ratePerCredit()).isEqualTo(eur(35)));
  }

  @Test
  void lotIsWorthThePaidLineAmount() {
    PaymentResult result = f.pay("F-1", PATIENT, InvoiceLine.of("P5", 2, eur("275.50")));

    assertThat(result.grants()).singleElement().satisfies(g -> {
      assertThat(g.deferredValue()).isEqualTo(eur("275.50"));
      assertThat(g.ratePerCredit()).isEqualTo(eur(30));
    });
    assertThat(f.lots(PATIENT)).singleElement().satisfies(lot -> {
      assertThat(lot.deferredValue()).isEqualTo(eur("275.50"));
      assertThat(lot.recognisedRevenue()).isEqualTo(eur(0));
    });
  }

  @Test
  void lotRecordsItsSourceWhenAndByWhom() {
    f.pay("F-1", PATIENT, InvoiceLine.of("P5", 1, eur(150)));

    assertThat(f.lots(PATIENT)).singleElement().satisfies(lot -> {
      assertThat(lot.patient()).isEqualTo(PATIENT);
      assertThat(lot.packageId()).isEqualTo(basis.id());
      assertThat(lot.source()).isEqualTo(new LotSource.InvoiceLine(InvoiceId.of("F-1"), 1, ProductCode.of("P5")));
      assertThat(lot.creditsGranted()).isEqualTo(5);
      assertThat(lot.creditsRemaining()).isEqualTo(5);
      assertThat(lot.grantedAt()).isEqualTo(START);
      assertThat(lot.grantedBy()).isEqualTo(RECEPTIONIST.userId());
      assertThat(lot.expiresOn()).isEmpty();
    });
  }

  @Test
  void aLineInAnotherCurrencyIsRefused() {
    Money dollars = Money.of(CurrencyUnit.USD, 150);

    assertThatThrownBy(() -> f.pay("F-1", PATIENT, InvoiceLine.of("P5", 1, dollars)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(FieldViolation::field).containsExactly("lines[0].amount"))
        .hasMessageContaining("EUR").hasMessageContaining("USD");
    assertThat(f.lots(PATIENT)).isEmpty();
  }

  @Test
  void aFailedPaymentCanBeDeliveredAgainOnceTheProblemIsFixed() {
    assertThatThrownBy(() -> f.pay("F-1", PATIENT, InvoiceLine.of("P5", 1, eur(150)), InvoiceLine.of("NEW", 1, eur(1))))
        .isInstanceOf(NotFoundException.class);
    f.linkProduct("NEW", basis.id(), 1, eur(1));

    PaymentResult result = f.pay("F-1", PATIENT, InvoiceLine.of("P5", 1, eur(150)), InvoiceLine.of("NEW", 1, eur(1)));

    assertThat(result).isInstanceOf(PaymentResult.Granted.class);
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(6);
  }
}
