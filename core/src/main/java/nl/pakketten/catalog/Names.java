package nl.pakketten.catalog;

import java.util.Locale;
import nl.pakketten.common.InvalidInputException;

/** Rules for human-readable names. */
final class Names {
  static final int MAX_LENGTH = 200;

  private Names() {}

  static void requireName(String field, String name) {
    if (name.isBlank()) {
      throw InvalidInputException.of(field, name, "must not be blank");
    }
    if (!name.equals(name.strip())) {
      throw InvalidInputException.of(field, name, "must be trimmed");
    }
    if (name.length() > MAX_LENGTH) {
      throw InvalidInputException.of(field, name, "must be at most " + MAX_LENGTH + " characters");
    }
  }

  /** The key under which names are unique: trimmed and lower case. */
  static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
