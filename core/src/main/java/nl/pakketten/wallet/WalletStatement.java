package nl.pakketten.wallet;

import java.util.List;
import java.util.Objects;
import nl.pakketten.catalog.PackageId;

/**
 * The part of a patient statement for one package: the opening balance, one line per movement of
 * the period in booking order, and the closing balance. The opening plus every line's credits and
 * value in, less every line's out, is the closing; each line's balance is the running balance after
 * it.
 *
 * @param packageId the package
 * @param opening the balance at the period's start: credits and the deferred value of the patient's
 *     lots of the package, from every movement before it
 * @param lines the movements of the period, oldest first
 * @param closing the balance at the period's end
 */
public record WalletStatement(PackageId packageId, CreditBalance opening, List<StatementLine> lines,
    CreditBalance closing) {
  /**
   * A package's statement.
   *
   * @param packageId the package
   * @param opening the opening balance
   * @param lines the lines; copied
   * @param closing the closing balance
   * @throws NullPointerException when a reference is missing
   */
  public WalletStatement {
    Objects.requireNonNull(packageId, "packageId");
    Objects.requireNonNull(opening, "opening");
    lines = List.copyOf(lines);
    Objects.requireNonNull(closing, "closing");
  }
}
