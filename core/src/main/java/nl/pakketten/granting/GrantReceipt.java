package nl.pakketten.granting;

import java.time.Instant;
import java.util.List;
import nl.pakketten.common.PracticeId;

/**
 * The stored answer to a payment registration or an import, under its idempotency key: a replay
 * returns it; the same key with another fingerprint is a conflict.
 *
 * @param practice the practice
 * @param kind {@code PAYMENT} or {@code IMPORT}
 * @param key the invoice id or import id
 * @param fingerprint SHA-256 of the command's content
 * @param grants the lots the first call granted, as granted
 * @param at when the first call was stored
 */
public record GrantReceipt(
    PracticeId practice, Kind kind, String key, String fingerprint, List<LotGrant> grants, Instant at) {
  /**
   * A receipt; the grants are copied.
   *
   * @param practice the practice
   * @param kind payment or import
   * @param key the invoice id or import id
   * @param fingerprint SHA-256 of the command's content
   * @param grants the lots the first call granted
   * @param at when the first call was stored
   */
  public GrantReceipt {
    grants = List.copyOf(grants);
  }

  /** What was received. */
  public enum Kind {
    /** A payment registration, keyed by its invoice id. */
    PAYMENT,
    /** An import, keyed by its import id. */
    IMPORT
  }
}
