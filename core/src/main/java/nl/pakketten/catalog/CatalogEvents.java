package nl.pakketten.catalog;

import java.time.Instant;
import java.util.Optional;
import nl.pakketten.common.DomainEvent;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.UserId;

/** The events the catalog publishes. */
public final class CatalogEvents {
  private CatalogEvents() {}

  /**
   * A package was created.
   *
   * @param practice the practice whose catalog changed
   * @param at when the change was stored, by the SDK's clock
   * @param actor who made the change
   * @param pkg the new package
   */
  public record PackageCreated(PracticeId practice, Instant at, UserId actor, CreditPackage pkg)
      implements DomainEvent {}

  /**
   * A package's name, rate or accounts changed.
   *
   * @param practice the practice whose catalog changed
   * @param at when the change was stored, by the SDK's clock
   * @param actor who made the change
   * @param before the package as it was
   * @param after the package as it is now
   */
  public record PackageUpdated(PracticeId practice, Instant at, UserId actor, CreditPackage before, CreditPackage after)
      implements DomainEvent {}

  /**
   * A package stopped granting new credits.
   *
   * @param practice the practice whose catalog changed
   * @param at when the change was stored, by the SDK's clock
   * @param actor who made the change
   * @param packageId the deactivated package
   */
  public record PackageDeactivated(PracticeId practice, Instant at, UserId actor, PackageId packageId)
      implements DomainEvent {}

  /**
   * A package grants new credits again.
   *
   * @param practice the practice whose catalog changed
   * @param at when the change was stored, by the SDK's clock
   * @param actor who made the change
   * @param packageId the reactivated package
   */
  public record PackageReactivated(PracticeId practice, Instant at, UserId actor, PackageId packageId)
      implements DomainEvent {}

  /**
   * A package nothing referred to was deleted.
   *
   * @param practice the practice whose catalog changed
   * @param at when the change was stored, by the SDK's clock
   * @param actor who made the change
   * @param packageId the deleted package
   */
  public record PackageDeleted(PracticeId practice, Instant at, UserId actor, PackageId packageId)
      implements DomainEvent {}

  /**
   * A product was created or changed; {@code before} is empty for a new one.
   *
   * @param practice the practice whose catalog changed
   * @param at when the change was stored, by the SDK's clock
   * @param actor who made the change
   * @param before the product as it was; empty for a new one
   * @param after the product as it is now
   */
  public record ProductSaved(PracticeId practice, Instant at, UserId actor, Optional<Product> before, Product after)
      implements DomainEvent {}

  /**
   * An appointment type was created or changed; {@code before} is empty for a new one.
   *
   * @param practice the practice whose catalog changed
   * @param at when the change was stored, by the SDK's clock
   * @param actor who made the change
   * @param before the type as it was; empty for a new one
   * @param after the type as it is now
   */
  public record AppointmentTypeSaved(
      PracticeId practice, Instant at, UserId actor, Optional<AppointmentType> before, AppointmentType after)
      implements DomainEvent {}
}
