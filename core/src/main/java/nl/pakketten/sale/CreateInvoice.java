package nl.pakketten.sale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import nl.pakketten.common.PatientId;
import nl.pakketten.internal.style.CommandStyle;
import org.immutables.value.Value;

/**
 * Command: create a draft product invoice for a patient, its lines priced from the products.
 * Idempotent on the invoice id.
 */
@Value.Immutable
@CommandStyle
public abstract class CreateInvoice implements InvoiceCommand {
  CreateInvoice() {}

  /** {@return the patient it is for} */
  @NotNull
  public abstract PatientId patient();

  /** {@return the lines; a draft may be empty, but is not issued so} */
  public abstract List<@Valid @NotNull DraftLine> lines();

  /**
   * A new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link CreateInvoice}. */
  public static final class Builder extends ImmutableCreateInvoice.Builder {
    Builder() {}
  }
}
