package nl.pakketten.spi;

import java.util.List;
import java.util.Optional;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.catalog.Product;
import nl.pakketten.catalog.ProductCode;
import nl.pakketten.common.PracticeId;

/** Port: the products of each practice. */
public interface Products {
  Optional<Product> find(PracticeId practice, ProductCode code);

  /** Inserts or replaces the product with the same code. */
  void save(Product product);

  /** Products linked to the package, ordered by code. */
  List<Product> linkedTo(PracticeId practice, PackageId packageId);
}
