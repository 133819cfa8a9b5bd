package nl.pakketten.invoicing;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the host's patient directory tells about a patient: what an invoice prints and where it is
 * mailed. The SDK keeps none of it, except the snapshot printed on an issued invoice.
 *
 * @param name the patient's name as printed
 * @param email where invoices are mailed; empty when the host knows none (sending then fails)
 * @param address the patient's postal address
 * @param language the language the patient reads; empty for the practice's default language
 */
public record PatientDetails(String name, Optional<String> email, PostalAddress address, Optional<Locale> language) {
  /**
   * Checks that nothing is missing.
   *
   * @param name the patient's name as printed
   * @param email where invoices are mailed; empty when the host knows none (sending then fails)
   * @param address the patient's postal address
   * @param language the language the patient reads; empty for the practice's default language
   */
  public PatientDetails {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(language, "language");
  }
}
