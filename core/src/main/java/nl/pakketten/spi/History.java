package nl.pakketten.spi;

import nl.pakketten.common.Page;
import nl.pakketten.common.PageRequest;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.wallet.Movement;

/** Port: the append-only history of credit movements. */
public interface History {
  void append(Movement movement);

  /**
   * A page of the patient's movements in the order they were appended (keyset on the append
   * sequence: a movement appended while a caller pages is read on a later page, never twice). An
   * unusable cursor is an {@link nl.pakketten.common.InvalidInputException} naming {@code after}.
   */
  Page<Movement> ofPatient(PracticeId practice, PatientId patient, PageRequest request);
}
