package nl.pakketten.wallet;

import nl.pakketten.common.LotId;
import nl.pakketten.common.PakkettenException;

/** A command asked for more credits of a lot than it has remaining. */
public final class NotEnoughCreditsException extends PakkettenException {
  /** The lot. */
  private final LotId lot;
  /** What it has remaining. */
  private final int remaining;
  /** What was asked for. */
  private final int requested;

  /**
   * The lot has fewer credits remaining than requested.
   *
   * @param lot the lot
   * @param remaining what it has remaining
   * @param requested what the command asked for
   */
  public NotEnoughCreditsException(LotId lot, int remaining, int requested) {
    super("Lot " + lot + " has " + remaining + " credit" + (remaining == 1 ? "" : "s") + " remaining, "
        + requested + " requested");
    this.lot = lot;
    this.remaining = remaining;
    this.requested = requested;
  }

  /** {@return the lot} */
  public LotId lot() {
    return lot;
  }

  /** {@return what the lot has remaining} */
  public int remaining() {
    return remaining;
  }

  /** {@return what the command asked for} */
  public int requested() {
    return requested;
  }
}
