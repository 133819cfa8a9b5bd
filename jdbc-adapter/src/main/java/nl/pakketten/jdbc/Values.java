package nl.pakketten.jdbc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import nl.pakketten.common.InvalidInputException;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Conversions between the domain's values and columns, with the checks that turn a value a column
 * cannot hold into the core's {@link InvalidInputException} before it reaches the database.
 */
final class Values {
  /** Longest text of an identifier column. */
  static final int ID = 64;
  /** Money columns are NUMERIC(19, 4): at most 15 digits before the point and 4 after. */
  private static final BigDecimal MONEY_LIMIT = new BigDecimal("1000000000000000");
  private static final int MONEY_SCALE = 4;
  /** Query bounds are clamped to what both databases can hold. */
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

  private Values() {}

  /** A typed SQL NULL parameter. */
  enum Null {
    VARCHAR(Types.VARCHAR),
    INTEGER(Types.INTEGER),
    DATE(Types.DATE),
    TIMESTAMP(Types.TIMESTAMP_WITH_TIMEZONE);

    final int sqlType;

    Null(int sqlType) {
      this.sqlType = sqlType;
    }
  }

  /** {@code value}, refused when longer than {@code max} characters. */
  static String text(String field, String value, int max) {
    if (value != null && value.length() > max) {
      throw InvalidInputException.of(field, value, "must be at most " + max + " characters to be stored");
    }
    return value;
  }

  /** {@code value} or a typed NULL, refused when longer than {@code max} characters. */
  static Object nullableText(String field, String value, int max) {
    return value == null ? Null.VARCHAR : text(field, value, max);
  }

  /** The amount of {@code money} as a NUMERIC(19, 4), refused when it does not fit. */
  static BigDecimal amount(String field, Money money) {
    BigDecimal amount = money.getAmount();
    if (amount.scale() > MONEY_SCALE || amount.abs().compareTo(MONEY_LIMIT) >= 0) {
      throw InvalidInputException.of(field, money, "must be less than " + MONEY_LIMIT.toPlainString()
          + " in absolute value, with at most " + MONEY_SCALE + " decimals, to be stored");
    }
    return amount;
  }

  /** A timestamp the SDK made: stored at the databases' precision, microseconds. */
  static Instant instant(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * A timestamp the host gave that must read back exactly (an appointment's start, compared when a
   * call is replayed): refused when finer than microseconds.
   */
  static Instant exactInstant(String field, Instant instant) {
    if (instant.getNano() % 1_000 != 0) {
      throw InvalidInputException.of(field, instant, "must have at most microsecond precision to be stored");
    }
    return instant;
  }

  /** A query bound, clamped to the range both databases can hold. */
  static Instant bound(Instant instant) {
    return instant.isBefore(EARLIEST) ? EARLIEST : instant.isAfter(LATEST) ? LATEST : instant;
  }

  /** A date or a typed NULL. */
  static Object date(Optional<LocalDate> date) {
    return date.isPresent() ? date.get() : Null.DATE;
  }

  static Money money(ResultSet rs, String amountColumn, String currencyColumn) throws SQLException {
    CurrencyUnit currency = CurrencyUnit.of(rs.getString(currencyColumn));
    BigDecimal amount = rs.getBigDecimal(amountColumn);
    return Money.of(currency, amount.setScale(currency.getDecimalPlaces(), RoundingMode.UNNECESSARY));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  static Optional<LocalDate> date(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getObject(column, LocalDate.class));
  }

  static Optional<String> text(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getString(column));
  }

  /** An INTEGER column that may be NULL. */
  static Optional<Integer> integer(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(value);
  }
}
