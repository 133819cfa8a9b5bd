package nl.pakketten.access;

import nl.pakketten.common.Actor;
import nl.pakketten.common.PakkettenException;

/** The actor's roles do not allow the action. */
public final class AccessDeniedException extends PakkettenException {
  /** Who was refused. */
  private final Actor actor;
  /** What they tried. */
  private final Action action;

  /**
   * A refusal of {@code action} to {@code actor}.
   *
   * @param actor who was refused
   * @param action what they tried
   * @param rule the policy's rule that refused it, for the message
   */
  public AccessDeniedException(Actor actor, Action action, String rule) {
    super("Access denied: user '" + actor.userId() + "' with roles " + actor.roles() + " may not "
        + action.description() + " (" + rule + ")");
    this.actor = actor;
    this.action = action;
  }

  /**
   * Who was refused.
   *
   * @return the refused actor
   */
  public Actor actor() {
    return actor;
  }

  /**
   * What they tried.
   *
   * @return the refused action
   */
  public Action action() {
    return action;
  }
}
