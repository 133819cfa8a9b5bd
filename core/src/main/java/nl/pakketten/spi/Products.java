package nl.pakketten.spi;

import java.util.List;
import java.util.Optional;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.catalog.Product;
import nl.pakketten.catalog.ProductCode;
import nl.pakketten.common.PracticeId;

/** Port: the products of each practice. */
public interface Products {
  /**
   * Reads a product.
   *
   * @param practice the practice it belongs to
   * @param code its product code
   * @return the product; empty when the practice has none with that code
   */
  Optional<Product> find(PracticeId practice, ProductCode code);

  /**
   * Inserts or replaces the product with the same code.
   *
   * @param product the product to store, in its own practice
   */
  void save(Product product);

  /**
   * Products linked to the package, ordered by code.
   *
   * @param practice the practice
   * @param packageId the package
   * @return the linked products; empty when none is linked
   */
  List<Product> linkedTo(PracticeId practice, PackageId packageId);
}
