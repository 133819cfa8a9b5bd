package nl.pakketten.common;

import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** A command was malformed; {@link #violations()} lists every failing field at once. */
public final class InvalidInputException extends PakkettenException {
  /** Every failing field. */
  private final List<FieldViolation> violations;

  /**
   * An exception listing the given violations in its message.
   *
   * @param violations every failing field, in a stable order; copied
   */
  public InvalidInputException(List<FieldViolation> violations) {
    super("Invalid input: " + violations.stream().map(FieldViolation::toString).collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  /**
   * An exception with a single violation.
   *
   * @param field the field's path
   * @param value the value that was given; {@code null} when it was missing
   * @param message what is wrong with it
   * @return the exception, to throw
   */
  public static InvalidInputException of(String field, @Nullable Object value, String message) {
    return new InvalidInputException(List.of(FieldViolation.of(field, value, message)));
  }

  /**
   * Every failing field.
   *
   * @return the violations, at least one, in a stable order; unmodifiable
   */
  public List<FieldViolation> violations() {
    return violations;
  }
}
