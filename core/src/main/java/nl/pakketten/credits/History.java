package nl.pakketten.credits;

import java.util.List;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;

/** Port: the append-only history of credit movements. */
public interface History {
  void append(Movement movement);

  /** The patient's movements in the order they were appended. */
  List<Movement> ofPatient(PracticeId practice, PatientId patient);
}
