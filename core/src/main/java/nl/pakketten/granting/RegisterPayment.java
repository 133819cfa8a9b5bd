package nl.pakketten.granting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import nl.pakketten.common.Command;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.PatientId;
import nl.pakketten.internal.style.CommandStyle;
import org.immutables.value.Value;

/**
 * Command: register the payment of a product invoice the host made, and grant the credits its
 * lines of linked products bought. Idempotent on the invoice id.
 */
@Value.Immutable
@CommandStyle
public abstract class RegisterPayment implements Command {
  RegisterPayment() {}



  /** {@return the host's invoice whose payment is registered: the idempotency key of the call} */
  @NotNull
  public abstract InvoiceId invoiceId();

  /** {@return the patient whose credits the command concerns} */
  @NotNull
  public abstract PatientId patient();

  /**
   * The lines of the invoice.
   *
   * @return at least one line; lines of products linked to a package grant credits, the others
   *     nothing
   */
  @NotEmpty
  public abstract List<@Valid @NotNull InvoiceLine> lines();

  /**
   * {@return a new, empty builder; a missing or bad field is reported, with all others, as an
   * {@link nl.pakketten.common.InvalidInputException} when the command runs}
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link RegisterPayment}. */
  public static final class Builder extends ImmutableRegisterPayment.Builder {
    Builder() {}
  }
}
