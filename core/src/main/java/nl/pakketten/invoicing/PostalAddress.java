package nl.pakketten.invoicing;

import java.util.Objects;

/**
 * A postal address as printed on an invoice.
 *
 * @param street street and house number
 * @param postalCode the postal code
 * @param city the city
 * @param countryCode ISO 3166-1 alpha-2, {@code NL} for the Netherlands
 */
public record PostalAddress(String street, String postalCode, String city, String countryCode) {
  /**
   * Checks that no part is missing.
   *
   * @param street street and house number
   * @param postalCode the postal code
   * @param city the city
   * @param countryCode ISO 3166-1 alpha-2, {@code NL} for the Netherlands
   */
  public PostalAddress {
    Objects.requireNonNull(street, "street");
    Objects.requireNonNull(postalCode, "postalCode");
    Objects.requireNonNull(city, "city");
    Objects.requireNonNull(countryCode, "countryCode");
  }
}
