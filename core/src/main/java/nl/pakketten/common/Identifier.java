package nl.pakketten.common;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Base of every identifier and code: a trimmed, non-blank string of at most {@value #MAX_LENGTH}
 * printable characters. Two identifiers are equal when they are of the same type and value.
 */
public abstract class Identifier implements Comparable<Identifier> {
  /** The longest identifier accepted, so that every adapter can store it. */
  public static final int MAX_LENGTH = 64;

  private static final Pattern PRINTABLE = Pattern.compile("[\\p{Print}\\p{L}\\p{M}\\p{N}]+");

  private final String value;
  private final int hash;

  /**
   * Checks and keeps the value.
   *
   * @param field the name of the field, used in the violation when the value is refused
   * @param value the text; surrounding white space is stripped
   * @throws InvalidInputException when {@code value} is null, blank, longer than {@value
   *     #MAX_LENGTH} characters or not printable
   */
  protected Identifier(String field, String value) {
    this.value = check(field, value);
    this.hash = 31 * getClass().getName().hashCode() + this.value.hashCode();
  }

  private static String check(String field, String value) {
    if (value == null) {
      throw new InvalidInputException(List.of(FieldViolation.of(field, null, "must not be null")));
    }
    String trimmed = value.strip();
    if (trimmed.isEmpty()) {
      throw new InvalidInputException(List.of(FieldViolation.of(field, value, "must not be blank")));
    }
    if (trimmed.length() > MAX_LENGTH) {
      throw new InvalidInputException(
          List.of(FieldViolation.of(field, value, "must be at most " + MAX_LENGTH + " characters")));
    }
    if (!printable(trimmed)) {
      throw new InvalidInputException(
          List.of(FieldViolation.of(field, value, "must contain printable characters only")));
    }
    return trimmed;
  }

  /** Printable ASCII is accepted without the pattern; anything else is decided by it. */
  private static boolean printable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return PRINTABLE.matcher(text).matches();
      }
    }
    return true;
  }

  /**
   * The identifier as text.
   *
   * @return the value, stripped of surrounding white space, never blank
   */
  public final String value() {
    return value;
  }

  @Override
  public final boolean equals(Object other) {
    return other != null && other.getClass() == getClass() && ((Identifier) other).value.equals(value);
  }

  @Override
  public final int hashCode() {
    return hash; // identifiers are hash keys on every hot path: computed once
  }

  @Override
  public final int compareTo(Identifier other) {
    return value.compareTo(other.value);
  }

  @Override
  public final String toString() {
    return value;
  }
}
