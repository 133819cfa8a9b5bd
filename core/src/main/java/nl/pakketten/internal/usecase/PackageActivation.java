package nl.pakketten.internal.usecase;

import static nl.pakketten.internal.usecase.CatalogChecks.requirePackage;

import java.time.Clock;
import nl.pakketten.access.Action;
import nl.pakketten.catalog.CatalogEvents;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.Actor;
import nl.pakketten.common.PracticeId;
import nl.pakketten.spi.Packages;

/**
 * Switches whether a package grants new credits: the work of deactivating and of reactivating,
 * which differ only in the way they switch. Setting the state a package already has changes
 * nothing.
 */
record PackageActivation(Packages packages, Clock clock) {
  /** Sets the package {@code active} or not as {@code operation}, along {@code write}. */
  CreditPackage set(WritePath.Write write, String operation, PracticeId practice, Actor actor, PackageId id,
      boolean active) {
    return write.access(actor, Action.MANAGE_PACKAGES).run(operation, practice, id, events -> {
      CreditPackage before = requirePackage(packages, practice, id);
      if (before.active() == active) {
        return before;
      }
      CreditPackage after = before.withActive(active).withChangedAt(clock.instant()).withChangedBy(actor.userId());
      packages.update(after);
      events.add(active
          ? new CatalogEvents.PackageReactivated(practice, after.changedAt(), actor.userId(), id)
          : new CatalogEvents.PackageDeactivated(practice, after.changedAt(), actor.userId(), id));
      return after;
    });
  }
}
