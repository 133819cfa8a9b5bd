package nl.pakketten.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.pakketten.common.FieldViolation;
import nl.pakketten.common.InvalidInputException;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Checks commands with Jakarta Validation (Hibernate Validator and its parameter interpolator, so
 * no Expression Language library is needed) and turns all violations into one {@link
 * InvalidInputException}. Rules that annotations cannot say (money signs, currencies) are added by
 * the caller through {@link Check}.
 */
public final class CommandValidator {
  /**
   * The earliest instant a command may carry: the range is what PostgreSQL's {@code timestamptz},
   * H2's {@code TIMESTAMP WITH TIME ZONE} and the in-memory storage all hold and read back exactly.
   */
  public static final Instant EARLIEST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
  /** The latest instant a command may carry, at microsecond precision (what the databases keep). */
  public static final Instant LATEST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");
  /** The earliest day a command may carry. */
  public static final LocalDate EARLIEST_DAY = LocalDate.of(1, 1, 1);
  /** The latest day a command may carry. */
  public static final LocalDate LATEST_DAY = LocalDate.of(9999, 12, 31);

  private static final ValidatorFactory FACTORY =
      Validation.byProvider(HibernateValidator.class)
          .configure()
          .getterPropertySelectionStrategy(new PropertyNamedAccessors())
          .messageInterpolator(new ParameterMessageInterpolator())
          .buildValidatorFactory();

  private final Validator validator = FACTORY.getValidator();
  private final ClassValue<Optional<List<MethodHandle>>> notNullOnly = new ClassValue<>() {
    @Override
    protected Optional<List<MethodHandle>> computeValue(Class<?> type) {
      return notNullGetters(type);
    }
  };

  /** Starts checking {@code command}: its annotated constraints are already evaluated. */
  public Check check(Object command) {
    if (command == null) {
      throw InvalidInputException.of("command", null, "must not be null");
    }
    if (allPresent(command)) {
      return new Check(new ArrayList<>());
    }
    Set<ConstraintViolation<Object>> found = validator.validate(command);
    List<FieldViolation> violations = new ArrayList<>();
    for (ConstraintViolation<Object> v : found) {
      violations.add(FieldViolation.of(v.getPropertyPath().toString(), v.getInvalidValue(), v.getMessage()));
    }
    return new Check(violations);
  }

  /**
   * Fast path for commands whose only constraints are {@code @NotNull} on their properties (the
   * hot ones, such as scheduling): when every such property is present the validator could find
   * nothing, so it is not asked. Anything else, or any missing value, goes through the validator,
   * which then names every failing field. Profiling the in-memory spend showed the validator's
   * machinery as half its cost.
   */
  private boolean allPresent(Object command) {
    Optional<List<MethodHandle>> getters = notNullOnly.get(command.getClass());
    if (getters.isEmpty()) {
      return false;
    }
    try {
      for (MethodHandle getter : getters.get()) {
        if (getter.invoke(command) == null) {
          return false;
        }
      }
      return true;
    } catch (Throwable e) {
      return false; // let the validator look at it
    }
  }

  private Optional<List<MethodHandle>> notNullGetters(Class<?> type) {
    BeanDescriptor bean = validator.getConstraintsForClass(type);
    if (!bean.getConstraintDescriptors().isEmpty()) {
      return Optional.empty();
    }
    List<MethodHandle> getters = new ArrayList<>();
    for (PropertyDescriptor property : bean.getConstrainedProperties()) {
      if (property.isCascaded() || !property.getConstrainedContainerElementTypes().isEmpty()) {
        return Optional.empty();
      }
      for (ConstraintDescriptor<?> constraint : property.getConstraintDescriptors()) {
        if (constraint.getAnnotation().annotationType() != NotNull.class) {
          return Optional.empty();
        }
      }
      String name = property.getPropertyName();
      Optional<MethodHandle> handle = publicGetter(type, name);
      if (handle.isEmpty()) {
        return Optional.empty();
      }
      getters.add(handle.get());
    }
    return Optional.of(List.copyOf(getters));
  }

  /** The getter as declared on the nearest public class (generated implementations are package-private). */
  private static Optional<MethodHandle> publicGetter(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (java.lang.reflect.Modifier.isPublic(c.getModifiers())) {
        try {
          return Optional.of(MethodHandles.publicLookup().unreflect(c.getMethod(name)));
        } catch (ReflectiveOperationException | SecurityException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /** Whether commands of this class can skip the validator when complete (for tests). */
  boolean hasFastPath(Class<?> type) {
    return notNullOnly.get(type).isPresent();
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

    /**
     * Adds a violation of {@code field} when {@code instant} (if present) is outside {@link
     * #EARLIEST_INSTANT}..{@link #LATEST_INSTANT} or finer than a microsecond: every storage must
     * hold it and read it back exactly, or a replay would not be recognised.
     */
    public Check requireSupported(String field, Instant instant) {
      if (instant == null || failed(field)) {
        return this;
      }
      if (instant.isBefore(EARLIEST_INSTANT) || instant.isAfter(LATEST_INSTANT)) {
        return require(false, field, instant, "must be between " + EARLIEST_INSTANT + " and " + LATEST_INSTANT);
      }
      return require(instant.getNano() % 1_000 == 0, field, instant, "must have at most microsecond precision");
    }

    /**
     * Adds a violation of {@code field} when {@code day} (if present) is outside {@link
     * #EARLIEST_DAY}..{@link #LATEST_DAY}.
     */
    public Check requireSupported(String field, LocalDate day) {
      if (day == null || failed(field)) {
        return this;
      }
      return require(!day.isBefore(EARLIEST_DAY) && !day.isAfter(LATEST_DAY), field, day,
          "must be between " + EARLIEST_DAY + " and " + LATEST_DAY);
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
