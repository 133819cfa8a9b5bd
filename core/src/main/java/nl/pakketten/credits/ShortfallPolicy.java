package nl.pakketten.credits;

/** Policy: what scheduling does when the patient has too few spendable credits. */
public enum ShortfallPolicy {
  /** Refuse with {@link InsufficientCreditsException}; nothing changes. The default. */
  REJECT,
  /**
   * Record the appointment as not covered by a package and take no credits, so the host bills it
   * the normal way.
   */
  ALLOW_UNCOVERED
}
