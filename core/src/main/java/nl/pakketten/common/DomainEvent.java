package nl.pakketten.common;

import java.time.Instant;

/** Something that happened, published to the host after the change that caused it was stored. */
public interface DomainEvent {
  /**
   * The practice it happened in.
   *
   * @return the practice (the tenant) whose data changed
   */
  PracticeId practice();

  /**
   * When it happened.
   *
   * @return the moment of the change, by the SDK's clock (the {@code Clock} given to the builder)
   */
  Instant at();

  /**
   * Who caused it.
   *
   * @return the user of the command that made the change
   */
  UserId actor();
}
