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

  /** An actor with the given roles (possibly none). */
  public static Actor of(UserId userId, Set<Role> roles) {
    return new Actor(userId, roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
  }

  /** An actor with the given roles. */
  public static Actor of(String userId, Role... roles) {
    EnumSet<Role> set = EnumSet.noneOf(Role.class);
    set.addAll(java.util.Arrays.asList(roles));
    return of(UserId.of(userId), set);
  }

  /** The user. */
  public UserId userId() {
    return userId;
  }

  /** The roles, unmodifiable. */
  public Set<Role> roles() {
    return roles;
  }

  /** Whether the actor has the role. */
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
