package nl.pakketten.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nl.pakketten.catalog.LedgerAccount;
import nl.pakketten.catalog.PackageId;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The example tells its story on start-up; these are the figures it must end with. */
@SpringBootTest
class PaymentDeskApplicationTest {
  @Autowired PaymentDeskStory story;

  @Test
  void tenCreditsSoldTwoSpentAndTheShortPaymentRolledBackWithItsInvoice() {
    PaymentDeskStory.Summary summary = story.summary();

    assertThat(summary.balance()).isEqualTo(8);
    assertThat(summary.revenue()).isEqualTo(Map.of(LedgerAccount.of("8000"), Money.parse("EUR 77.00")));
    assertThat(summary.deferred()).isEqualTo(Map.of(PackageId.of("fysio-10"), Money.parse("EUR 308.00")));
    assertThat(summary.firstInvoice()).isEqualTo("PAID");
    assertThat(summary.secondInvoice()).isEqualTo("OPEN");
    // The set-up, the grant, two spends with their appointments; nothing of the rolled-back payment.
    assertThat(summary.events()).containsExactly("PackageCreated", "ProductSaved", "AppointmentTypeSaved",
        "CreditsGranted", "CreditsSpent", "AppointmentChanged", "CreditsSpent", "AppointmentChanged");
  }
}
