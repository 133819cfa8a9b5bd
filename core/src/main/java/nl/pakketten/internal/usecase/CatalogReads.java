package nl.pakketten.internal.usecase;

import java.util.List;
import java.util.Optional;
import nl.pakketten.catalog.AppointmentType;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.catalog.Product;
import nl.pakketten.catalog.ProductCode;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.TransactionRunner;
import nl.pakketten.spi.AppointmentTypes;
import nl.pakketten.spi.Packages;
import nl.pakketten.spi.Products;

/**
 * Reads of the package set-up: packages, products and appointment types.
 *
 * @param packages the packages read
 * @param products the products read
 * @param types the appointment types read
 * @param tx runs each read in a read transaction
 */
public record CatalogReads(Packages packages, Products products, AppointmentTypes types, TransactionRunner tx) {
  /** The package, if it exists in the practice. */
  public Optional<CreditPackage> findPackage(PracticeId practice, PackageId id) {
    return tx.read("findPackage", practice, () -> packages.find(practice, id));
  }

  /** All packages of the practice, by name. */
  public List<CreditPackage> packages(PracticeId practice) {
    return tx.read("listPackages", practice, () -> packages.list(practice));
  }

  /** The product, if it exists in the practice. */
  public Optional<Product> findProduct(PracticeId practice, ProductCode code) {
    return tx.read("findProduct", practice, () -> products.find(practice, code));
  }

  /** The appointment type, if it exists in the practice. */
  public Optional<AppointmentType> findAppointmentType(PracticeId practice, AppointmentTypeId id) {
    return tx.read("findAppointmentType", practice, () -> types.find(practice, id));
  }
}
