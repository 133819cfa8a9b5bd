package nl.pakketten.internal.usecase;

import static nl.pakketten.internal.usecase.Grants.requireCurrency;

import java.util.List;
import java.util.Optional;
import nl.pakketten.access.Action;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.PackageDeactivatedException;
import nl.pakketten.common.PracticeId;
import nl.pakketten.granting.GrantReceipt;
import nl.pakketten.granting.ImportCredits;
import nl.pakketten.granting.ImportResult;
import nl.pakketten.granting.LotGrant;
import nl.pakketten.internal.Fingerprint;
import nl.pakketten.revenue.Bookkeeping;
import nl.pakketten.spi.GrantReceipts;
import nl.pakketten.spi.Packages;
import nl.pakketten.spi.Wallets;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.LotSource;
import nl.pakketten.wallet.MovementKind;
import nl.pakketten.wallet.Wallet;
import org.joda.money.Money;

/**
 * Use case: import credits by hand into one new lot worth credits × the given internal rate.
 * Refused for a deactivated package. Idempotent on the import id.
 *
 * @param packages where the package is read
 * @param wallets where the new lot goes
 * @param receipts where the answer a replay gives is kept
 * @param bookings books the credits imported
 * @param bookkeeping the account codes of a package that names none
 * @param writes the path the command takes
 */
public record ImportCreditsHandler(Packages packages, Wallets wallets, GrantReceipts receipts, Bookings bookings,
    Bookkeeping bookkeeping, WritePath writes) {
  /** Imports the credits; a replay answers {@link ImportResult.AlreadyImported} with the same lot. */
  public ImportResult handle(ImportCredits command) {
    return writes.check(command)
        .rules(check -> CatalogChecks.requireNotNegative(check, "internalRate", command.internalRate())
            .requireSupported("expiresOn", command.expiresOn().orElse(null)))
        .access(command.actor(), Action.IMPORT_CREDITS)
        .run("importCredits", command.practice(), command.importId(),
            r -> new ImportResult.Imported(r.importId(), r.grant()), events -> {
              PracticeId practice = command.practice();
              Grants grants = new Grants(receipts, bookings, bookkeeping);
              String fingerprint = Fingerprint.of(command.patient(), command.packageId(), command.credits(),
                  command.internalRate(), command.reason().strip(),
                  command.expiresOn().map(Object::toString).orElse("-"));
              String key = command.importId().value();
              Optional<List<LotGrant>> earlier = grants.earlier(practice, GrantReceipt.Kind.IMPORT, key,
                  fingerprint, "import");
              if (earlier.isPresent()) {
                return new ImportResult.AlreadyImported(command.importId(), earlier.get().get(0));
              }
              CreditPackage pkg = CatalogChecks.requirePackage(packages, practice, command.packageId());
              if (!pkg.active()) {
                throw new PackageDeactivatedException(pkg.id(), pkg.name(), "import credits");
              }
              requireCurrency(pkg, command.internalRate(), "internalRate");
              LotSource source = new LotSource.Import(command.importId(), command.reason().strip());
              Money value = command.internalRate().multipliedBy(command.credits());
              Wallet wallet = wallets.lock(practice, command.patient(), pkg.id());
              Lot lot = grants.newLot(practice, command.patient(), pkg, source, command.credits(),
                  command.internalRate(), value, command.actor().userId(), command.expiresOn());
              wallets.save(wallet.withNewLot(lot));
              LotGrant grant = grants.book(events, lot, MovementKind.IMPORTED, command.actor().userId(),
                  command.reason().strip());
              grants.receipt(practice, GrantReceipt.Kind.IMPORT, key, fingerprint, List.of(grant));
              return new ImportResult.Imported(command.importId(), grant);
            });
  }
}
