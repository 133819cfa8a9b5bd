package nl.pakketten.spi;

import nl.pakketten.common.Page;
import nl.pakketten.common.PageRequest;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.wallet.Movement;

/** Port: the append-only history of credit movements. */
public interface History {
  /**
   * Appends a movement; it is never changed afterwards.
   *
   * @param movement the movement, in its own practice and patient
   */
  void append(Movement movement);

  /**
   * A page of the patient's movements in the order they were appended (keyset on the append
   * sequence: a movement appended while a caller pages is read on a later page, never twice). An
   * unusable cursor is an {@link nl.pakketten.common.InvalidInputException} naming {@code after}.
   *
   * @param practice the practice
   * @param patient the patient
   * @param request which page
   * @return the page; empty when the patient has no (more) movements
   */
  Page<Movement> ofPatient(PracticeId practice, PatientId patient, PageRequest request);
}
