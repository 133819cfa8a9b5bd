package nl.pakketten.internal.usecase;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.pakketten.access.AccessPolicy;
import nl.pakketten.access.Action;
import nl.pakketten.catalog.AppointmentType;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.catalog.AppointmentTypeLink;
import nl.pakketten.catalog.CatalogEvents;
import nl.pakketten.catalog.CreatePackage;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.DeactivatePackage;
import nl.pakketten.catalog.DeletePackage;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.catalog.PackageInUseException;
import nl.pakketten.catalog.Product;
import nl.pakketten.catalog.ProductCode;
import nl.pakketten.catalog.ProductLink;
import nl.pakketten.catalog.ReactivatePackage;
import nl.pakketten.catalog.SaveAppointmentType;
import nl.pakketten.catalog.SaveProduct;
import nl.pakketten.catalog.UpdatePackage;
import nl.pakketten.common.Actor;
import nl.pakketten.common.ConflictException;
import nl.pakketten.common.NotFoundException;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.CommandValidator;
import nl.pakketten.internal.TransactionRunner;
import nl.pakketten.spi.AppointmentTypes;
import nl.pakketten.spi.PackageUsage;
import nl.pakketten.spi.Packages;
import nl.pakketten.spi.Products;
import nl.pakketten.spi.ValueBuilders;
import org.joda.money.Money;

/**
 * Use cases of the package set-up: packages, and the products and appointment types linked to
 * them. Every change is checked against the {@link AccessPolicy} first.
 */
public final class Catalog {
  private final Packages packages;
  private final Products products;
  private final AppointmentTypes types;
  private final PackageUsage usage;
  private final AccessPolicy access;
  private final TransactionRunner tx;
  private final CommandValidator validator;
  private final Clock clock;

  public Catalog(
      Packages packages,
      Products products,
      AppointmentTypes types,
      PackageUsage usage,
      AccessPolicy access,
      TransactionRunner tx,
      CommandValidator validator,
      Clock clock) {
    this.packages = packages;
    this.products = products;
    this.types = types;
    this.usage = usage;
    this.access = access;
    this.tx = tx;
    this.validator = validator;
    this.clock = clock;
  }

  /**
   * Creates a package; its name must be free in the practice. Given an id that exists with the same
   * content, it answers with the stored package and changes nothing (a safe retry).
   */
  public CreditPackage createPackage(CreatePackage command) {
    CommandValidator.Check check = validator.check(command);
    // Chosen once, outside the retries: a retry after an unknown outcome then finds the package the
    // first attempt may have stored and answers as a replay instead of creating a second one.
    PackageId id = command.packageId().orElseGet(() -> PackageId.of(UUID.randomUUID().toString()));
    return tx.run("createPackage", command.practice(), id, () -> {
      check.require(nonNegative(command.internalRate()), "internalRate", command.internalRate(),
          "must not be negative").orThrow();
      access.check(command.actor(), Action.MANAGE_PACKAGES);
    }, events -> {
      String name = command.name().strip();
      Optional<CreditPackage> existing = packages.find(command.practice(), id);
      if (existing.isPresent()) {
        CreditPackage earlier = existing.get();
        boolean same = earlier.name().equals(name) && earlier.internalRate().equals(command.internalRate())
            && earlier.ledgerAccount().equals(command.ledgerAccount())
            && earlier.balanceSheetItem().equals(command.balanceSheetItem());
        if (same) {
          return earlier; // a replay of the same creation: answer as the first time, change nothing
        }
        throw new ConflictException(earlier.id().value(), "a package with this id already exists with other content");
      }
      requireFreeName(command.practice(), name, Optional.empty());
      CreditPackage pkg = ValueBuilders.creditPackage()
          .practice(command.practice())
          .id(id)
          .name(name)
          .internalRate(command.internalRate())
          .ledgerAccount(command.ledgerAccount())
          .balanceSheetItem(command.balanceSheetItem())
          .active(true)
          .changedAt(clock.instant())
          .changedBy(command.actor().userId())
          .build();
      packages.insert(pkg);
      events.add(new CatalogEvents.PackageCreated(pkg.practice(), pkg.changedAt(), pkg.changedBy(), pkg));
      return pkg;
    });
  }

  /** Replaces a package's name, rate and accounts. Lots already granted keep their rate. */
  public CreditPackage updatePackage(UpdatePackage command) {
    CommandValidator.Check check = validator.check(command);
    return tx.run("updatePackage", command.practice(), command.packageId(), () -> {
      check.require(nonNegative(command.internalRate()), "internalRate", command.internalRate(),
          "must not be negative").orThrow();
      access.check(command.actor(), Action.MANAGE_PACKAGES);
    }, events -> {
      CreditPackage before = require(command.practice(), command.packageId());
      if (!before.internalRate().getCurrencyUnit().equals(command.internalRate().getCurrencyUnit())) {
        throw nl.pakketten.common.InvalidInputException.of("internalRate", command.internalRate(),
            "must stay in the package's currency " + before.internalRate().getCurrencyUnit());
      }
      String name = command.name().strip();
      requireFreeName(command.practice(), name, Optional.of(before.id()));
      CreditPackage after = before.withName(name)
          .withInternalRate(command.internalRate())
          .withLedgerAccount(command.ledgerAccount())
          .withBalanceSheetItem(command.balanceSheetItem())
          .withChangedAt(clock.instant())
          .withChangedBy(command.actor().userId());
      packages.update(after);
      events.add(new CatalogEvents.PackageUpdated(after.practice(), after.changedAt(), after.changedBy(),
          before, after));
      return after;
    });
  }

