package nl.pakketten.common;

/**
 * The answer to an idempotent command that tells a first call from a replay: the results of a
 * payment, an import, a schedule, a type change, a cancellation and a no-show. The log line of a command
 * reports it as {@code replay=}.
 */
public interface Answer {
  /**
   * Whether this call was a replay of an earlier one.
   *
   * @return true when this call changed nothing and answers as the earlier call with the same key
   *     did; false when this call made the change
   */
  boolean replay();
}
