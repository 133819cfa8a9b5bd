package nl.pakketten.wallet;

import java.time.Instant;
import java.util.Objects;
import nl.pakketten.common.LotId;
import org.joda.money.Money;

/**
 * One line of a patient statement: one movement of the patient's credits of a package, what it
 * moved, and the balance after it.
 *
 * @param at when it happened, by the SDK's clock
 * @param kind what happened
 * @param lotId the lot the credits moved in or out of
 * @param description why, in words: the movement's reason
 * @param sourceKey the command it came from, as in the history and the journal
 * @param creditsIn credits added to the balance (granted, imported, given back, transferred in);
 *     otherwise 0
 * @param creditsOut credits taken off the balance (spent, expired, refunded, reversed, transferred
 *     out); otherwise 0. A forfeit moves no credits either way.
 * @param valueIn deferred value that came in with it (the value of a grant, an import or a received
 *     transfer, the revenue a give-back reversed); otherwise zero
 * @param valueOut deferred value that left with it (revenue recognised by a spend or an expiry, the
 *     value refunded, reversed or transferred out); otherwise zero
 * @param balance the running balance of the package after this line
 */
public record StatementLine(Instant at, MovementKind kind, LotId lotId, String description, String sourceKey,
    int creditsIn, int creditsOut, Money valueIn, Money valueOut, CreditBalance balance) {
  /**
   * A statement line.
   *
   * @param at when
   * @param kind what
   * @param lotId which lot
   * @param description why
   * @param sourceKey the command
   * @param creditsIn credits in
   * @param creditsOut credits out
   * @param valueIn value in
   * @param valueOut value out
   * @param balance the balance after it
   * @throws NullPointerException when a reference is missing
   */
  public StatementLine {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(lotId, "lotId");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(sourceKey, "sourceKey");
    Objects.requireNonNull(valueIn, "valueIn");
    Objects.requireNonNull(valueOut, "valueOut");
    Objects.requireNonNull(balance, "balance");
  }
}
