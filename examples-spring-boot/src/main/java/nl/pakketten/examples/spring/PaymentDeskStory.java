package nl.pakketten.examples.spring;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import nl.pakketten.Pakketten;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.catalog.CreatePackage;
import nl.pakketten.catalog.LedgerAccount;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.catalog.ProductCode;
import nl.pakketten.catalog.SaveAppointmentType;
import nl.pakketten.catalog.SaveProduct;
import nl.pakketten.common.Actor;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.Role;
import org.joda.money.Money;
import org.springframework.boot.CommandLineRunner;
import org.springframework.stereotype.Component;

/**
 * The story the application tells when it starts: the owner sets up a 10-ride card, an invoice for
 * it is paid (10 credits), two appointments are booked (8 left, EUR 77.00 recognised), and a second
 * invoice paid short is refused: its credits and its invoice change roll back together.
 */
@Component
public class PaymentDeskStory implements CommandLineRunner {
  static final PracticeId PRACTICE = PracticeId.of("fysio-de-linde");
  static final PackageId CARD = PackageId.of("fysio-10");
  static final String SANNE = "sanne";

  private final Pakketten pakketten;
  private final FrontDesk desk;
  private final EventLog events;
  private final PrintStream out;
  private Summary summary;

  PaymentDeskStory(Pakketten pakketten, FrontDesk desk, EventLog events) {
    this.pakketten = pakketten;
    this.desk = desk;
    this.events = events;
    this.out = System.out;
  }

  /** The figures the story ends with. */
  public record Summary(int balance, Map<LedgerAccount, Money> revenue, Map<PackageId, Money> deferred,
      String firstInvoice, String secondInvoice, java.util.List<String> events) {}

  @Override
  public void run(String... args) {
    Actor owner = Actor.of("anna", Role.OWNER);
    pakketten.createPackage(CreatePackage.builder().practice(PRACTICE).actor(owner).packageId(CARD)
        .name("Fysiotherapie 10-rittenkaart").internalRate(Money.parse("EUR 38.50")).build());
    pakketten.saveProduct(SaveProduct.builder().practice(PRACTICE).actor(owner).code(ProductCode.of("FYS10"))
        .name("Fysiotherapie 10-rittenkaart").unitPrice(FrontDesk.CARD_PRICE).packageId(CARD).creditsPerUnit(10)
        .build());
    pakketten.saveAppointmentType(SaveAppointmentType.builder().practice(PRACTICE).actor(owner)
        .id(AppointmentTypeId.of("fysio-30")).name("Behandeling 30 minuten").packageId(CARD)
        .creditsPerAppointment(1).build());
    out.println("Set up by the owner: package fysio-10 (EUR 38.50 a credit), product FYS10 (10 credits),"
        + " appointment type fysio-30 (1 credit)");

    desk.sendInvoice("F-2026-0001", SANNE);
    out.println("Invoice F-2026-0001 paid in full: " + desk.paymentReceived("F-2026-0001", FrontDesk.CARD_PRICE)
        .getClass().getSimpleName() + ", balance " + balance());

    Instant monday = Instant.parse("2026-03-02T08:00:00Z");
    desk.book("A-1001", SANNE, monday);
    desk.book("A-1002", SANNE, monday.plus(Duration.ofDays(7)));
    out.println("Two appointments booked: balance " + balance());

    desk.sendInvoice("F-2026-0002", SANNE);
    try {
      desk.paymentReceived("F-2026-0002", Money.parse("EUR 300.00"));
    } catch (IllegalStateException refused) {
      out.println("Invoice F-2026-0002 refused (" + refused.getMessage() + "): rolled back, balance " + balance()
          + ", invoice still " + desk.status("F-2026-0002"));
    }

    Instant farAhead = Instant.parse("2100-01-01T00:00:00Z");
    summary = new Summary(balance(), pakketten.revenueByLedgerAccount(PRACTICE, Instant.EPOCH, farAhead),
        pakketten.deferredByPackage(PRACTICE, farAhead), desk.status("F-2026-0001"),
        desk.status("F-2026-0002"), events.received());
    out.println("Recognised revenue per ledger account: " + summary.revenue());
    out.println("Still deferred per package: " + summary.deferred());
    out.println("Events after commit: " + events.received());
  }

  /** What the story ended with; null before it ran. */
  public Summary summary() {
    return summary;
  }

  private int balance() {
    return pakketten.balance(PRACTICE, PatientId.of(SANNE), CARD);
  }
}
