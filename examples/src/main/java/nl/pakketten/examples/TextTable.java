package nl.pakketten.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A plain-text table with aligned columns, for the examples' console output. */
final class TextTable {
  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();
  private final Set<Integer> rightAligned = new HashSet<>();

  private TextTable(List<String> headers) {
    this.headers = headers;
  }

  /** A table with these column headings. */
  static TextTable of(String... headers) {
    return new TextTable(List.of(headers));
  }

  /** Aligns the given columns (0-based) to the right, as numbers and amounts read best. */
  TextTable alignRight(int... columns) {
    Arrays.stream(columns).forEach(rightAligned::add);
    return this;
  }

  /** Adds a row; each cell is printed with {@link String#valueOf(Object)}. */
  TextTable row(Object... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
    }
    rows.add(Arrays.stream(cells).map(String::valueOf).toList());
    return this;
  }

  /** Prints the table, indented by two spaces. */
  void print(PrintStream out) {
    int[] widths = new int[headers.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = headers.get(c).length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    out.println(line(headers, widths));
    List<String> rule = new ArrayList<>();
    for (int width : widths) {
      rule.add("-".repeat(width));
    }
    out.println(line(rule, widths));
    for (List<String> row : rows) {
      out.println(line(row, widths));
    }
  }

  private String line(List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder("  ");
    for (int c = 0; c < cells.size(); c++) {
      String cell = cells.get(c);
      String padding = " ".repeat(widths[c] - cell.length());
      line.append(rightAligned.contains(c) ? padding + cell : cell + padding);
      if (c < cells.size() - 1) {
        line.append("  ");
      }
    }
    return line.toString().stripTrailing();
  }
}
