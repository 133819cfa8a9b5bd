package nl.pakketten.appointments;

import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.PakkettenException;
import nl.pakketten.common.PatientId;

/** Under {@link ShortfallPolicy#REJECT}: the patient has fewer spendable credits than the appointment costs. */
public final class InsufficientCreditsException extends PakkettenException {
  private final PatientId patient;
  private final PackageId packageId;
  private final int spendable;
  private final int cost;

  public InsufficientCreditsException(PatientId patient, PackageId packageId, int spendable, int cost) {
    super("Insufficient credits: patient '" + patient + "' has " + spendable + " spendable credit"
        + (spendable == 1 ? "" : "s") + " of package '" + packageId + "', the appointment costs " + cost);
    this.patient = patient;
    this.packageId = packageId;
    this.spendable = spendable;
    this.cost = cost;
  }

  public PatientId patient() {
    return patient;
  }

  public PackageId packageId() {
    return packageId;
  }

  /** The credits that could be spent. */
  public int spendable() {
    return spendable;
  }

  /** What the appointment needed. */
  public int cost() {
    return cost;
  }
}
