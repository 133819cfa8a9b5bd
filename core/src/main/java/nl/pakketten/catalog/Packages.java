package nl.pakketten.catalog;

import java.util.List;
import java.util.Optional;
import nl.pakketten.common.PracticeId;

/** Port: the packages of each practice. */
public interface Packages {
  Optional<CreditPackage> find(PracticeId practice, PackageId id);

  /** The package whose name equals {@code name} ignoring case and surrounding white space. */
  Optional<CreditPackage> findByName(PracticeId practice, String name);

  /** All packages of the practice, ordered by name. */
  List<CreditPackage> list(PracticeId practice);

  /** Stores a new package; its id and its name must be free in the practice. */
  void insert(CreditPackage pkg);

  /** Replaces a stored package. */
  void update(CreditPackage pkg);

  void delete(PracticeId practice, PackageId id);
}
