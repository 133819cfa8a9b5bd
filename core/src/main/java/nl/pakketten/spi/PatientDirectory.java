package nl.pakketten.spi;

import java.util.Optional;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.invoicing.PatientDetails;

/**
 * The host's port: what an invoice needs to know about a patient (name, e-mail address, postal
 * address, language). The SDK keeps none of it beyond the snapshot printed on an issued invoice.
 * Set it with {@code Pakketten.builder().patientDirectory(...)}; it is asked when an invoice is
 * issued and when it is sent, inside the SDK's transaction, so it should answer quickly.
 */
@FunctionalInterface
public interface PatientDirectory {
  /**
   * A patient's details.
   *
   * @param practice the practice
   * @param patient the patient
   * @return the details, empty if the host does not know the patient
   */
  Optional<PatientDetails> find(PracticeId practice, PatientId patient);

  /**
   * A directory that knows no patient: issuing then fails with a {@code NotFoundException}.
   *
   * @return the empty directory
   */
  static PatientDirectory none() {
    return (practice, patient) -> Optional.empty();
  }
}
