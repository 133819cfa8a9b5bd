package nl.pakketten.invoicing;

import jakarta.validation.constraints.NotNull;
import nl.pakketten.common.Command;
import nl.pakketten.internal.style.CommandStyle;
import org.immutables.value.Value;

/**
 * Command: save the practice's e-mail template of one kind and language, replacing the one it had.
 * It is checked first ({@code DocumentServices.checkTemplate}); a template that fails the check is
 * not saved.
 */
@Value.Immutable
@CommandStyle
public abstract class SaveMailTemplate implements Command {
  SaveMailTemplate() {}



  /** {@return the template; its kind and language say which one it replaces} */
  @NotNull
  public abstract MailTemplate template();

  /**
   * A new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link SaveMailTemplate}. */
  public static final class Builder extends ImmutableSaveMailTemplate.Builder {
    Builder() {}
  }
}
