package nl.pakketten.catalog;

import jakarta.validation.constraints.NotNull;
import nl.pakketten.common.Actor;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.style.CommandStyle;
import org.immutables.value.Value;

/** Command: reactivate a deactivated package, so that it grants credits again. Idempotent. Only the owner role may, by default. */
@Value.Immutable
@CommandStyle
public abstract class ReactivatePackage {
  ReactivatePackage() {}

  @NotNull
  public abstract PracticeId practice();

  @NotNull
  public abstract Actor actor();

  @NotNull
  public abstract PackageId packageId();

  /** The command for {@code packageId} in {@code practice}, by {@code actor}. */
  public static ReactivatePackage of(PracticeId practice, Actor actor, PackageId packageId) {
    return builder().practice(practice).actor(actor).packageId(packageId).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link ReactivatePackage}. */
  public static final class Builder extends ImmutableReactivatePackage.Builder {
    Builder() {}
  }
}
