package nl.pakketten.common;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One failed rule on one field of a command.
 *
 * @param field the field's path, for example {@code name} or {@code lines[0].quantity}
 * @param invalidValue the value that was given, as text ({@code null} when it was missing)
 * @param message what is wrong with it
 */
public record FieldViolation(String field, @Nullable String invalidValue, String message) {
  /**
   * A violation; {@code field} and {@code message} are required.
   *
   * @param field the field's path, for example {@code name} or {@code lines[0].quantity}
   * @param invalidValue the value that was given, as text ({@code null} when it was missing)
   * @param message what is wrong with it
   */
  public FieldViolation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  /**
   * A violation of {@code field} with the given value.
   *
   * @param field the field's path, for example {@code lines[0].quantity}
   * @param invalidValue the value that was given, turned into text; {@code null} when it was
   *     missing
   * @param message what is wrong with it
   * @return the violation
   */
  public static FieldViolation of(String field, @Nullable Object invalidValue, String message) {
    return new FieldViolation(field, invalidValue == null ? null : String.valueOf(invalidValue), message);
  }

  @Override
  public String toString() {
    return field + " " + message + (invalidValue == null ? "" : " (was '" + invalidValue + "')");
  }
}
