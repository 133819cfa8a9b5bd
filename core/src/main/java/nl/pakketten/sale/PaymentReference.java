package nl.pakketten.sale;

import nl.pakketten.common.Identifier;

/** The host's reference of a payment (a bank transaction id); registering it is idempotent on it. */
public final class PaymentReference extends Identifier {
  private PaymentReference(String value) {
    super("reference", value);
  }

  /**
   * A reference.
   *
   * @param value the host's reference
   * @return the reference
   * @throws nl.pakketten.common.InvalidInputException when it is blank or too long
   */
  public static PaymentReference of(String value) {
    return new PaymentReference(value);
  }
}
