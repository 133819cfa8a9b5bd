package nl.pakketten.common;

import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** A command was malformed; {@link #violations()} lists every failing field at once. */
public final class InvalidInputException extends PakkettenException {
  private final List<FieldViolation> violations;

  public InvalidInputException(List<FieldViolation> violations) {
    super("Invalid input: " + violations.stream().map(FieldViolation::toString).collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  /** A single violation. */
  public static InvalidInputException of(String field, @Nullable Object value, String message) {
    return new InvalidInputException(List.of(FieldViolation.of(field, value, message)));
  }

  /** Every failing field, in a stable order. */
  public List<FieldViolation> violations() {
    return violations;
  }
}
