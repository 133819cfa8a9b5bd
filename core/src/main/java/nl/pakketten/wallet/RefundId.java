package nl.pakketten.wallet;

import nl.pakketten.common.Identifier;
import nl.pakketten.common.InvalidInputException;

/** The idempotency key of a refund of credits, chosen by the host (for example its refund request's id). */
public final class RefundId extends Identifier {
  private RefundId(String value) {
    super("refundId", value);
  }

  /**
   * The {@code RefundId} with the given text, stripped of surrounding white space.
   *
   * @param value the text as the host knows it, at most {@value
   *     nl.pakketten.common.Identifier#MAX_LENGTH} characters
   * @return the identifier
   * @throws InvalidInputException when {@code value} is null, blank, too long or not printable
   */
  public static RefundId of(String value) {
    return new RefundId(value);
  }
}
