package nl.pakketten.common;


/** Identifies an appointment of the host; the key that makes scheduling and cancelling idempotent. */
public final class AppointmentId extends Identifier {
  private AppointmentId(String value) {
    super("appointmentId", value);
  }

  /** Returns the value, or throws {@code InvalidInputException} when it is blank or too long. */
  public static AppointmentId of(String value) {
    return new AppointmentId(value);
  }
}
