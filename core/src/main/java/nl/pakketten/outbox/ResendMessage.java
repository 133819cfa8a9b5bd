package nl.pakketten.outbox;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import nl.pakketten.common.Command;
import nl.pakketten.internal.style.CommandStyle;
import org.immutables.value.Value;

/**
 * Command: queue a sent or failed message again, for a new round of attempts (its {@code
 * Message-ID} stays the same). A message still queued is left as it is.
 */
@Value.Immutable
@CommandStyle
public abstract class ResendMessage implements Command {
  ResendMessage() {}

  /**
   * The message, by its outbox id, {@link OutboxMessage#id()} (not its {@code Message-ID}).
   *
   * @return the outbox id
   */
  @NotBlank
  @Size(max = 64)
  public abstract String id();

  /**
   * A new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link ResendMessage}. */
  public static final class Builder extends ImmutableResendMessage.Builder {
    Builder() {}
  }
}
