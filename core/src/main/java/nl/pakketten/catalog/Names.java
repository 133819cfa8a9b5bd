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

  /**
   * The key under which names are unique: stripped, then lower-cased with {@code
   * toLowerCase(Locale.ROOT)}, the same on every JVM whatever its default locale. One rule, computed
   * here only: the in-memory storage compares these keys, the databases store them in a plain
   * column and compare its characters, never a collation. So 'I' and 'ı', 'İ' and 'i', and 'σ' and
   * 'ς' are different letters ('ΟΔΟΣ' keys as 'οδος', its final capital sigma lower-cased to 'ς').
   * The key is at most twice as long as the name ('İ' lower-cases to two characters).
   */
  static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
