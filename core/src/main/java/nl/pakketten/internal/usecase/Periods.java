package nl.pakketten.internal.usecase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.pakketten.common.FieldViolation;
import nl.pakketten.common.PracticeId;

/** The checks of a read over a period {@code from <= at < to}, shared by the reports and the export. */
final class Periods {
  private Periods() {}

  /**
   * What is wrong with a practice and a period: a missing argument, or a {@code to} before {@code
   * from} (named {@code to}); {@code to} may equal {@code from}, an empty period.
   *
   * @return the problems, empty when there are none; a new list the caller may add to
   */
  static List<FieldViolation> problems(PracticeId practice, Instant from, Instant to) {
    List<FieldViolation> problems = new ArrayList<>();
    if (practice == null) {
      problems.add(FieldViolation.of("practice", null, "must not be null"));
    }
    if (from == null) {
      problems.add(FieldViolation.of("from", null, "must not be null"));
    }
    if (to == null) {
      problems.add(FieldViolation.of("to", null, "must not be null"));
    } else if (from != null && to.isBefore(from)) {
      problems.add(FieldViolation.of("to", to, "must not be before from (" + from + ")"));
    }
    return problems;
  }
}
