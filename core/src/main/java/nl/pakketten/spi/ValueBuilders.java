package nl.pakketten.spi;

import java.util.List;
import nl.pakketten.appointments.Appointment;
import nl.pakketten.catalog.AppointmentType;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.catalog.Product;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.style.Makers;
import nl.pakketten.invoicing.PracticeProfile;
import nl.pakketten.sale.ProductInvoice;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.Movement;
import nl.pakketten.wallet.Wallet;

/**
 * For storage adapters: builders that rebuild the API's values from stored state. The values have
 * no public constructor or builder of their own; this is the one door, and every {@code build()}
 * checks the value's invariants (a lot's remaining credits within what it granted, its recognised
 * revenue within its deferred value, a wallet's lots all of its patient and package, ...), so no
 * builder makes a value in an invalid state. A host that uses the SDK through {@link
 * nl.pakketten.Pakketten} never needs this class.
 */
public final class ValueBuilders {
  private ValueBuilders() {}

  /**
   * A builder of a lot read back from storage.
   *
   * @return a new, empty builder
   */
  public static Lot.Builder lot() {
    return Makers.make(Lot.Builder.class);
  }

  /**
   * A wallet of lots read back from storage.
   *
   * @param practice the wallet's practice
   * @param patient the wallet's patient
   * @param packageId the wallet's package
   * @param lots its lots as read, each of this practice, patient and package
   * @return the wallet, its balance the sum of the lots' remaining credits
   */
  public static Wallet wallet(PracticeId practice, PatientId patient, PackageId packageId, List<Lot> lots) {
    return Makers.make(Wallet.Rebuilder.class).practice(practice).patient(patient).packageId(packageId).lots(lots).build();
  }

  /**
   * A builder of a movement of the history read back from storage.
   *
   * @return a new, empty builder
   */
  public static Movement.Builder movement() {
    return Makers.make(Movement.Builder.class);
  }

  /**
   * A builder of an appointment read back from storage.
   *
   * @return a new, empty builder
   */
  public static Appointment.Builder appointment() {
    return Makers.make(Appointment.Builder.class);
  }

  /**
   * A builder of a package read back from storage.
   *
   * @return a new, empty builder
   */
  public static CreditPackage.Builder creditPackage() {
    return Makers.make(CreditPackage.Builder.class);
  }

  /**
   * A builder of a product read back from storage.
   *
   * @return a new, empty builder
   */
  public static Product.Builder product() {
    return Makers.make(Product.Builder.class);
  }

  /**
   * A builder of an appointment type read back from storage.
   *
   * @return a new, empty builder
   */
  public static AppointmentType.Builder appointmentType() {
    return Makers.make(AppointmentType.Builder.class);
  }

  /**
   * A builder of a practice profile read back from storage.
   *
   * @return a new, empty builder
   */
  public static PracticeProfile.Builder practiceProfile() {
    return Makers.make(PracticeProfile.Builder.class);
  }

  /**
   * A builder of a product invoice read back from storage.
   *
   * @return a new, empty builder
   */
  public static ProductInvoice.Builder productInvoice() {
    return Makers.make(ProductInvoice.Builder.class);
  }
}
