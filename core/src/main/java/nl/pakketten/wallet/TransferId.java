package nl.pakketten.wallet;

import nl.pakketten.common.Identifier;
import nl.pakketten.common.InvalidInputException;

/**
 * The idempotency key of a transfer of credits between patients, chosen by the host (for example the
 * id of the form the front desk submitted).
 */
public final class TransferId extends Identifier {
  private TransferId(String value) {
    super("transferId", value);
  }

  /**
   * The {@code TransferId} with the given text, stripped of surrounding white space.
   *
   * @param value the text as the host knows it, at most {@value
   *     nl.pakketten.common.Identifier#MAX_LENGTH} characters
   * @return the identifier
   * @throws InvalidInputException when {@code value} is null, blank, too long or not printable
   */
  public static TransferId of(String value) {
    return new TransferId(value);
  }
}
