package nl.pakketten.granting;

import nl.pakketten.common.Identifier;
import nl.pakketten.common.InvalidInputException;

/**
 * The idempotency key of a payment reversal, chosen by the host (for example the id of the bank's
 * chargeback or of the failed direct-debit notice).
 */
public final class ReversalId extends Identifier {
  private ReversalId(String value) {
    super("reversalId", value);
  }

  /**
   * The {@code ReversalId} with the given text, stripped of surrounding white space.
   *
   * @param value the text as the host knows it, at most {@value
   *     nl.pakketten.common.Identifier#MAX_LENGTH} characters
   * @return the identifier
   * @throws InvalidInputException when {@code value} is null, blank, too long or not printable
   */
  public static ReversalId of(String value) {
    return new ReversalId(value);
  }
}
