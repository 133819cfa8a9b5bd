package nl.pakketten.wallet;

import java.time.Instant;
import java.util.Objects;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.LotId;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.UserId;
import org.joda.money.Money;

/**
 * A transfer of credits as stored: the answer a replay gives.
 *
 * @param practice the practice
 * @param transferId the host's key of the transfer
 * @param from the patient who gave the credits
 * @param originLot the giver's lot they came from
 * @param to the patient who received them
 * @param newLot the receiver's new lot
 * @param packageId the package of both lots
 * @param credits how many credits moved
 * @param value the deferred value that moved with them
 * @param at when the transfer was stored
 * @param actor who transferred them
 */
public record CreditTransfer(PracticeId practice, TransferId transferId, PatientId from, LotId originLot,
    PatientId to, LotId newLot, PackageId packageId, int credits, Money value, Instant at, UserId actor) {
  /**
   * A transfer.
   *
   * @param practice the practice
   * @param transferId the host's key
   * @param from the giver
   * @param originLot the giver's lot
   * @param to the receiver
   * @param newLot the receiver's new lot
   * @param packageId the package
   * @param credits how many credits, at least 1
   * @param value the deferred value that moved
   * @param at when it was stored
   * @param actor who transferred them
   */
  public CreditTransfer {
    Objects.requireNonNull(practice, "practice");
    Objects.requireNonNull(transferId, "transferId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(originLot, "originLot");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(newLot, "newLot");
    Objects.requireNonNull(packageId, "packageId");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    if (credits < 1 || value.isNegative()) {
      throw new IllegalArgumentException("A transfer moves at least one credit and no negative value");
    }
  }
}
