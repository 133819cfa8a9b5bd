package nl.pakketten.catalog;

import nl.pakketten.common.Identifier;

/** Identifies an appointment type (standard appointment) within its practice. */
public final class AppointmentTypeId extends Identifier {
  private AppointmentTypeId(String value) {
    super("appointmentTypeId", value);
  }

  /** Returns the value, or throws {@code InvalidInputException} when it is blank or too long. */
  public static AppointmentTypeId of(String value) {
    return new AppointmentTypeId(value);
  }
}
