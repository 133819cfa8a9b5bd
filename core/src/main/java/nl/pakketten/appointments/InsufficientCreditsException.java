package nl.pakketten.appointments;

import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.PakkettenException;
import nl.pakketten.common.PatientId;

/** Under {@link ShortfallPolicy#REJECT}: the patient has fewer spendable credits than the appointment costs. */
public final class InsufficientCreditsException extends PakkettenException {
  /** The patient. */
  private final PatientId patient;
  /** The package whose credits fell short. */
  private final PackageId packageId;
  /** The credits that could be spent. */
  private final int spendable;
  /** What the appointment needed. */
  private final int cost;

  /**
   * A refusal to schedule an appointment that cannot be covered.
   *
   * @param patient the patient
   * @param packageId the package whose credits fell short
   * @param spendable the credits the patient could spend today, by the SDK's clock
   * @param cost the credits the appointment needed
   */
  public InsufficientCreditsException(PatientId patient, PackageId packageId, int spendable, int cost) {
    super("Insufficient credits: patient '" + patient + "' has " + spendable + " spendable credit"
        + (spendable == 1 ? "" : "s") + " of package '" + packageId + "', the appointment costs " + cost);
    this.patient = patient;
    this.packageId = packageId;
    this.spendable = spendable;
    this.cost = cost;
  }

  /** {@return the patient who had too few credits} */
  public PatientId patient() {
    return patient;
  }

  /** {@return the package whose credits fell short} */
  public PackageId packageId() {
    return packageId;
  }

  /** {@return the credits that could be spent today (by the SDK's clock), less than the cost} */
  public int spendable() {
    return spendable;
  }

  /** {@return the credits the appointment needed} */
  public int cost() {
    return cost;
  }
}
