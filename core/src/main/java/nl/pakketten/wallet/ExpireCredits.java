package nl.pakketten.wallet;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import nl.pakketten.common.Actor;
import nl.pakketten.common.Command;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.style.CommandStyle;
import org.immutables.value.Value;

/**
 * Command: expire every lot of the practice whose last day is before {@code day} (typically
 * today, once a night). {@code day} may not be after today by the SDK's clock. Safe to repeat.
 */
@Value.Immutable
@CommandStyle
public abstract class ExpireCredits implements Command {
  ExpireCredits() {}



  /**
   * Lots whose last day is before this day expire.
   *
   * @return the day, in the practice's calendar; not after today by the SDK's clock
   */
  @NotNull
  public abstract LocalDate day();

  /**
   * The command for {@code day} in {@code practice}, by {@code actor}.
   *
   * @param practice the practice whose lots expire
   * @param actor who runs the expiry; only an owner may, under the default access policy
   * @param day lots whose last day is before this day expire
   * @return the command
   */
  public static ExpireCredits of(PracticeId practice, Actor actor, LocalDate day) {
    return builder().practice(practice).actor(actor).day(day).build();
  }

  /**
   * {@return a new, empty builder; a missing or bad field is reported, with all others, as an
   * {@link nl.pakketten.common.InvalidInputException} when the command runs}
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link ExpireCredits}. */
  public static final class Builder extends ImmutableExpireCredits.Builder {
    Builder() {}
  }
}
