package nl.pakketten.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import nl.pakketten.common.Actor;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.style.CommandStyle;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * Command: replace a package's name, internal rate and accounts. A new rate applies to credits
 * granted from now on; credits already granted keep the rate of their lot.
 */
@Value.Immutable
@CommandStyle
public abstract class UpdatePackage {
  UpdatePackage() {}

  @NotNull
  public abstract PracticeId practice();

  @NotNull
  public abstract Actor actor();

  @NotNull
  public abstract PackageId packageId();

  @NotBlank
  @Size(max = 200)
  public abstract String name();

  @NotNull
  public abstract Money internalRate();

  public abstract Optional<LedgerAccount> ledgerAccount();

  public abstract Optional<BalanceSheetItem> balanceSheetItem();

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link UpdatePackage}. */
  public static final class Builder extends ImmutableUpdatePackage.Builder {
    Builder() {}
  }
}
