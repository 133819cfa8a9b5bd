package nl.pakketten.catalog;

import java.time.Instant;
import java.util.Optional;
import nl.pakketten.common.DomainEvent;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.UserId;

/** The events the catalog publishes. */
public final class CatalogEvents {
  private CatalogEvents() {}

  /** A package was created. */
  public record PackageCreated(PracticeId practice, Instant at, UserId actor, CreditPackage pkg)
      implements DomainEvent {}

  /** A package's name, rate or accounts changed. */
  public record PackageUpdated(PracticeId practice, Instant at, UserId actor, CreditPackage before, CreditPackage after)
      implements DomainEvent {}

  /** A package stopped granting new credits. */
  public record PackageDeactivated(PracticeId practice, Instant at, UserId actor, PackageId packageId)
      implements DomainEvent {}

  /** A package grants new credits again. */
  public record PackageReactivated(PracticeId practice, Instant at, UserId actor, PackageId packageId)
      implements DomainEvent {}

  /** A package nothing referred to was deleted. */
  public record PackageDeleted(PracticeId practice, Instant at, UserId actor, PackageId packageId)
      implements DomainEvent {}

  /** A product was created or changed; {@code before} is empty for a new one. */
  public record ProductSaved(PracticeId practice, Instant at, UserId actor, Optional<Product> before, Product after)
      implements DomainEvent {}

  /** An appointment type was created or changed; {@code before} is empty for a new one. */
  public record AppointmentTypeSaved(
      PracticeId practice, Instant at, UserId actor, Optional<AppointmentType> before, AppointmentType after)
      implements DomainEvent {}
}
