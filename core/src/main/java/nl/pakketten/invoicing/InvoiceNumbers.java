package nl.pakketten.invoicing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.pakketten.common.InvalidInputException;

/**
 * The invoice number format of a practice. A format is literal text with these placeholders:
 *
 * <ul>
 *   <li>{@code {seq}} or {@code {seq:N}} (required, exactly once): the number in the practice's
 *       series, zero-padded to N digits (1 to 12);
 *   <li>{@code {yyyy}} (optional): the year of the issue date.
 * </ul>
 *
 * <p>For example {@code F{yyyy}-{seq:5}} makes {@code F2026-00042}. The series itself is one per
 * practice and is never reset (not at a new year either): a year in the format only decorates the
 * number, so numbers stay unique and gapless whatever the format. Literal text is at most 30
 * characters of letters, digits, {@code -}, {@code /}, {@code .} and {@code _}.
 */
public final class InvoiceNumbers {
  /** The format used when a profile names none: the year, a dash, five digits. */
  public static final String DEFAULT_FORMAT = "{yyyy}-{seq:5}";

  private static final Pattern TOKEN = Pattern.compile("\\{(yyyy|seq(?::(\\d{1,2}))?)}");
  private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9_./-]*");

  private InvoiceNumbers() {}

  /**
   * What is wrong with a format, if anything.
   *
   * @param format the format
   * @return null when the format is valid, else the problem
   */
  public static String problem(String format) {
    Matcher m = TOKEN.matcher(format);
    int seqs = 0;
    int at = 0;
    StringBuilder literal = new StringBuilder();
    while (m.find()) {
      literal.append(format, at, m.start());
      at = m.end();
      if (m.group(1).startsWith("seq")) {
        seqs++;
        if (m.group(2) != null) {
          int digits = Integer.parseInt(m.group(2));
          if (digits < 1 || digits > 12) {
            return "pads the sequence to " + digits + " digits; 1 to 12 are supported";
          }
        }
      }
    }
    literal.append(format.substring(at));
    if (seqs != 1) {
      return "must hold {seq} or {seq:N} exactly once";
    }
    if (!LITERAL.matcher(literal).matches() || literal.length() > 30) {
      return "may hold at most 30 characters of letters, digits, '-', '/', '.' and '_' besides {seq} and {yyyy}";
    }
    return null;
  }

  /**
   * A format with its year filled in: the text before the sequence, the digits it is padded to, and
   * the text after it. What an adapter needs to write the number where the sequence is only known
   * inside a statement (on PostgreSQL: {@code prefix || lpad(seq, greatest(digits, length(seq)), '0')
   * || suffix}); {@link #number} is the same in Java.
   *
   * @param prefix the text before the sequence
   * @param digits the sequence's zero-padded width, 1 when the format does not pad it
   * @param suffix the text after the sequence
   */
  public record Numbering(String prefix, int digits, String suffix) {
    /**
     * The invoice number of a sequence number; a sequence wider than {@link #digits} is not cut.
     *
     * @param sequence the number in the practice's series, from 1
     * @return the invoice number, as {@link InvoiceNumbers#format} makes it
     */
    public String number(long sequence) {
      String seq = Long.toString(sequence);
      return prefix + "0".repeat(Math.max(0, digits - seq.length())) + seq + suffix;
    }
  }

  /**
   * A format for the issue dates of {@code year}: what {@link #format} puts around the sequence.
   *
   * @param format a valid format
   * @param year the issue date's year
   * @return the numbering
   * @throws InvalidInputException when the format is invalid
   */
  public static Numbering numbering(String format, int year) {
    String problem = problem(format);
    if (problem != null) {
      throw InvalidInputException.of("numberFormat", format, problem);
    }
    Matcher m = TOKEN.matcher(format);
    StringBuilder before = new StringBuilder();
    StringBuilder after = before;
    String prefix = null;
    int digits = 1;
    int at = 0;
    while (m.find()) {
      after.append(format, at, m.start());
      at = m.end();
      if (m.group(1).equals("yyyy")) {
        after.append(String.format("%04d", year));
      } else {
        prefix = after.toString();
        digits = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        after = new StringBuilder();
      }
    }
    after.append(format.substring(at));
    return new Numbering(prefix, digits, after.toString());
  }

  /**
   * Formats a number.
   *
   * @param format a valid format
   * @param year the issue date's year
   * @param sequence the number in the practice's series, from 1
   * @return the invoice number
   * @throws InvalidInputException when the format is invalid
   */
  public static String format(String format, int year, long sequence) {
    return numbering(format, year).number(sequence);
  }
}
