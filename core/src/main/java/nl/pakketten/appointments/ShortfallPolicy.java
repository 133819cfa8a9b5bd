package nl.pakketten.appointments;

/**
 * Policy: what scheduling (or a type change) does when the patient has too few spendable credits.
 * It takes the facts and returns a decision; the use case carries the decision out. A host with
 * another rule (a capped overdraft, say) writes its own.
 */
@FunctionalInterface
public interface ShortfallPolicy {
  /** Refuse with {@link InsufficientCreditsException}; nothing changes. The default. */
  ShortfallPolicy REJECT = BuiltInShortfallPolicy.REJECT;

  /**
   * Record the appointment as not covered by a package and take no credits, so the host bills it
   * the normal way.
   */
  ShortfallPolicy ALLOW_UNCOVERED = BuiltInShortfallPolicy.ALLOW_UNCOVERED;

  /**
   * Decides what to do about {@code shortfall}.
   *
   * @param shortfall the appointment, its cost and the patient's spendable credits
   * @return reject the call, or record the appointment uncovered
   */
  ShortfallDecision decide(Shortfall shortfall);

  /**
   * Refuse with {@link InsufficientCreditsException}; nothing changes. The default.
   *
   * @return {@link #REJECT}
   */
  static ShortfallPolicy reject() {
    return REJECT;
  }

  /**
   * Record the appointment as not covered and take no credits.
   *
   * @return {@link #ALLOW_UNCOVERED}
   */
  static ShortfallPolicy allowUncovered() {
    return ALLOW_UNCOVERED;
  }
}

/** The built-in shortfall policies; an enum so that they print and compare by name. */
enum BuiltInShortfallPolicy implements ShortfallPolicy {
  REJECT {
    @Override
    public ShortfallDecision decide(Shortfall shortfall) {
      return new ShortfallDecision.Reject();
    }
  },
  ALLOW_UNCOVERED {
    @Override
    public ShortfallDecision decide(Shortfall shortfall) {
      return new ShortfallDecision.RecordUncovered();
    }
  }
}
