package nl.pakketten.common;

/** A patient of a practice, as the host application identifies them. */
public final class PatientId extends Identifier {
  private PatientId(String value) {
    super("patientId", value);
  }

  /** Returns the identifier, or throws {@link InvalidInputException} when {@code value} is blank or too long. */
  public static PatientId of(String value) {
    return new PatientId(value);
  }
}
