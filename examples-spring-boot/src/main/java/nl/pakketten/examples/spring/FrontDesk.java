package nl.pakketten.examples.spring;

import java.time.Instant;
import nl.pakketten.Pakketten;
import nl.pakketten.appointments.ScheduleAppointment;
import nl.pakketten.appointments.ScheduleResult;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.common.Actor;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.Role;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.granting.PaymentResult;
import nl.pakketten.granting.RegisterPayment;
import org.joda.money.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The application's own service: its invoices live in its own table, and each change to them and
 * the SDK's command run in one Spring transaction. Both commit, or neither does.
 */
@Service
public class FrontDesk {
  static final Actor DESK = Actor.of("ruben", Role.RECEPTIONIST);
  static final Money CARD_PRICE = Money.parse("EUR 385.00");

  private final JdbcTemplate jdbc;
  private final Pakketten pakketten;

  FrontDesk(JdbcTemplate jdbc, Pakketten pakketten) {
    this.jdbc = jdbc;
    this.pakketten = pakketten;
  }

  /** Sends a product invoice for one 10-ride card: the application's business, no credits yet. */
  @Transactional
  public void sendInvoice(String invoiceId, String patient) {
    jdbc.update("INSERT INTO invoices (invoice_id, patient_id, status) VALUES (?, ?, 'OPEN')", invoiceId, patient);
  }

  /**
   * A payment arrived: the SDK grants the credits and the application marks its invoice paid, in one
   * transaction. A payment short of the price is refused after the SDK's command, so both roll back.
   */
  @Transactional
  public PaymentResult paymentReceived(String invoiceId, Money paid) {
    String patient = jdbc.queryForObject("SELECT patient_id FROM invoices WHERE invoice_id = ?", String.class,
        invoiceId);
    PaymentResult result = pakketten.registerPayment(RegisterPayment.builder()
        .practice(PaymentDeskStory.PRACTICE).actor(DESK)
        .invoiceId(InvoiceId.of(invoiceId)).patient(PatientId.of(patient))
        .addLines(InvoiceLine.of("FYS10", 1, CARD_PRICE)).build());
    if (paid.isLessThan(CARD_PRICE)) {
      throw new IllegalStateException("invoice " + invoiceId + ": paid " + paid + " of " + CARD_PRICE);
    }
    jdbc.update("UPDATE invoices SET status = 'PAID' WHERE invoice_id = ?", invoiceId);
    return result;
  }

  /** Books an appointment of the linked type: one credit. */
  @Transactional
  public ScheduleResult book(String appointmentId, String patient, Instant start) {
    return pakketten.schedule(ScheduleAppointment.builder().practice(PaymentDeskStory.PRACTICE).actor(DESK)
        .appointmentId(AppointmentId.of(appointmentId)).patient(PatientId.of(patient))
        .typeId(AppointmentTypeId.of("fysio-30")).start(start).build());
  }

  /** The status of one of the application's invoices. */
  public String status(String invoiceId) {
    return jdbc.queryForObject("SELECT status FROM invoices WHERE invoice_id = ?", String.class, invoiceId);
  }
}
