package nl.pakketten.catalog;

import jakarta.validation.constraints.NotNull;
import nl.pakketten.common.Actor;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.style.CommandStyle;
import org.immutables.value.Value;

/** Command: deactivate a package: it stops granting new credits; its credits can still be spent. Idempotent. Only the owner role may, by default. */
@Value.Immutable
@CommandStyle
public abstract class DeactivatePackage {
  DeactivatePackage() {}

  @NotNull
  public abstract PracticeId practice();

  @NotNull
  public abstract Actor actor();

  @NotNull
  public abstract PackageId packageId();

  /** The command for {@code packageId} in {@code practice}, by {@code actor}. */
  public static DeactivatePackage of(PracticeId practice, Actor actor, PackageId packageId) {
    return builder().practice(practice).actor(actor).packageId(packageId).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link DeactivatePackage}. */
  public static final class Builder extends ImmutableDeactivatePackage.Builder {
    Builder() {}
  }
}
