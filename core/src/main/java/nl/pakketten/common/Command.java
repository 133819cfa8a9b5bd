package nl.pakketten.common;

import jakarta.validation.constraints.NotNull;

/**
 * What every command names: the practice it runs in and who performs it. The access policy
 * decides whether the actor may; the history records them.
 */
public interface Command {
  /**
   * {@return the practice (tenant) the command runs in; it reads and changes only that practice's
   * data}
   */
  @NotNull
  PracticeId practice();

  /**
   * {@return who performs the command: the access policy decides whether they may, and the history
   * records them}
   */
  @NotNull
  Actor actor();
}
