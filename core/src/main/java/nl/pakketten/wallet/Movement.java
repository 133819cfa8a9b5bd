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

  /** {@return the movement's identifier, unique per practice} */
  public abstract String id();

  /** {@return the practice it happened in} */
  public abstract PracticeId practice();

  /** {@return the patient whose credits moved} */
  public abstract PatientId patient();

  /** {@return the package the credits are of} */
  public abstract PackageId packageId();

  /** {@return the lot the credits moved in or out of} */
  public abstract LotId lotId();

  /** {@return what happened: granted, imported, spent, given back, forfeited or expired} */
  public abstract MovementKind kind();

  /** {@return how many credits moved; at least 1} */
  public abstract int credits();

  /**
   * The revenue this movement booked.
   *
   * @return revenue recognised by it (spent), reversed by it (given back, negative), the remaining
   *     value of an expired lot (booked to breakage), or zero (granted, imported, forfeited, and the
   *     movements whose value leaves the lot as {@link Lot#valueOut()}: refunded, reversed,
   *     transferred)
   */
  public abstract Money revenue();

  /** {@return when it happened, by the SDK's clock} */
  public abstract Instant at();

  /** {@return who did it: the user of the command that caused it} */
  public abstract UserId actor();

  /**
   * Why, in words.
   *
   * @return the reason the command gave (an import's, a cancellation's), or the SDK's description
   *     of it, for example "payment of invoice F-1 registered"
   */
  public abstract String reason();

  /**
   * {@return the command it came from, for example {@code invoice:F-1#1} or {@code
   * appointment:A-7}}
   */
  public abstract String sourceKey();

  /** {@return its effect on the balance: credits × the kind's sign} */
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
