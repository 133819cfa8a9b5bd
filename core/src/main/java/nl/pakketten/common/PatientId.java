package nl.pakketten.common;

/** A patient of a practice, as the host application identifies them. */
public final class PatientId extends Identifier {
  private PatientId(String value) {
    super("patientId", value);
  }

  /**
   * The {@code PatientId} with the given text, stripped of surrounding white space.
   *
   * @param value the text as the host knows it, at most {@value
   *     nl.pakketten.common.Identifier#MAX_LENGTH} characters
   * @return the identifier
   * @throws InvalidInputException when {@code value} is null, blank, too long or not printable
   */
  public static PatientId of(String value) {
    return new PatientId(value);
  }
}
