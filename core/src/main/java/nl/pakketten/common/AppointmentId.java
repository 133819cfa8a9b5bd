package nl.pakketten.common;


/** Identifies an appointment of the host; the key that makes scheduling and cancelling idempotent. */
public final class AppointmentId extends Identifier {
  private AppointmentId(String value) {
    super("appointmentId", value);
  }

  /**
   * The {@code AppointmentId} with the given text, stripped of surrounding white space.
   *
   * @param value the text as the host knows it, at most {@value
   *     nl.pakketten.common.Identifier#MAX_LENGTH} characters
   * @return the identifier
   * @throws InvalidInputException when {@code value} is null, blank, too long or not printable
   */
  public static AppointmentId of(String value) {
    return new AppointmentId(value);
  }
}
