package nl.pakketten.granting;

import java.time.Instant;
import java.util.List;
import nl.pakketten.common.PracticeId;

/**
 * The stored answer to a payment registration or an import, under its idempotency key: a replay
 * returns it; the same key with another fingerprint is a conflict.
 *
 * @param kind {@code PAYMENT} or {@code IMPORT}
 * @param key the invoice id or import id
 * @param fingerprint SHA-256 of the command's content
 */
public record GrantReceipt(
    PracticeId practice, Kind kind, String key, String fingerprint, List<LotGrant> grants, Instant at) {
  public GrantReceipt {
    grants = List.copyOf(grants);
  }

  /** What was received. */
  public enum Kind {
    PAYMENT,
    IMPORT
  }
}
