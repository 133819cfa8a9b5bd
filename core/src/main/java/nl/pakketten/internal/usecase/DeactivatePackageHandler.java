package nl.pakketten.internal.usecase;

import java.time.Clock;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.DeactivatePackage;
import nl.pakketten.spi.Packages;

/**
 * Use case: stop a package from granting new credits; its credits can still be spent. Idempotent.
 *
 * @param packages where packages are kept
 * @param writes the path the command takes
 * @param clock the time of the change
 */
public record DeactivatePackageHandler(Packages packages, WritePath writes, Clock clock) {
  /** Deactivates the package and answers with it as stored. */
  public CreditPackage handle(DeactivatePackage command) {
    return new PackageActivation(packages, clock).set(writes.check(command), "deactivatePackage", command.practice(),
        command.actor(), command.packageId(), false);
  }
}
