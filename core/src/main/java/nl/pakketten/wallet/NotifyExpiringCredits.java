package nl.pakketten.wallet;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import nl.pakketten.common.Actor;
import nl.pakketten.common.Command;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.style.CommandStyle;
import org.immutables.value.Value;

/**
 * Command: raise {@link CreditEvents.CreditsExpiringSoon} for every lot of the practice with credits
 * remaining whose last day is from {@code day} to {@code day + withinDays}, so the host can remind
 * the patient. Typically run once a day beside {@link ExpireCredits}. Each lot is notified at most
 * once per {@code day}: a rerun on the same day raises nothing again; a run on a later day notifies
 * the lot again while it is still within reach. Needs the action {@code EXPIRE_CREDITS}.
 */
@Value.Immutable
@CommandStyle
public abstract class NotifyExpiringCredits implements Command {
  NotifyExpiringCredits() {}

  /** {@return how many days ahead of {@link #day()} a last day may be, from 0 to 366} */
  @Min(0)
  @Max(366)
  public abstract int withinDays();

  /** {@return the day of the run, in the practice's calendar; lots whose last day is before it are skipped} */
  @NotNull
  public abstract LocalDate day();

  /**
   * The command for {@code day} in {@code practice}, by {@code actor}.
   *
   * @param practice the practice whose lots are looked at
   * @param actor who runs it; only an owner may, under the default access policy
   * @param withinDays how many days ahead a last day may be
   * @param day the day of the run
   * @return the command
   */
  public static NotifyExpiringCredits of(PracticeId practice, Actor actor, int withinDays, LocalDate day) {
    return builder().practice(practice).actor(actor).withinDays(withinDays).day(day).build();
  }

  /**
   * {@return a new, empty builder; a missing or bad field is reported, with all others, as an
   * {@link nl.pakketten.common.InvalidInputException} when the command runs}
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link NotifyExpiringCredits}. */
  public static final class Builder extends ImmutableNotifyExpiringCredits.Builder {
    Builder() {}
  }
}
