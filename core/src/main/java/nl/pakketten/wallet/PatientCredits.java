package nl.pakketten.wallet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.PatientId;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * One patient in the outstanding-credits report: the patient's open lots and what they add up to,
 * per package and over all packages.
 *
 * @param patient the patient
 * @param lots the open lots (credits remaining above 0), by package id, then in the order they were
 *     granted; never empty
 * @param byPackage per package, the credits remaining and their remaining deferred value, sorted by
 *     package id
 */
public record PatientCredits(PatientId patient, List<OutstandingLot> lots, SortedMap<PackageId, CreditBalance> byPackage) {
  /**
   * A patient's outstanding credits.
   *
   * @param patient the patient
   * @param lots the open lots; copied
   * @param byPackage the totals per package; copied
   * @throws NullPointerException when a reference is missing
   */
  public PatientCredits {
    Objects.requireNonNull(patient, "patient");
    lots = List.copyOf(lots);
    byPackage = Collections.unmodifiableSortedMap(new TreeMap<>(byPackage));
  }

  /**
   * The report's entry of a patient: the lots as given, summed per package.
   *
   * @param patient the patient
   * @param lots the patient's open lots, in report order
   * @return the entry with its totals
   */
  public static PatientCredits of(PatientId patient, List<OutstandingLot> lots) {
    SortedMap<PackageId, CreditBalance> totals = new TreeMap<>();
    for (OutstandingLot lot : lots) {
      totals.merge(lot.packageId(), new CreditBalance(lot.creditsRemaining(), lot.remainingValue()),
          CreditBalance::plus);
    }
    return new PatientCredits(patient, lots, totals);
  }

  /**
   * {@return the patient's credits remaining over all packages}
   */
  public int totalCredits() {
    return byPackage.values().stream().mapToInt(CreditBalance::credits).sum();
  }

  /**
   * The remaining deferred value over all packages, one amount per currency (a practice whose
   * packages share one currency has exactly one).
   *
   * @return the totals, ordered by currency code
   */
  public List<Money> totalValue() {
    Map<CurrencyUnit, Money> sums = new TreeMap<>();
    for (CreditBalance b : byPackage.values()) {
      sums.merge(b.value().getCurrencyUnit(), b.value(), Money::plus);
    }
    return new ArrayList<>(sums.values());
  }
}
