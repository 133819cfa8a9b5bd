package nl.pakketten.access;

/** What an actor may be allowed to do; the {@link AccessPolicy} decides who may. */
public enum Action {
  /** Create, update, deactivate, reactivate or delete packages. */
  MANAGE_PACKAGES("manage packages"),
  /** Define products and link or unlink them to packages. */
  LINK_PRODUCTS("link products"),
  /** Define appointment types and link or unlink them to packages. */
  LINK_APPOINTMENT_TYPES("link appointment types"),
  /** Import credits by hand. */
  IMPORT_CREDITS("import credits"),
  /** Expire the credits of lots past their expiry date. */
  EXPIRE_CREDITS("expire credits"),
  /** Register the payment of a product invoice (the host's, or one the SDK issued). */
  REGISTER_PAYMENTS("register payments"),
  /** Schedule, cancel or change appointments, and mark them no-shows. */
  SCHEDULE_APPOINTMENTS("schedule appointments"),
  /** Save the practice's profile (name, address, IBAN, number format, ...). */
  EDIT_PRACTICE_PROFILE("edit the practice profile"),
  /** Save the practice's e-mail templates. */
  EDIT_MAIL_TEMPLATES("edit e-mail templates"),
  /** Create, issue, send and cancel product invoices. */
  MANAGE_INVOICES("manage invoices"),
  /** Read the whole journal of a period at once, for an export to the bookkeeper. */
  EXPORT_JOURNAL("export the journal"),
  /** Refund unused credits to a patient. */
  REFUND_CREDITS("refund credits"),
  /** Reverse a registered payment (a bounced direct debit, a charge-back), revoking its unspent credits. */
  REVERSE_PAYMENT("reverse payments"),
  /** Transfer credits of a lot to another patient of the practice. */
  TRANSFER_CREDITS("transfer credits");

  private final String description;

  Action(String description) {
    this.description = description;
  }

  /**
   * The action in words, as used in error messages.
   *
   * @return for example "manage packages"
   */
  public String description() {
    return description;
  }
}
