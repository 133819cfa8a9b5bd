package nl.pakketten.wallet;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;

/**
 * A patient's statement of credits for a period {@code from <= at < to}: per package, the opening
 * balance, every movement with its running balance, and the closing balance. A patient the practice
 * has no movements of gets a statement without packages.
 *
 * @param practice the practice
 * @param patient the patient
 * @param from the first instant of the period
 * @param to the first instant after the period
 * @param packages one part per package that has a movement in the period or a balance at its
 *     start, sorted by package id
 */
public record PatientStatement(PracticeId practice, PatientId patient, Instant from, Instant to,
    List<WalletStatement> packages) {
  /**
   * A statement.
   *
   * @param practice the practice
   * @param patient the patient
   * @param from the period's start
   * @param to the period's end
   * @param packages the parts per package; copied
   * @throws NullPointerException when a reference is missing
   */
  public PatientStatement {
    Objects.requireNonNull(practice, "practice");
    Objects.requireNonNull(patient, "patient");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    packages = List.copyOf(packages);
  }

  /**
   * Whether there is nothing to state.
   *
   * @return true when no package has a balance at the start or a movement in the period
   */
  public boolean isEmpty() {
    return packages.isEmpty();
  }
}
