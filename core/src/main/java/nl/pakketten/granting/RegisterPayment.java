package nl.pakketten.granting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import nl.pakketten.common.Actor;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.style.CommandStyle;
import org.immutables.value.Value;

/**
 * Command: register the payment of a product invoice the host made, and grant the credits its
 * lines of linked products bought. Idempotent on the invoice id.
 */
@Value.Immutable
@CommandStyle
public abstract class RegisterPayment {
  RegisterPayment() {}

  @NotNull
  public abstract PracticeId practice();

  @NotNull
  public abstract Actor actor();

  @NotNull
  public abstract InvoiceId invoiceId();

  @NotNull
  public abstract PatientId patient();

  @NotEmpty
  public abstract List<@Valid @NotNull InvoiceLine> lines();

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link RegisterPayment}. */
  public static final class Builder extends ImmutableRegisterPayment.Builder {
    Builder() {}
  }
}
