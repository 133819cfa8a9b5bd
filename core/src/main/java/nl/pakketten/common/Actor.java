package nl.pakketten.common;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** Who performs a call: a user of the host application and the roles the host gave them. */
public final class Actor {
  private final UserId userId;
  private final Set<Role> roles;

  private Actor(UserId userId, Set<Role> roles) {
    this.userId = Objects.requireNonNull(userId, "userId");
    this.roles = Set.copyOf(roles);
  }

  /**
   * An actor with the given roles.
   *
   * @param userId the host's user who performs the call; recorded on every movement and event
   * @param roles the roles the host gave that user in this practice, possibly none (the default
   *     access policy then permits nothing); copied
   * @return the actor
   */
  public static Actor of(UserId userId, Set<Role> roles) {
    return new Actor(userId, roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
  }

  /**
   * An actor with the given roles, from the host's user id as text.
   *
   * @param userId the host's user id, as for {@link UserId#of(String)}
   * @param roles the roles the host gave that user, possibly none
   * @return the actor
   * @throws InvalidInputException when {@code userId} is blank, too long or not printable
   */
  public static Actor of(String userId, Role... roles) {
    EnumSet<Role> set = EnumSet.noneOf(Role.class);
    set.addAll(java.util.Arrays.asList(roles));
    return of(UserId.of(userId), set);
  }

  /**
   * The user who performs the call.
   *
   * @return the host's user id, as recorded in the history and on events
   */
  public UserId userId() {
    return userId;
  }

  /**
   * The roles the host gave the user.
   *
   * @return the roles, unmodifiable; empty when the user has none
   */
  public Set<Role> roles() {
    return roles;
  }

  /**
   * Whether the actor has the role.
   *
   * @param role the role asked about
   * @return true when the host gave the user this role
   */
  public boolean has(Role role) {
    return roles.contains(role);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Actor a && a.userId.equals(userId) && a.roles.equals(roles);
  }

  @Override
  public int hashCode() {
    return Objects.hash(userId, roles);
  }

  @Override
  public String toString() {
    return userId + roles.toString();
  }
}
