package nl.pakketten.spring;

import java.time.Instant;
import nl.pakketten.Pakketten;
import nl.pakketten.appointments.CancelAppointment;
import nl.pakketten.appointments.CancelResult;
import nl.pakketten.appointments.MarkNoShow;
import nl.pakketten.appointments.NoShowResult;
import nl.pakketten.appointments.ScheduleAppointment;
import nl.pakketten.appointments.ScheduleResult;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.catalog.CreatePackage;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.catalog.ProductCode;
import nl.pakketten.catalog.SaveAppointmentType;
import nl.pakketten.catalog.SaveProduct;
import nl.pakketten.common.Actor;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.Role;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.granting.PaymentResult;
import nl.pakketten.granting.RegisterPayment;
import org.joda.money.Money;

/**
 * The few SDK calls the starter's tests make, in one place: a package of 10 credits at EUR 38.50
 * sold by product FYS10 and spent by appointment type fysio-30 (1 credit).
 */
final class Story {
  static final PracticeId PRACTICE = PracticeId.of("fysio-de-linde");
  static final Actor OWNER = Actor.of("anna", Role.OWNER);
  static final Actor DESK = Actor.of("ruben", Role.RECEPTIONIST);
  static final PackageId CARD = PackageId.of("fysio-10");
  static final PatientId SANNE = PatientId.of("sanne");

  private Story() {}

  /** The package, its product and its appointment type, set up by the owner. */
  static void setUp(Pakketten pakketten) {
    setUpBy(pakketten, OWNER);
  }

  /** The same set-up, by {@code actor}. */
  static void setUpBy(Pakketten pakketten, Actor actor) {
    pakketten.createPackage(CreatePackage.builder().practice(PRACTICE).actor(actor).packageId(CARD)
        .name("Fysiotherapie 10-rittenkaart").internalRate(Money.parse("EUR 38.50")).build());
    pakketten.saveProduct(SaveProduct.builder().practice(PRACTICE).actor(actor).code(ProductCode.of("FYS10"))
        .name("Fysiotherapie 10-rittenkaart").unitPrice(Money.parse("EUR 385.00")).packageId(CARD)
        .creditsPerUnit(10).build());
    pakketten.saveAppointmentType(SaveAppointmentType.builder().practice(PRACTICE).actor(actor)
        .id(AppointmentTypeId.of("fysio-30")).name("Behandeling 30 minuten").packageId(CARD)
        .creditsPerAppointment(1).build());
  }

  /** The payment of invoice {@code invoice} for one card (10 credits) is registered. */
  static PaymentResult sell(Pakketten pakketten, String invoice) {
    return pakketten.registerPayment(RegisterPayment.builder().practice(PRACTICE).actor(DESK)
        .invoiceId(InvoiceId.of(invoice)).patient(SANNE)
        .addLines(InvoiceLine.of("FYS10", 1, Money.parse("EUR 385.00"))).build());
  }

  /** The payment of invoice {@code invoice} for two cards on two lines (two lots, two events). */
  static PaymentResult sellTwoLines(Pakketten pakketten, String invoice) {
    return pakketten.registerPayment(RegisterPayment.builder().practice(PRACTICE).actor(DESK)
        .invoiceId(InvoiceId.of(invoice)).patient(SANNE)
        .addLines(InvoiceLine.of("FYS10", 1, Money.parse("EUR 385.00")))
        .addLines(InvoiceLine.of("FYS10", 1, Money.parse("EUR 385.00"))).build());
  }

  /** Appointment {@code id} of type fysio-30 is scheduled at {@code start}. */
  static ScheduleResult schedule(Pakketten pakketten, String id, Instant start) {
    return pakketten.schedule(ScheduleAppointment.builder().practice(PRACTICE).actor(DESK)
        .appointmentId(AppointmentId.of(id)).patient(SANNE).typeId(AppointmentTypeId.of("fysio-30"))
        .start(start).build());
  }

  /** Appointment {@code id} for a patient who has bought nothing: too few credits. */
  static ScheduleResult scheduleWithoutCredits(Pakketten pakketten, String id) {
    return pakketten.schedule(ScheduleAppointment.builder().practice(PRACTICE).actor(DESK)
        .appointmentId(AppointmentId.of(id)).patient(PatientId.of("noor")).typeId(AppointmentTypeId.of("fysio-30"))
        .start(Instant.parse("2026-03-05T08:00:00Z")).build());
  }

  static CancelResult cancel(Pakketten pakketten, String id) {
    return pakketten.cancel(CancelAppointment.builder().practice(PRACTICE).actor(DESK)
        .appointmentId(AppointmentId.of(id)).build());
  }

  static NoShowResult noShow(Pakketten pakketten, String id) {
    return pakketten.markNoShow(MarkNoShow.builder().practice(PRACTICE).actor(DESK)
        .appointmentId(AppointmentId.of(id)).build());
  }

  static int balance(Pakketten pakketten) {
    return pakketten.balance(PRACTICE, SANNE, CARD);
  }
}
