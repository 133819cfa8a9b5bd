package nl.pakketten.internal.usecase;

import java.time.Clock;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.ReactivatePackage;
import nl.pakketten.spi.Packages;

/**
 * Use case: let a deactivated package grant credits again. Idempotent.
 *
 * @param packages where packages are kept
 * @param writes the path the command takes
 * @param clock the time of the change
 */
public record ReactivatePackageHandler(Packages packages, WritePath writes, Clock clock) {
  /** Reactivates the package and answers with it as stored. */
  public CreditPackage handle(ReactivatePackage command) {
    return new PackageActivation(packages, clock).set(writes.check(command), "reactivatePackage", command.practice(),
        command.actor(), command.packageId(), true);
  }
}
