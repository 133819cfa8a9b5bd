package nl.pakketten.invoicing;

import java.math.BigDecimal;

/**
 * The VAT treatment of an invoice line. Medical care by a registered professional is exempt (the
 * invoice then says so); other products carry the low (9 %) or the general (21 %) Dutch rate.
 */
public enum VatRate {
  /** Exempt from VAT (article 11 of the Dutch VAT act: care by a registered professional). */
  EXEMPT(BigDecimal.ZERO),
  /** The low rate, 9 %. */
  LOW(new BigDecimal("9")),
  /** The general rate, 21 %. */
  GENERAL(new BigDecimal("21"));

  private final BigDecimal percentage;

  VatRate(BigDecimal percentage) {
    this.percentage = percentage;
  }

  /**
   * The rate as a percentage.
   *
   * @return 0, 9 or 21
   */
  public BigDecimal percentage() {
    return percentage;
  }
}
