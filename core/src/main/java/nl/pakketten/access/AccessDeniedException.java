package nl.pakketten.access;

import nl.pakketten.common.Actor;
import nl.pakketten.common.PakkettenException;

/** The actor's roles do not allow the action. */
public final class AccessDeniedException extends PakkettenException {
  private final Actor actor;
  private final String action;

  public AccessDeniedException(Actor actor, String action, String rule) {
    super("Access denied: user '" + actor.userId() + "' with roles " + actor.roles() + " may not " + action
        + " (" + rule + ")");
    this.actor = actor;
    this.action = action;
  }

  /** Who was refused. */
  public Actor actor() {
    return actor;
  }

  /** What they tried. */
  public String action() {
    return action;
  }
}
