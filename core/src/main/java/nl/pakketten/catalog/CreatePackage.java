package nl.pakketten.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import nl.pakketten.common.Command;
import nl.pakketten.internal.style.CommandStyle;
import org.immutables.value.Value;
import org.joda.money.Money;

/** Command: create a package. Name and internal rate are required; the accounts are optional. */
@Value.Immutable
@CommandStyle
public abstract class CreatePackage implements Command {
  CreatePackage() {}



  /** {@return the identifier to use; a random one when absent} */
  public abstract Optional<PackageId> packageId();

  /**
   * {@return the package's name, unique in the practice ignoring case, at most 200 characters;
   * surrounding white space is refused}
   */
  @NotBlank
  @Size(max = 200)
  public abstract String name();

  /**
   * The internal rate (intern tarief): the amount the bookkeeping books per credit used.
   *
   * @return the rate per credit, at least zero; its currency is the package's currency
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

  /** Builder for {@link CreatePackage}. */
  public static final class Builder extends ImmutableCreatePackage.Builder {
    Builder() {}
  }
}
