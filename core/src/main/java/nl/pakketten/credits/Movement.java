package nl.pakketten.credits;

import java.time.Instant;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.UserId;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * One entry of a patient's history: what happened to which lot, how many credits, the revenue it
 * recognised (negative when reversed), when, who did it, why, and the key of the command that
 * caused it. Written once, never changed.
 */
@Value.Immutable
public abstract class Movement {
  Movement() {}

  /** Unique per practice. */
  public abstract String getId();

  public abstract PracticeId getPractice();

  public abstract PatientId getPatient();

  public abstract PackageId getPackageId();

  public abstract LotId getLotId();

  public abstract MovementKind getKind();

  /** How many credits moved; at least 1. */
  public abstract int getCredits();

  /** Revenue recognised by it (spent, expired), reversed by it (given back, negative), or zero. */
  public abstract Money getRevenue();

  public abstract Instant getAt();

  public abstract UserId getActor();

  public abstract String getReason();

  /** The command it came from, for example {@code invoice:F-1#1} or {@code appointment:A-7}. */
  public abstract String getSourceKey();

  /** Its effect on the balance: credits × the kind's sign. */
  public int balanceEffect() {
    return getCredits() * getKind().sign();
  }

  @Value.Check
  void check() {
    if (getCredits() < 1) {
      throw new IllegalStateException("A movement moves at least one credit, was " + getCredits());
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link Movement}; used by adapters to read movements back. */
  public static final class Builder extends ImmutableMovement.Builder {
    Builder() {}
  }
}
