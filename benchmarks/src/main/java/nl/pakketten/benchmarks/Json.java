package nl.pakketten.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A tiny JSON writer for the results (no library needed for this one file). */
final class Json {
  static String write(List<BenchmarkSuite.Row> rows, Map<String, Object> facts) {
    StringBuilder b = new StringBuilder("{\n  \"facts\": {");
    String sep = "\n";
    for (Map.Entry<String, Object> e : facts.entrySet()) {
      b.append(sep).append("    ").append(quote(e.getKey())).append(": ").append(value(e.getValue()));
      sep = ",\n";
    }
    b.append("\n  },\n  \"results\": [");
    sep = "\n";
    for (BenchmarkSuite.Row r : rows) {
      b.append(sep).append(String.format(Locale.ROOT,
          "    {\"id\": %s, \"measure\": %s, \"ours\": %s, \"baseline\": %s, \"ratio\": %.4f, \"target\": %s, \"met\": %s}",
          quote(r.id()), quote(r.what()), quote(r.ours()), quote(r.baseline()), r.ratio(), quote(r.target()), r.met()));
      sep = ",\n";
    }
    return b.append("\n  ]\n}\n").toString();
  }

  private static String value(Object v) {
    if (v instanceof Number n) {
      return n.toString();
    }
    if (v instanceof List<?> list) {
      StringBuilder b = new StringBuilder("[");
      String sep = "";
      for (Object o : list) {
        b.append(sep).append(value(o));
        sep = ", ";
      }
      return b.append(']').toString();
    }
    if (v instanceof Load.Result r) {
      return String.format(Locale.ROOT, "{\"name\": %s, \"clients\": %d, \"tps\": %.1f, \"transactions\": %d, \"errors\": %d}",
          quote(r.name()), r.clients(), r.tps(), r.transactions(), r.errors());
    }
    if (v instanceof Map<?, ?> map) {
      StringBuilder b = new StringBuilder("{");
      String sep = "";
      for (Map.Entry<?, ?> e : map.entrySet()) {
        b.append(sep).append(quote(String.valueOf(e.getKey()))).append(": ").append(value(e.getValue()));
        sep = ", ";
      }
      return b.append('}').toString();
    }
    return quote(String.valueOf(v));
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private Json() {}
}
