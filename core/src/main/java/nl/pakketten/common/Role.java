package nl.pakketten.common;

/** Roles a host application gives its users; only {@link #OWNER} may change the package set-up. */
public enum Role {
  /** Owner or administrator of the practice (eigenaar, beheerder). */
  OWNER,
  /** A care provider who schedules appointments. */
  PRACTITIONER,
  /** Front-desk staff who schedule appointments and register payments. */
  RECEPTIONIST,
  /** A bookkeeper who reads reports. */
  BOOKKEEPER,
  /** The host system itself, acting automatically (for example a payment webhook). */
  SYSTEM
}
