package nl.pakketten.sale;

import java.time.LocalDate;
import java.util.Optional;
import nl.pakketten.internal.style.CommandStyle;
import org.immutables.value.Value;

/**
 * Command: issue a draft: give it the next number of the practice's series, its dates, and the
 * snapshot of practice and patient. Issuing an issued invoice again answers as a replay.
 */
@Value.Immutable
@CommandStyle
public abstract class IssueInvoice implements InvoiceCommand {
  IssueInvoice() {}

  /** {@return the issue date; today by the SDK's clock when absent} */
  public abstract Optional<LocalDate> issueDate();

  /**
   * A new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link IssueInvoice}. */
  public static final class Builder extends ImmutableIssueInvoice.Builder {
    Builder() {}
  }
}
