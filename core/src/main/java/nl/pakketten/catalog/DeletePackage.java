package nl.pakketten.catalog;

import jakarta.validation.constraints.NotNull;
import nl.pakketten.common.Actor;
import nl.pakketten.common.Command;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.style.CommandStyle;
import org.immutables.value.Value;

/** Command: delete a package that nothing refers to (no product, appointment type or lot). Only the owner role may, by default. */
@Value.Immutable
@CommandStyle
public abstract class DeletePackage implements Command {
  DeletePackage() {}



  /** {@return the package the command concerns} */
  @NotNull
  public abstract PackageId packageId();

  /**
   * The command for {@code packageId} in {@code practice}, by {@code actor}.
   *
   * @param practice the practice the package belongs to
   * @param actor who deletes it
   * @param packageId the package to delete
   * @return the command
   */
  public static DeletePackage of(PracticeId practice, Actor actor, PackageId packageId) {
    return builder().practice(practice).actor(actor).packageId(packageId).build();
  }

  /**
   * {@return a new, empty builder; a missing or bad field is reported, with all others, as an
   * {@link nl.pakketten.common.InvalidInputException} when the command runs}
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link DeletePackage}. */
  public static final class Builder extends ImmutableDeletePackage.Builder {
    Builder() {}
  }
}
