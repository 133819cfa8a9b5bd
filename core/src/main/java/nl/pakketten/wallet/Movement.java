package nl.pakketten.wallet;

import java.time.Instant;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.LotId;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.UserId;
import nl.pakketten.internal.style.Makers;
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
  public abstract String id();

  public abstract PracticeId practice();

  public abstract PatientId patient();

  public abstract PackageId packageId();

  public abstract LotId lotId();

  public abstract MovementKind kind();

  /** How many credits moved; at least 1. */
  public abstract int credits();

  /** Revenue recognised by it (spent, expired), reversed by it (given back, negative), or zero. */
  public abstract Money revenue();

  public abstract Instant at();

  public abstract UserId actor();

  public abstract String reason();

  /** The command it came from, for example {@code invoice:F-1#1} or {@code appointment:A-7}. */
  public abstract String sourceKey();

  /** Its effect on the balance: credits × the kind's sign. */
  public int balanceEffect() {
    return credits() * kind().sign();
  }

  @Value.Check
  void check() {
    if (credits() < 1) {
      throw new IllegalStateException("A movement moves at least one credit, was " + credits());
    }
  }

  static {
    Makers.register(Builder.class, Builder::new);
  }

  /**
   * Builds a {@link Movement}; {@code build()} checks its invariants. Adapters get one from {@code
   * nl.pakketten.spi.ValueBuilders}; hosts read values and never build them.
   */
  public static final class Builder extends ImmutableMovement.Builder {
    Builder() {}
  }
}
