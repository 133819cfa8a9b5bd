package nl.pakketten.wallet;

/** What a movement in a patient's history did to the balance. */
public enum MovementKind {
  /** Credits granted by a paid invoice line (+). */
  GRANTED(1),
  /** Credits imported by hand (+). */
  IMPORTED(1),
  /** Credits spent by a scheduled appointment (−); recognises revenue. */
  SPENT(-1),
  /** Credits given back by a cancellation, a type change or a no-show (+); reverses revenue. */
  GIVEN_BACK(1),
  /**
   * Credits kept under the late-cancellation or the no-show policy (0): they were already spent; this
   * records that the cancellation or no-show did not give them back.
   */
  FORFEITED(0),
  /** Remaining credits of a lot past its expiry date (−); recognises what was left of its value. */
  EXPIRED(-1),
  /**
   * Unused credits of a lot refunded to the patient (−): their deferred value moves to refunds
   * payable, and any part not refunded to breakage.
   */
  REFUNDED(-1),
  /**
   * Unspent credits of a lot revoked because the payment that granted them was reversed (−); moves
   * their value back from deferred revenue to payments clearing, recognising no revenue.
   */
  REVERSED(-1),
  /** Credits a patient gave to another patient of the practice (−); recognises no revenue. */
  TRANSFERRED_OUT(-1),
  /** Credits a patient received from another patient of the practice, as a new lot (+). */
  TRANSFERRED_IN(1);

  private final int sign;

  MovementKind(int sign) {
    this.sign = sign;
  }

  /**
   * The direction in which the movement's credits change the balance.
   *
   * @return +1, −1 or 0
   */
  public int sign() {
    return sign;
  }
}
