package nl.pakketten;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import nl.pakketten.catalog.*;
import nl.pakketten.common.*;
import nl.pakketten.credits.*;
import nl.pakketten.inmemory.InMemoryStorage;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void endToEnd() {
    Pakketten p = Pakketten.builder().storage(InMemoryStorage.create()).build();
    PracticeId pr = PracticeId.of("p1");
    Actor owner = Actor.of("o", Role.OWNER);
    CreditPackage pkg = p.createPackage(CreatePackage.builder().practice(pr).actor(owner).name("Fysio 10")
        .internalRate(Money.of(CurrencyUnit.EUR, 30)).build());
    p.saveProduct(SaveProduct.builder().practice(pr).actor(owner).code(ProductCode.of("P10")).name("Tien")
        .unitPrice(Money.of(CurrencyUnit.EUR, 250)).packageId(pkg.getId()).creditsPerUnit(10).build());
    p.saveAppointmentType(SaveAppointmentType.builder().practice(pr).actor(owner).id(AppointmentTypeId.of("T"))
        .name("Behandeling").packageId(pkg.getId()).build());
    ProductInvoice inv = ProductInvoice.builder().practice(pr).actor(Actor.of("r", Role.RECEPTIONIST))
        .invoiceId(InvoiceId.of("F1")).patient(PatientId.of("pat")).addLines(InvoiceLine.of("P10", 1,
            Money.of(CurrencyUnit.EUR, 250))).build();
    assertThat(p.registerPayment(inv)).isInstanceOf(PaymentResult.Granted.class);
    assertThat(p.registerPayment(inv)).isInstanceOf(PaymentResult.AlreadyGranted.class);
    assertThat(p.balance(pr, PatientId.of("pat"), pkg.getId())).isEqualTo(10);
    for (int i = 0; i < 10; i++) {
      p.schedule(ScheduleAppointment.builder().practice(pr).actor(owner).appointmentId(AppointmentId.of("A" + i))
          .patient(PatientId.of("pat")).typeId(AppointmentTypeId.of("T")).start(Instant.now().plusSeconds(86400))
          .build());
    }
    assertThat(p.lots(pr, PatientId.of("pat")).get(0).getRecognisedRevenue()).isEqualTo(Money.of(CurrencyUnit.EUR, 250));
    assertThatThrownBy(() -> p.schedule(ScheduleAppointment.builder().practice(pr).actor(owner)
        .appointmentId(AppointmentId.of("X")).patient(PatientId.of("pat")).typeId(AppointmentTypeId.of("T"))
        .start(Instant.now()).build())).isInstanceOf(InsufficientCreditsException.class);
    assertThat(p.cancel(CancelAppointment.builder().practice(pr).actor(owner).appointmentId(AppointmentId.of("A3"))
        .build())).isInstanceOf(CancelResult.GivenBack.class);
    assertThat(p.balance(pr, PatientId.of("pat"), pkg.getId())).isEqualTo(1);
    assertThatThrownBy(() -> p.createPackage(CreatePackage.builder().practice(pr).actor(owner).build()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("name").hasMessageContaining("internalRate");
    assertThat(p.history(pr, PatientId.of("pat"))).hasSize(12);
  }
}
