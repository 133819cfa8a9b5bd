package nl.pakketten.internal.usecase;

import static nl.pakketten.internal.usecase.CatalogChecks.requireNotNegative;
import static nl.pakketten.internal.usecase.CatalogChecks.requirePackage;

import java.time.Clock;
import java.util.Optional;
import nl.pakketten.access.Action;
import nl.pakketten.catalog.CatalogEvents;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.Product;
import nl.pakketten.catalog.ProductLink;
import nl.pakketten.catalog.SaveProduct;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.spi.Packages;
import nl.pakketten.spi.Products;
import nl.pakketten.spi.ValueBuilders;

/**
 * Use case: create or replace a product and its link to a package.
 *
 * @param packages where the linked package is looked up
 * @param products where products are kept
 * @param writes the path the command takes
 * @param clock the time of the change
 */
public record SaveProductHandler(Packages packages, Products products, WritePath writes, Clock clock) {
  /** Saves the product and answers with it as stored. */
  public Product handle(SaveProduct command) {
    return writes.check(command)
        .rules(check -> requireNotNegative(check, "unitPrice", command.unitPrice())
            .require(command.validity().map(v -> !v.isNegative() && !v.isZero()).orElse(true), "validity",
                command.validity().orElse(null), "must be positive, for example P12M"))
        .access(command.actor(), Action.LINK_PRODUCTS)
        .run("saveProduct", command.practice(), command.code(), events -> {
          Optional<ProductLink> link = command.packageId().map(pid -> {
            CreditPackage pkg = requirePackage(packages, command.practice(), pid);
            if (!pkg.internalRate().getCurrencyUnit().equals(command.unitPrice().getCurrencyUnit())) {
              throw InvalidInputException.of("unitPrice", command.unitPrice(),
                  "must be in " + pkg.internalRate().getCurrencyUnit() + ", the currency of package '"
                      + pkg.name() + "'");
            }
            return new ProductLink(pid, command.creditsPerUnit(), command.validity());
          });
          Optional<Product> before = products.find(command.practice(), command.code());
          Product after = ValueBuilders.product()
              .practice(command.practice())
              .code(command.code())
              .name(command.name().strip())
              .unitPrice(command.unitPrice())
              .description(command.description().map(String::strip).orElse(command.name().strip()))
              .vatRate(command.vatRate())
              .link(link)
              .build();
          products.save(after);
          events.add(new CatalogEvents.ProductSaved(command.practice(), clock.instant(),
              command.actor().userId(), before, after));
          return after;
        });
  }
}
