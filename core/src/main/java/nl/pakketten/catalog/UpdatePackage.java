package nl.pakketten.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import nl.pakketten.common.Command;
import nl.pakketten.internal.style.CommandStyle;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * Command: replace a package's name, internal rate and accounts. A new rate applies to credits
 * granted from now on; credits already granted keep the rate of their lot.
 */
@Value.Immutable
@CommandStyle
public abstract class UpdatePackage implements Command {
  UpdatePackage() {}



  /** {@return the package the command concerns} */
  @NotNull
  public abstract PackageId packageId();

  /**
   * {@return the package's name, unique in the practice ignoring case, at most 200 characters;
   * surrounding white space is refused}
   */
  @NotBlank
  @Size(max = 200)
  public abstract String name();

  /**
   * {@return the internal rate (intern tarief): the amount per credit the bookkeeping books when a
   * credit is used; at least zero}
   */
  @NotNull
  public abstract Money internalRate();

  /**
   * {@return the ledger account (grootboekrekening) its revenue is booked on; empty for the
   * practice's default}
   */
  public abstract Optional<LedgerAccount> ledgerAccount();

  /**
   * {@return the balance-sheet item (balanspost) where its prepaid, not yet earned money sits;
   * empty for the practice's default}
   */
  public abstract Optional<BalanceSheetItem> balanceSheetItem();

  /**
   * {@return the ledger account where breakage is booked (the value of its expired credits, and
   * the part of a refund not paid back); empty for the lot's revenue account, the package's ledger
   * account}
   */
  public abstract Optional<LedgerAccount> breakageAccount();

  /**
   * {@return the balance at or below which a spend raises {@link
   * nl.pakketten.wallet.CreditEvents.CreditsLow}; empty for no such event; at least zero}
   */
  public abstract Optional<Integer> lowBalanceThreshold();

  /**
   * {@return a new, empty builder; a missing or bad field is reported, with all others, as an
   * {@link nl.pakketten.common.InvalidInputException} when the command runs}
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link UpdatePackage}. */
  public static final class Builder extends ImmutableUpdatePackage.Builder {
    Builder() {}
  }
}
