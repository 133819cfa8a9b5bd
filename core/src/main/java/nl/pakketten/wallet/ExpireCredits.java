package nl.pakketten.wallet;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import nl.pakketten.common.Actor;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.style.CommandStyle;
import org.immutables.value.Value;

/**
 * Command: expire every lot of the practice whose last day is before {@code day} (typically
 * today, once a night). {@code day} may not be after today by the SDK's clock. Safe to repeat.
 */
@Value.Immutable
@CommandStyle
public abstract class ExpireCredits {
  ExpireCredits() {}

  @NotNull
  public abstract PracticeId practice();

  @NotNull
  public abstract Actor actor();

  /** Lots whose last day is before this day expire. */
  @NotNull
  public abstract LocalDate day();

  /** The command for {@code day} in {@code practice}, by {@code actor}. */
  public static ExpireCredits of(PracticeId practice, Actor actor, LocalDate day) {
    return builder().practice(practice).actor(actor).day(day).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link ExpireCredits}. */
  public static final class Builder extends ImmutableExpireCredits.Builder {
    Builder() {}
  }
}
