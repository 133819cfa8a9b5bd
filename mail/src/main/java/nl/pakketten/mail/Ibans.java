package nl.pakketten.mail;

import java.util.List;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;

/** The IBAN check, by iban4j: country, length, format of the account part and check digits. */
final class Ibans {
  private Ibans() {}

  static List<String> problems(String iban) {
    try {
      IbanUtil.validate(iban);
      return List.of();
    } catch (InvalidCheckDigitException e) {
      return List.of("wrong check digits: " + e.getMessage());
    } catch (UnsupportedCountryException e) {
      return List.of("unknown country: " + e.getMessage());
    } catch (IbanFormatException e) {
      return List.of(String.valueOf(e.getMessage()));
    }
  }
}
