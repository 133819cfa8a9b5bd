package nl.pakketten.wallet;

import java.time.Instant;
import java.util.Objects;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;

/**
 * A stored refund of credits: what it took and paid back, kept under its idempotency key so a
 * replay answers with it. The lots it took from are in the patient's history (movements {@link
 * MovementKind#REFUNDED} with source key {@code refund:<refundId>}).
 *
 * @param practice the practice
 * @param refundId the host's key of the refund
 * @param fingerprint SHA-256 of the command's content: the same key with another is a conflict
 * @param patient the patient
 * @param packageId the package
 * @param credits the credits refunded
 * @param value their remaining deferred value, taken off the balance-sheet item
 * @param amount what is paid back to the patient, booked on refunds payable; at most {@code value}
 * @param at when it was stored, by the SDK's clock
 */
public record Refund(PracticeId practice, RefundId refundId, String fingerprint, PatientId patient,
    PackageId packageId, int credits, org.joda.money.Money value, org.joda.money.Money amount, Instant at) {
  /**
   * A refund; every component is required.
   *
   * @param practice the practice
   * @param refundId the host's key of the refund
   * @param fingerprint SHA-256 of the command's content
   * @param patient the patient
   * @param packageId the package
   * @param credits the credits refunded, at least 1
   * @param value their remaining deferred value
   * @param amount what is paid back, from zero to {@code value}
   * @param at when it was stored
   */
  public Refund {
    Objects.requireNonNull(practice, "practice");
    Objects.requireNonNull(refundId, "refundId");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(patient, "patient");
    Objects.requireNonNull(packageId, "packageId");
    Objects.requireNonNull(at, "at");
    if (credits < 1) {
      throw new IllegalArgumentException("A refund refunds at least one credit, was " + credits);
    }
    if (amount.isNegative() || amount.isGreaterThan(value)) {
      throw new IllegalArgumentException("Refund " + refundId + ": amount " + amount + " outside 0.." + value);
    }
  }

  /** {@return the part of the value not paid back, booked to breakage: {@code value − amount}} */
  public org.joda.money.Money breakage() {
    return value.minus(amount);
  }
}
