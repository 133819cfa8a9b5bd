package nl.pakketten.access;

import java.util.EnumSet;
import java.util.Set;
import nl.pakketten.common.Actor;
import nl.pakketten.common.Role;

/**
 * Who may do what. One replaceable policy: a host with its own role model passes its own
 * implementation to the {@code Pakketten} builder.
 */
@FunctionalInterface
public interface AccessPolicy {
  /**
   * Whether {@code actor} may perform {@code action}.
   *
   * @param actor who performs the call, with the roles the host gave them
   * @param action what they try to do
   * @return true when allowed; false makes the call throw {@link AccessDeniedException}
   */
  boolean permits(Actor actor, Action action);

  /**
   * A short text of the rule, used in the message of a refusal.
   *
   * @param action the refused action
   * @return the rule that refused it, for example "only the OWNER role may manage packages"
   */
  default String rule(Action action) {
    return "policy refused " + action.description();
  }

  /**
   * Throws unless {@link #permits(Actor, Action)} allows the action.
   *
   * @param actor who performs the call
   * @param action what they try to do
   * @throws AccessDeniedException when the policy does not permit it
   * @throws nl.pakketten.common.InvalidInputException when {@code actor} is null
   */
  default void check(Actor actor, Action action) {
    if (actor == null) {
      throw nl.pakketten.common.InvalidInputException.of("actor", null, "must not be null");
    }
    if (!permits(actor, action)) {
      throw new AccessDeniedException(actor, action, rule(action));
    }
  }

  /**
   * The original system's rule: only {@link Role#OWNER} sets up packages, links and imports
   * credits (and expires and refunds them), and edits the practice profile and e-mail templates; the
   * {@link Role#OWNER} or a {@link Role#BOOKKEEPER} exports the journal; the {@link Role#OWNER}, a
   * {@link Role#BOOKKEEPER} or the host itself ({@link Role#SYSTEM}, for example a webhook of the
   * bank) reverses a payment; any actor with at least one role creates, issues, sends and cancels
   * invoices, registers payments, transfers credits between patients, schedules and reads.
   *
   * @return the default policy of the {@code Pakketten} builder
   */
  static AccessPolicy ownerManagesPackages() {
    Set<Action> ownerOnly =
        EnumSet.of(
            Action.MANAGE_PACKAGES,
            Action.LINK_PRODUCTS,
            Action.LINK_APPOINTMENT_TYPES,
            Action.IMPORT_CREDITS,
            Action.EXPIRE_CREDITS,
            Action.EDIT_PRACTICE_PROFILE,
            Action.EDIT_MAIL_TEMPLATES,
            Action.REFUND_CREDITS);
    return new AccessPolicy() {
      @Override
      public boolean permits(Actor actor, Action action) {
        if (action == Action.EXPORT_JOURNAL) {
          return actor.has(Role.OWNER) || actor.has(Role.BOOKKEEPER);
        }
        if (action == Action.REVERSE_PAYMENT) {
          return actor.has(Role.OWNER) || actor.has(Role.BOOKKEEPER) || actor.has(Role.SYSTEM);
        }
        return ownerOnly.contains(action) ? actor.has(Role.OWNER) : !actor.roles().isEmpty();
      }

      @Override
      public String rule(Action action) {
        if (action == Action.EXPORT_JOURNAL) {
          return "only the OWNER or BOOKKEEPER role may " + action.description();
        }
        if (action == Action.REVERSE_PAYMENT) {
          return "only the OWNER, BOOKKEEPER or SYSTEM role may " + action.description();
        }
        return ownerOnly.contains(action)
            ? "only the OWNER role may " + action.description()
            : "an actor needs at least one role to " + action.description();
      }
    };
  }
}
