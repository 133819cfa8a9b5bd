package nl.pakketten.internal.outbox;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A small JSON writer and reader over a tree of plain Java values: {@code Map<String, Object>}
 * (objects, in insertion order), {@code List<Object>} (arrays), {@code String}, {@code Boolean},
 * numbers and {@code null}. The core may not depend on a JSON library; this is all the outbox needs.
 *
 * <p>The reader is strict, since the text comes from storage and is data, not code: one value and
 * nothing after it, no duplicate keys, no more than {@value #MAX_DEPTH} levels of nesting, numbers
 * read exactly as {@link BigDecimal}. Every refusal is an {@link IllegalArgumentException} naming
 * the offset and what was expected there.
 */
final class Json {
  /** Deeper than any event nests; a limit keeps a hostile text from exhausting the stack. */
  static final int MAX_DEPTH = 64;

  private final String text;
  private int at;

  private Json(String text) {
    this.text = text;
  }

  /**
   * The compact text of a tree: no white space, keys in the map's order, so the same tree always
   * gives the same text.
   *
   * @param tree maps, lists, strings, booleans, integral or {@code BigDecimal} numbers and nulls
   * @return its JSON text
   */
  static String write(@Nullable Object tree) {
    StringBuilder out = new StringBuilder();
    write(tree, out);
    return out.toString();
  }

  private static void write(@Nullable Object tree, StringBuilder out) {
    if (tree == null) {
      out.append("null");
    } else if (tree instanceof String s) {
      writeString(s, out);
    } else if (tree instanceof Boolean || tree instanceof Number) {
      out.append(tree);
    } else if (tree instanceof Map<?, ?> map) {
      out.append('{');
      String separator = "";
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        out.append(separator);
        writeString((String) entry.getKey(), out);
        out.append(':');
        write(entry.getValue(), out);
        separator = ",";
      }
      out.append('}');
    } else if (tree instanceof List<?> list) {
      out.append('[');
      String separator = "";
      for (Object element : list) {
        out.append(separator);
        write(element, out);
        separator = ",";
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException("Not a JSON tree value: " + tree.getClass().getName());
    }
  }

  /**
   * Quotes a string. Control characters and unpaired surrogates are escaped, so that the text
   * survives a round trip through a UTF-8 column unchanged.
   */
  private static void writeString(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
          if (paired) {
            out.append(c).append(s.charAt(++i));
          } else if (c < 0x20 || Character.isSurrogate(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /**
   * Reads a JSON text into a tree: objects become {@code LinkedHashMap}s, arrays {@code
   * ArrayList}s, numbers {@link BigDecimal}s.
   *
   * @param text one JSON value, with optional white space around it
   * @return the tree
   * @throws IllegalArgumentException when the text is not one well-formed JSON value
   */
  static @Nullable Object parse(String text) {
    Json reader = new Json(text);
    Object value = reader.value(0);
    reader.skipWhiteSpace();
    if (reader.at < text.length()) {
      throw reader.malformed("the end of the text");
    }
    return value;
  }

  private @Nullable Object value(int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("Malformed JSON: nested deeper than " + MAX_DEPTH + " levels at offset " + at);
    }
    skipWhiteSpace();
    if (at >= text.length()) {
      throw malformed("a value");
    }
    char c = text.charAt(at);
    return switch (c) {
      case '{' -> object(depth);
      case '[' -> array(depth);
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw malformed("a value");
      }
    };
  }

  private Map<String, @Nullable Object> object(int depth) {
    Map<String, @Nullable Object> object = new LinkedHashMap<>();
    at++; // '{'
    skipWhiteSpace();
    if (accept('}')) {
      return object;
    }
    do {
      skipWhiteSpace();
      int keyAt = at;
      if (at >= text.length() || text.charAt(at) != '"') {
        throw malformed("a key in quotes");
      }
      String key = string();
      skipWhiteSpace();
      expect(':');
      if (object.containsKey(key)) {
        throw new IllegalArgumentException("Malformed JSON: duplicate key \"" + key + "\" at offset " + keyAt);
      }
      object.put(key, value(depth + 1));
      skipWhiteSpace();
    } while (accept(','));
    expect('}');
    return object;
  }

  private List<@Nullable Object> array(int depth) {
    List<@Nullable Object> array = new ArrayList<>();
    at++; // '['
    skipWhiteSpace();
    if (accept(']')) {
      return array;
    }
    do {
      array.add(value(depth + 1));
      skipWhiteSpace();
    } while (accept(','));
    expect(']');
    return array;
  }

  private String string() {
    at++; // '"'
    StringBuilder s = new StringBuilder();
    while (true) {
      if (at >= text.length()) {
        throw malformed("the end of the string");
      }
      char c = text.charAt(at++);
      if (c == '"') {
        return s.toString();
      } else if (c < 0x20) {
        at--;
        throw malformed("an escaped control character");
      } else if (c != '\\') {
        s.append(c);
      } else {
        if (at >= text.length()) {
          throw malformed("an escape");
        }
        char escape = text.charAt(at++);
        switch (escape) {
          case '"', '\\', '/' -> s.append(escape);
          case 'b' -> s.append('\b');
          case 'f' -> s.append('\f');
          case 'n' -> s.append('\n');
          case 'r' -> s.append('\r');
          case 't' -> s.append('\t');
          case 'u' -> s.append(unicodeEscape());
          default -> {
            at--;
            throw malformed("an escape");
          }
        }
      }
    }
  }

  private char unicodeEscape() {
    if (at + 4 > text.length()) {
      throw malformed("four hex digits");
    }
    int code = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(text.charAt(at), 16);
      if (digit < 0) {
        throw malformed("four hex digits");
      }
      code = code * 16 + digit;
      at++;
    }
    return (char) code;
  }

  /** A number by JSON's grammar: {@code -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?}. */
  private BigDecimal number() {
    int start = at;
    accept('-');
    if (!accept('0')) {
      digits();
    }
    if (accept('.')) {
      digits();
    }
    if (accept('e') || accept('E')) {
      if (!accept('+')) {
        accept('-');
      }
      digits();
    }
    try {
      return new BigDecimal(text.substring(start, at));
    } catch (NumberFormatException e) { // an exponent beyond what BigDecimal holds
      at = start;
      throw malformed("a number within range");
    }
  }

  private void digits() {
    int start = at;
    while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
      at++;
    }
    if (at == start) {
      throw malformed("a digit");
    }
  }

  private @Nullable Object literal(String word, @Nullable Object value) {
    if (!text.startsWith(word, at)) {
      throw malformed("a value");
    }
    at += word.length();
    return value;
  }

  private void skipWhiteSpace() {
    while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
  }

  private boolean accept(char c) {
    if (at < text.length() && text.charAt(at) == c) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!accept(c)) {
      throw malformed("'" + c + "'");
    }
  }

  private IllegalArgumentException malformed(String expected) {
    String found = at < text.length() ? "'" + text.charAt(at) + "'" : "the end of the text";
    return new IllegalArgumentException("Malformed JSON: expected " + expected + " at offset " + at + ", found " + found);
  }
}
