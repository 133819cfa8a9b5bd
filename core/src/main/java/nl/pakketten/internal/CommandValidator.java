package nl.pakketten.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import nl.pakketten.common.FieldViolation;
import nl.pakketten.common.InvalidInputException;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Checks commands with Jakarta Validation (Hibernate Validator and its parameter interpolator, so
 * no Expression Language library is needed) and turns all violations into one {@link
 * InvalidInputException}. Rules that annotations cannot say (money signs, currencies) are added by
 * the caller through {@link Check}.
 */
public final class CommandValidator {
  private static final ValidatorFactory FACTORY =
      Validation.byDefaultProvider()
          .configure()
          .messageInterpolator(new ParameterMessageInterpolator())
          .buildValidatorFactory();

  private final Validator validator = FACTORY.getValidator();

  /** Starts checking {@code command}: its annotated constraints are already evaluated. */
  public Check check(Object command) {
    if (command == null) {
      throw InvalidInputException.of("command", null, "must not be null");
    }
    Set<ConstraintViolation<Object>> found = validator.validate(command);
    List<FieldViolation> violations = new ArrayList<>();
    for (ConstraintViolation<Object> v : found) {
      violations.add(FieldViolation.of(v.getPropertyPath().toString(), v.getInvalidValue(), v.getMessage()));
    }
    return new Check(violations);
  }

  /** Violations collected so far, with room for more. */
  public static final class Check {
    private final List<FieldViolation> violations;

    Check(List<FieldViolation> violations) {
      this.violations = violations;
    }

    /** Adds a violation of {@code field} when {@code ok} is false. */
    public Check require(boolean ok, String field, Object value, String message) {
      if (!ok) {
        violations.add(FieldViolation.of(field, value, message));
      }
      return this;
    }

    /** Whether {@code field} already failed (so that dependent checks can be skipped). */
    public boolean failed(String field) {
      return violations.stream().anyMatch(v -> v.field().equals(field));
    }

    /** Throws one exception listing every violation, sorted by field, if there are any. */
    public void orThrow() {
      if (!violations.isEmpty()) {
        violations.sort(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message));
        throw new InvalidInputException(violations);
      }
    }
  }
}
