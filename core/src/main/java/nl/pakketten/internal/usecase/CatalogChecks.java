package nl.pakketten.internal.usecase;

import java.util.Optional;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.ConflictException;
import nl.pakketten.common.NotFoundException;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.CommandValidator;
import nl.pakketten.spi.Packages;
import org.joda.money.Money;

/**
 * Checks the handlers share about the catalog: a package that must exist, a name that must be free,
 * an amount that must not be negative.
 */
final class CatalogChecks {
  private CatalogChecks() {}

  /** The package, or {@link NotFoundException}. */
  static CreditPackage requirePackage(Packages packages, PracticeId practice, PackageId id) {
    return packages.find(practice, id).orElseThrow(() -> new NotFoundException("package", id, practice));
  }

  /** Throws {@link ConflictException} if another package than {@code self} has {@code name}. */
  static void requireFreeName(Packages packages, PracticeId practice, String name, Optional<PackageId> self) {
    packages.findByName(practice, name)
        .filter(other -> self.map(id -> !id.equals(other.id())).orElse(true))
        .ifPresent(other -> {
          throw new ConflictException(name, "a package with this name already exists (" + other.id() + ")");
        });
  }

  /** Adds a violation of {@code field} if {@code money} is negative; a missing amount is the validator's to report. */
  static CommandValidator.Check requireNotNegative(CommandValidator.Check check, String field, Money money) {
    return check.require(money == null || !money.isNegative(), field, money, "must not be negative");
  }
}