  /** Stops the package from granting new credits; its credits can still be spent. Idempotent. */
  public CreditPackage deactivatePackage(DeactivatePackage command) {
    return setActive("deactivatePackage", validator.check(command), command.practice(), command.actor(),
        command.packageId(), false);
  }

  /** Lets a deactivated package grant credits again. Idempotent. */
  public CreditPackage reactivatePackage(ReactivatePackage command) {
    return setActive("reactivatePackage", validator.check(command), command.practice(), command.actor(),
        command.packageId(), true);
  }

  private CreditPackage setActive(String operation, CommandValidator.Check check, PracticeId practice, Actor actor,
      PackageId id, boolean active) {
    return tx.run(operation, practice, id, () -> {
      check.orThrow();
      access.check(actor, Action.MANAGE_PACKAGES);
    }, events -> {
      CreditPackage before = require(practice, id);
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

  /**
   * Deletes a package nothing refers to. Refused with {@link PackageInUseException} naming every
   * product, appointment type and lot count that refers to it.
   */
  public void deletePackage(DeletePackage command) {
    PracticeId practice = command.practice();
    Actor actor = command.actor();
    PackageId id = command.packageId();
    CommandValidator.Check check = validator.check(command);
    // A repeat of a delete that was stored would find no package and say so: not a replay.
    tx.runWithoutReplay("deletePackage", practice, id, () -> {
      check.orThrow();
      access.check(actor, Action.MANAGE_PACKAGES);
    }, events -> {
      require(practice, id);
      List<String> referrers = new ArrayList<>();
      products.linkedTo(practice, id).forEach(p -> referrers.add("product '" + p.code() + "'"));
      types.linkedTo(practice, id).forEach(t -> referrers.add("appointment type '" + t.id() + "'"));
      long lots = usage.lotsOf(practice, id);
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

  /** Creates or replaces a product and its link. */
  public Product saveProduct(SaveProduct command) {
    CommandValidator.Check check = validator.check(command);
    return tx.run("saveProduct", command.practice(), command.code(), () -> {
      check.require(nonNegative(command.unitPrice()), "unitPrice", command.unitPrice(), "must not be negative")
          .orThrow();
      access.check(command.actor(), Action.LINK_PRODUCTS);
    }, events -> {
      Optional<ProductLink> link = command.packageId().map(pid -> {
        CreditPackage pkg = require(command.practice(), pid);
        if (!pkg.internalRate().getCurrencyUnit().equals(command.unitPrice().getCurrencyUnit())) {
          throw nl.pakketten.common.InvalidInputException.of("unitPrice", command.unitPrice(),
              "must be in " + pkg.internalRate().getCurrencyUnit() + ", the currency of package '"
                  + pkg.name() + "'");
        }
        return new ProductLink(pid, command.creditsPerUnit());
      });
      Optional<Product> before = products.find(command.practice(), command.code());
      Product after = ValueBuilders.product()
          .practice(command.practice())
          .code(command.code())
          .name(command.name().strip())
          .unitPrice(command.unitPrice())
          .link(link)
          .build();
      products.save(after);
      events.add(new CatalogEvents.ProductSaved(command.practice(), clock.instant(),
          command.actor().userId(), before, after));
      return after;
    });
  }

  /** Creates or replaces an appointment type and its link. */
  public AppointmentType saveAppointmentType(SaveAppointmentType command) {
    CommandValidator.Check check = validator.check(command);
    return tx.run("saveAppointmentType", command.practice(), command.id(), () -> {
      check.orThrow();
      access.check(command.actor(), Action.LINK_APPOINTMENT_TYPES);
    }, events -> {
      Optional<AppointmentTypeLink> link = command.packageId().map(pid -> {
        require(command.practice(), pid);
        return new AppointmentTypeLink(pid, command.creditsPerAppointment());
      });
      Optional<AppointmentType> before = types.find(command.practice(), command.id());
      AppointmentType after = ValueBuilders.appointmentType()
          .practice(command.practice())
          .id(command.id())
          .name(command.name().strip())
          .link(link)
          .build();
      types.save(after);
      events.add(new CatalogEvents.AppointmentTypeSaved(command.practice(), clock.instant(),
          command.actor().userId(), before, after));
      return after;
    });
  }

  /** The package, if it exists in the practice. */
  public Optional<CreditPackage> findPackage(PracticeId practice, PackageId id) {
    return tx.read("findPackage", practice, () -> packages.find(practice, id));
  }

  /** All packages of the practice, by name. */
  public List<CreditPackage> packages(PracticeId practice) {
    return tx.read("listPackages", practice, () -> packages.list(practice));
  }

  /** The product, if it exists in the practice. */
  public Optional<Product> findProduct(PracticeId practice, ProductCode code) {
    return tx.read("findProduct", practice, () -> products.find(practice, code));
  }

  /** The appointment type, if it exists in the practice. */
  public Optional<AppointmentType> findAppointmentType(PracticeId practice, AppointmentTypeId id) {
    return tx.read("findAppointmentType", practice, () -> types.find(practice, id));
  }

  private CreditPackage require(PracticeId practice, PackageId id) {
    return packages.find(practice, id).orElseThrow(() -> new NotFoundException("package", id, practice));
  }

  private void requireFreeName(PracticeId practice, String name, Optional<PackageId> self) {
    packages.findByName(practice, name)
        .filter(other -> self.map(id -> !id.equals(other.id())).orElse(true))
        .ifPresent(other -> {
          throw new ConflictException(name, "a package with this name already exists (" + other.id() + ")");
        });
  }

  private static boolean nonNegative(Money money) {
    return money == null || !money.isNegative();
  }
}
