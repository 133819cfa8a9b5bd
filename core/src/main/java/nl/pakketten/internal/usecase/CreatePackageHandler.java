package nl.pakketten.internal.usecase;

import static nl.pakketten.internal.usecase.CatalogChecks.requireFreeName;
import static nl.pakketten.internal.usecase.CatalogChecks.requireNotNegative;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import nl.pakketten.access.Action;
import nl.pakketten.catalog.CatalogEvents;
import nl.pakketten.catalog.CreatePackage;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.ConflictException;
import nl.pakketten.spi.Packages;
import nl.pakketten.spi.ValueBuilders;

/**
 * Use case: create a package; its name must be free in the practice. Given an id that exists with
 * the same content, it answers with the stored package and changes nothing (a safe retry).
 *
 * @param packages where packages are kept
 * @param writes the path the command takes
 * @param clock the time of the change
 */
public record CreatePackageHandler(Packages packages, WritePath writes, Clock clock) {
  /** Creates the package, or answers with the stored one for a replay. */
  public CreditPackage handle(CreatePackage command) {
    WritePath.Write write = writes.check(command);
    // Chosen once, outside the retries: a retry after an unknown outcome then finds the package the
    // first attempt may have stored and answers as a replay instead of creating a second one.
    PackageId id = command.packageId().orElseGet(() -> PackageId.of(UUID.randomUUID().toString()));
    return write
        .rules(check -> requireNotNegative(check, "internalRate", command.internalRate()))
        .access(command.actor(), Action.MANAGE_PACKAGES)
        .run("createPackage", command.practice(), id, events -> {
          String name = command.name().strip();
          Optional<CreditPackage> existing = packages.find(command.practice(), id);
          if (existing.isPresent()) {
            CreditPackage earlier = existing.get();
            boolean same = earlier.name().equals(name) && earlier.internalRate().equals(command.internalRate())
                && earlier.ledgerAccount().equals(command.ledgerAccount())
                && earlier.balanceSheetItem().equals(command.balanceSheetItem())
                && earlier.breakageAccount().equals(command.breakageAccount())
                && earlier.lowBalanceThreshold().equals(command.lowBalanceThreshold());
            if (same) {
              return earlier; // a replay of the same creation: answer as the first time, change nothing
            }
            throw new ConflictException(earlier.id().value(),
                "a package with this id already exists with other content");
          }
          requireFreeName(packages, command.practice(), name, Optional.empty());
          CreditPackage pkg = ValueBuilders.creditPackage()
              .practice(command.practice())
              .id(id)
              .name(name)
              .internalRate(command.internalRate())
              .ledgerAccount(command.ledgerAccount())
              .balanceSheetItem(command.balanceSheetItem())
              .breakageAccount(command.breakageAccount())
              .lowBalanceThreshold(command.lowBalanceThreshold())
              .active(true)
              .changedAt(clock.instant())
              .changedBy(command.actor().userId())
              .build();
          packages.insert(pkg);
          events.add(new CatalogEvents.PackageCreated(pkg.practice(), pkg.changedAt(), pkg.changedBy(), pkg));
          return pkg;
        });
  }
}
