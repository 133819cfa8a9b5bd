package nl.pakketten.internal.usecase;

import static nl.pakketten.internal.usecase.CatalogChecks.requireFreeName;
import static nl.pakketten.internal.usecase.CatalogChecks.requireNotNegative;
import static nl.pakketten.internal.usecase.CatalogChecks.requirePackage;

import java.time.Clock;
import java.util.Optional;
import nl.pakketten.access.Action;
import nl.pakketten.catalog.CatalogEvents;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.UpdatePackage;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.spi.Packages;

/**
 * Use case: replace a package's name, rate and accounts. Lots already granted keep their rate.
 *
 * @param packages where packages are kept
 * @param writes the path the command takes
 * @param clock the time of the change
 */
public record UpdatePackageHandler(Packages packages, WritePath writes, Clock clock) {
  /** Updates the package and answers with it as stored. */
  public CreditPackage handle(UpdatePackage command) {
    return writes.check(command)
        .rules(check -> requireNotNegative(check, "internalRate", command.internalRate()))
        .access(command.actor(), Action.MANAGE_PACKAGES)
        .run("updatePackage", command.practice(), command.packageId(), events -> {
          CreditPackage before = requirePackage(packages, command.practice(), command.packageId());
          if (!before.internalRate().getCurrencyUnit().equals(command.internalRate().getCurrencyUnit())) {
            throw InvalidInputException.of("internalRate", command.internalRate(),
                "must stay in the package's currency " + before.internalRate().getCurrencyUnit());
          }
          String name = command.name().strip();
          requireFreeName(packages, command.practice(), name, Optional.of(before.id()));
          CreditPackage after = before.withName(name)
              .withInternalRate(command.internalRate())
              .withLedgerAccount(command.ledgerAccount())
              .withBalanceSheetItem(command.balanceSheetItem())
              .withBreakageAccount(command.breakageAccount())
              .withLowBalanceThreshold(command.lowBalanceThreshold())
              .withChangedAt(clock.instant())
              .withChangedBy(command.actor().userId());
          packages.update(after);
          events.add(new CatalogEvents.PackageUpdated(after.practice(), after.changedAt(), after.changedBy(),
              before, after));
          return after;
        });
  }
}
