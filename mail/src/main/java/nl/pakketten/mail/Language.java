package nl.pakketten.mail;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nl.pakketten.invoicing.DocumentKind;
import nl.pakketten.invoicing.VatRate;
import org.joda.money.Money;

/**
 * How values read in the two shipped languages: dates, money, VAT rates and document kinds. Any
 * language other than Dutch reads as English, as the default templates do.
 *
 * <p>Money is formatted by hand rather than with {@code NumberFormat.getCurrencyInstance}: the
 * JDK's locale data puts a non-breaking space after the euro sign and has changed between
 * releases, and a printed invoice must not change with the JVM.
 */
enum Language {
  DUTCH(Locale.forLanguageTag("nl"), ',', '.', "vrijgesteld", "Factuur", "Creditnota"),
  ENGLISH(Locale.ENGLISH, '.', ',', "exempt", "Invoice", "Credit note");

  private final Locale locale;
  private final DateTimeFormatter dates;
  private final DecimalFormatSymbols symbols;
  private final String exempt;
  private final String invoice;
  private final String creditNote;

  Language(Locale locale, char decimalSeparator, char groupingSeparator, String exempt, String invoice,
      String creditNote) {
    this.locale = locale;
    this.dates = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
    this.symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
    symbols.setDecimalSeparator(decimalSeparator);
    symbols.setGroupingSeparator(groupingSeparator);
    this.exempt = exempt;
    this.invoice = invoice;
    this.creditNote = creditNote;
  }

  /** The shipped language a patient's language reads as: Dutch for {@code nl}, else English. */
  static Language of(Locale language) {
    return "nl".equals(language.getLanguage()) ? DUTCH : ENGLISH;
  }

  /** The locale whose resources (templates, labels) belong to this language. */
  Locale locale() {
    return locale;
  }

  /** {@code 2 december 2026} in Dutch, {@code 2 December 2026} in English. */
  String date(LocalDate date) {
    return dates.format(date);
  }

  /** {@code € 1.385,00} and {@code € -385,00} in Dutch, {@code €1,385.00} and {@code -€385.00} in English. */
  String money(Money money) {
    DecimalFormat format = new DecimalFormat(pattern(money.getCurrencyUnit().getDecimalPlaces()), symbols);
    BigDecimal amount = money.getAmount();
    String symbol = "EUR".equals(money.getCurrencyUnit().getCode()) ? "€" : money.getCurrencyUnit().getCode();
    if (this == DUTCH) {
      return symbol + " " + format.format(amount);
    }
    String sign = amount.signum() < 0 ? "-" : "";
    String separator = symbol.length() > 1 ? " " : "";
    return sign + symbol + separator + format.format(amount.abs());
  }

  /** {@code vrijgesteld} / {@code exempt}, or the percentage: {@code 9%}, {@code 21%}. */
  String vatRate(VatRate rate) {
    return rate == VatRate.EXEMPT ? exempt : rate.percentage().stripTrailingZeros().toPlainString() + "%";
  }

  /** {@code Factuur} / {@code Invoice}, {@code Creditnota} / {@code Credit note}. */
  String kind(DocumentKind kind) {
    return kind == DocumentKind.CREDIT_NOTE ? creditNote : invoice;
  }

  private static String pattern(int decimals) {
    return decimals <= 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
  }
}
