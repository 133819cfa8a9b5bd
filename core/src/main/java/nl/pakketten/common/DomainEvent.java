package nl.pakketten.common;

import java.time.Instant;

/** Something that happened, published to the host after the change that caused it was stored. */
public interface DomainEvent {
  /** The practice it happened in. */
  PracticeId practice();

  /** When it happened, by the SDK's clock. */
  Instant at();

  /** Who caused it. */
  UserId actor();
}
