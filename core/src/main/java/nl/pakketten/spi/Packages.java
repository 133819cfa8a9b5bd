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

  /**
   * Reads a package.
   *
   * @param practice the practice it belongs to
   * @param id its identifier
   * @return the package, active or not; empty when the practice has none with that id
   */
  Optional<CreditPackage> find(PracticeId practice, PackageId id);

  /**
   * The package whose {@link CreditPackage#nameKey name key} equals that of {@code name}.
   *
   * @param practice the practice
   * @param name a name, in any case
   * @return the package with that name ignoring case; empty when there is none
   */
  Optional<CreditPackage> findByName(PracticeId practice, String name);

  /**
   * All packages of the practice, ordered by name key, then name, then id.
   *
   * @param practice the practice
   * @return the packages, active and deactivated, in {@link #ORDER}; empty when there are none
   */
  List<CreditPackage> list(PracticeId practice);

  /**
   * Stores a new package; its id and its name key must be free in the practice.
   *
   * @param pkg the new package
   */
  void insert(CreditPackage pkg);

  /**
   * Replaces a stored package.
   *
   * @param pkg the new state of a package already stored
   */
  void update(CreditPackage pkg);

  /**
   * Removes a package; the core checks first that nothing refers to it.
   *
   * @param practice the practice it belongs to
   * @param id its identifier
   */
  void delete(PracticeId practice, PackageId id);
}
