package nl.pakketten.invoicing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.Optional;
import nl.pakketten.common.Command;
import nl.pakketten.internal.style.CommandStyle;
import org.immutables.value.Value;

/**
 * Command: create or replace the practice's profile. Idempotent: saving the same profile again
 * changes nothing. The IBAN is checked by {@code DocumentServices.ibanProblems}.
 */
@Value.Immutable
@CommandStyle
public abstract class SavePracticeProfile implements Command {
  SavePracticeProfile() {}



  /** {@return the practice's name as printed} */
  @NotBlank
  @Size(max = 200)
  public abstract String name();

  /** {@return the postal address} */
  @NotNull
  public abstract PostalAddress address();

  /** {@return the Chamber of Commerce (KvK) number} */
  @NotBlank
  @Size(max = 20)
  public abstract String kvkNumber();

  /** {@return the VAT number} */
  @NotBlank
  @Size(max = 20)
  public abstract String vatNumber();

  /** {@return the IBAN patients pay to; spaces are removed} */
  public abstract Optional<@Pattern(regexp = ".*\\S.*", message = "must not be blank") @Size(max = 40) String> iban();

  /** {@return the address invoices are mailed from} */
  @NotBlank
  @Size(max = 200)
  public abstract String senderAddress();

  /** {@return the name invoices are mailed from} */
  @NotBlank
  @Size(max = 200)
  public abstract String senderName();

  /** {@return the invoice number format; {@link InvoiceNumbers#DEFAULT_FORMAT} by default} */
  @NotNull
  @Value.Default
  public String numberFormat() {
    return InvoiceNumbers.DEFAULT_FORMAT;
  }

  /** {@return days from the issue date to the due date; 14 by default} */
  @Min(0)
  @Max(365)
  @Value.Default
  public int paymentTermDays() {
    return 14;
  }

  /** {@return the language of patients whose language the directory does not know; Dutch by default} */
  @NotNull
  @Value.Default
  public Locale defaultLanguage() {
    return Locale.forLanguageTag("nl");
  }

  /**
   * A new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link SavePracticeProfile}. */
  public static final class Builder extends ImmutableSavePracticeProfile.Builder {
    Builder() {}
  }
}
