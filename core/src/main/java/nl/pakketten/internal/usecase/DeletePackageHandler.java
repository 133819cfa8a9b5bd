package nl.pakketten.internal.usecase;

import static nl.pakketten.internal.usecase.CatalogChecks.requirePackage;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import nl.pakketten.access.Action;
import nl.pakketten.catalog.CatalogEvents;
import nl.pakketten.catalog.DeletePackage;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.catalog.PackageInUseException;
import nl.pakketten.common.Actor;
import nl.pakketten.common.PracticeId;
import nl.pakketten.spi.AppointmentTypes;
import nl.pakketten.spi.Packages;
import nl.pakketten.spi.Products;
import nl.pakketten.spi.Wallets;

/**
 * Use case: delete a package nothing refers to. Refused with {@link PackageInUseException} naming
 * every product, appointment type and lot count that refers to it.
 *
 * @param packages where packages are kept
 * @param products asked which products link to the package
 * @param types asked which appointment types link to it
 * @param wallets asked how many lots of credits it has
 * @param writes the path the command takes
 * @param clock the time of the change
 */
public record DeletePackageHandler(Packages packages, Products products, AppointmentTypes types, Wallets wallets,
    WritePath writes, Clock clock) {
  /** Deletes the package. */
  public void handle(DeletePackage command) {
    WritePath.Write write = writes.check(command);
    PracticeId practice = command.practice();
    Actor actor = command.actor();
    PackageId id = command.packageId();
    // A repeat of a delete that was stored would find no package and say so: not a replay.
    write.access(actor, Action.MANAGE_PACKAGES).runWithoutReplay("deletePackage", practice, id, events -> {
      requirePackage(packages, practice, id);
      List<String> referrers = new ArrayList<>();
      products.linkedTo(practice, id).forEach(p -> referrers.add("product '" + p.code() + "'"));
      types.linkedTo(practice, id).forEach(t -> referrers.add("appointment type '" + t.id() + "'"));
      long lots = wallets.lotsOf(practice, id);
      if (lots > 0) {
        referrers.add(lots + (lots == 1 ? " lot" : " lots") + " of credits");
      }
      if (!referrers.isEmpty()) {
        throw new PackageInUseException(id, referrers);
      }
      packages.delete(practice, id);
      events.add(new CatalogEvents.PackageDeleted(practice, clock.instant(), actor.userId(), id));
      return null;
    });
  }
}
