package nl.pakketten.spi;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.PracticeId;

/** Port: the packages of each practice. */
public interface Packages {
  /** The order of {@link #list}: by name key, then name, then id; the same in every storage. */
  Comparator<CreditPackage> ORDER = Comparator.comparing((CreditPackage p) -> CreditPackage.nameKey(p.name()))
      .thenComparing(CreditPackage::name).thenComparing(CreditPackage::id);

  Optional<CreditPackage> find(PracticeId practice, PackageId id);

  /** The package whose {@link CreditPackage#nameKey name key} equals that of {@code name}. */
  Optional<CreditPackage> findByName(PracticeId practice, String name);

  /** All packages of the practice, ordered by name key, then name, then id. */
  List<CreditPackage> list(PracticeId practice);

  /** Stores a new package; its id and its name key must be free in the practice. */
  void insert(CreditPackage pkg);

  /** Replaces a stored package. */
  void update(CreditPackage pkg);

  void delete(PracticeId practice, PackageId id);
}
