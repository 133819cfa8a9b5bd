package nl.pakketten.invoicing;

import java.util.Locale;
import java.util.Optional;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.style.Makers;
import org.immutables.value.Value;

/**
 * What a practice prints on its invoices and how it numbers them: its name, address, Chamber of
 * Commerce (KvK) and VAT numbers, the IBAN patients pay to, the sender of its mails, the number
 * format (see {@link InvoiceNumbers}), the payment term and the default language.
 */
@Value.Immutable
public abstract class PracticeProfile {
  PracticeProfile() {}

  /** {@return the practice} */
  public abstract PracticeId practice();

  /** {@return the practice's name as printed} */
  public abstract String name();

  /** {@return the practice's postal address} */
  public abstract PostalAddress address();

  /** {@return the Chamber of Commerce (KvK) number} */
  public abstract String kvkNumber();

  /** {@return the VAT number} */
  public abstract String vatNumber();

  /** {@return the IBAN patients pay to, without spaces, checked when saved; empty if none} */
  public abstract Optional<String> iban();

  /** {@return the address invoices are mailed from} */
  public abstract String senderAddress();

  /** {@return the name invoices are mailed from} */
  public abstract String senderName();

  /** {@return the invoice number format, see {@link InvoiceNumbers}} */
  public abstract String numberFormat();

  /** {@return days from the issue date to the due date} */
  public abstract int paymentTermDays();

  /** {@return the language of patients whose language the directory does not know} */
  public abstract Locale defaultLanguage();

  @Value.Check
  void check() {
    String problem = InvoiceNumbers.problem(numberFormat());
    if (problem != null) {
      throw InvalidInputException.of("numberFormat", numberFormat(), problem);
    }
    if (paymentTermDays() < 0 || paymentTermDays() > 365) {
      throw InvalidInputException.of("paymentTermDays", paymentTermDays(), "must be from 0 to 365");
    }
  }

  static {
    Makers.register(Builder.class, Builder::new);
  }

  /**
   * Builds a {@link PracticeProfile}; {@code build()} checks its invariants. Adapters get one from
   * {@code nl.pakketten.spi.ValueBuilders}.
   */
  public static final class Builder extends ImmutablePracticeProfile.Builder {
    Builder() {}
  }
}
