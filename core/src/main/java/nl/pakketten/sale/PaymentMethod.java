package nl.pakketten.sale;

/** How a patient paid. */
public enum PaymentMethod {
  /** A bank transfer to the practice's IBAN. */
  BANK_TRANSFER,
  /** iDEAL or another online payment. */
  ONLINE,
  /** A debit card at the desk. */
  CARD,
  /** Cash. */
  CASH,
  /** Anything else. */
  OTHER
}
