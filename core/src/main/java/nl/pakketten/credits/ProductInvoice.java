package nl.pakketten.credits;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import nl.pakketten.common.Actor;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.CommandStyle;
import org.immutables.value.Value;

/** Command: the payment of this product invoice was registered; grant the credits it bought. */
@Value.Immutable
@CommandStyle
public abstract class ProductInvoice {
  ProductInvoice() {}

  @NotNull
  public abstract PracticeId getPractice();

  @NotNull
  public abstract Actor getActor();

  @NotNull
  public abstract InvoiceId getInvoiceId();

  @NotNull
  public abstract PatientId getPatient();

  @NotEmpty
  public abstract List<@Valid @NotNull InvoiceLine> getLines();

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link ProductInvoice}. */
  public static final class Builder extends ImmutableProductInvoice.Builder {
    Builder() {}
  }
}
