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

/** Command: create a package. Name and internal rate are required; the accounts are optional. */
@Value.Immutable
@CommandStyle
public abstract class CreatePackage {
  CreatePackage() {}

  @NotNull
  public abstract PracticeId practice();

  @NotNull
  public abstract Actor actor();

  /** The identifier to use; a random one when absent. */
  public abstract Optional<PackageId> packageId();

  @NotBlank
  @Size(max = 200)
  public abstract String name();

  /** Per credit; at least zero; its currency is the package's currency. */
  @NotNull
  public abstract Money internalRate();

  public abstract Optional<LedgerAccount> ledgerAccount();

  public abstract Optional<BalanceSheetItem> balanceSheetItem();

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link CreatePackage}. */
  public static final class Builder extends ImmutableCreatePackage.Builder {
    Builder() {}
  }
}
