package nl.pakketten.catalog;

import nl.pakketten.common.Identifier;

/** Identifies an appointment type (standard appointment) within its practice. */
public final class AppointmentTypeId extends Identifier {
  private AppointmentTypeId(String value) {
    super("appointmentTypeId", value);
  }

  /**
   * The {@code AppointmentTypeId} with the given text, stripped of surrounding white space.
   *
   * @param value the text as the host knows it, at most {@value
   *     nl.pakketten.common.Identifier#MAX_LENGTH} characters
   * @return the identifier
   * @throws nl.pakketten.common.InvalidInputException when {@code value} is null, blank, too long
   *     or not printable
   */
  public static AppointmentTypeId of(String value) {
    return new AppointmentTypeId(value);
  }
}
