package nl.pakketten.internal.usecase;

import static nl.pakketten.internal.usecase.Grants.requireCurrency;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.pakketten.access.Action;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.PackageDeactivatedException;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.catalog.Product;
import nl.pakketten.catalog.ProductLink;
import nl.pakketten.common.DomainEvent;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.NotFoundException;
import nl.pakketten.common.PracticeId;
import nl.pakketten.granting.GrantReceipt;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.granting.LotGrant;
import nl.pakketten.granting.PaymentResult;
import nl.pakketten.granting.RegisterPayment;
import nl.pakketten.internal.Fingerprint;
import nl.pakketten.revenue.Bookkeeping;
import nl.pakketten.spi.GrantReceipts;
import nl.pakketten.spi.Packages;
import nl.pakketten.spi.Products;
import nl.pakketten.spi.Wallets;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.LotSource;
import nl.pakketten.wallet.MovementKind;
import nl.pakketten.wallet.Wallet;
import org.joda.money.Money;

/**
 * Use case: grant the credits a paid product invoice bought: one lot per line of a linked product,
 * of quantity × credits-per-unit credits, worth the line's amount. Lines of unlinked products are
 * ignored. An unknown product or a deactivated package fails the whole call. Idempotent on the
 * invoice id.
 *
 * @param packages where the products' packages are read
 * @param products where the invoice's products are read
 * @param wallets where the new lots go
 * @param receipts where the answer a replay gives is kept
 * @param bookings books the credits granted
 * @param bookkeeping the account codes of a package that names none
 * @param writes the path the command takes
 */
public record RegisterPaymentHandler(Packages packages, Products products, Wallets wallets, GrantReceipts receipts,
    Bookings bookings, Bookkeeping bookkeeping, WritePath writes) {
  /**
   * Grants the invoice's credits; a replay answers {@link PaymentResult.AlreadyGranted} with the same
   * lots, the same invoice id with other content is a conflict.
   */
  public PaymentResult handle(RegisterPayment invoice) {
    return writes.check(invoice)
        .rules(check -> {
          List<InvoiceLine> lines = invoice.lines() == null ? List.of() : invoice.lines();
          for (int i = 0; i < lines.size(); i++) {
            InvoiceLine line = lines.get(i);
            if (line != null && line.amount() != null) {
              check.require(!line.amount().isNegative(), "lines[" + i + "].amount", line.amount(),
                  "must not be negative");
            }
          }
        })
        .access(invoice.actor(), Action.REGISTER_PAYMENTS)
        .run("registerPayment", invoice.practice(), invoice.invoiceId(),
            r -> new PaymentResult.Granted(r.invoiceId(), r.grants()), events -> grant(events, invoice));
  }

  /**
   * The work of a payment registration, inside the caller's transaction: grants the lots, or answers
   * from the receipt of an earlier grant of the same invoice id. Invoice payments that make a
   * product invoice fully paid take this path too, so credits arrive one way only.
   */
  PaymentResult grant(List<DomainEvent> events, RegisterPayment invoice) {
    PracticeId practice = invoice.practice();
    Grants grants = new Grants(receipts, bookings, bookkeeping);
    String fingerprint = fingerprint(invoice);
    String key = invoice.invoiceId().value();
    Optional<List<LotGrant>> earlier = grants.earlier(practice, GrantReceipt.Kind.PAYMENT, key,
        fingerprint, "invoice");
    if (earlier.isPresent()) {
      return new PaymentResult.AlreadyGranted(invoice.invoiceId(), earlier.get());
    }
    Map<PackageId, List<PlannedLot>> byPackage = new TreeMap<>();
    plan(invoice).forEach(p -> byPackage.computeIfAbsent(p.pkg.id(), k -> new ArrayList<>()).add(p));
    List<LotGrant> granted = new ArrayList<>();
    for (Map.Entry<PackageId, List<PlannedLot>> group : byPackage.entrySet()) {
      Wallet wallet = wallets.lock(practice, invoice.patient(), group.getKey());
      for (PlannedLot p : group.getValue()) {
        Lot lot = grants.newLot(practice, invoice.patient(), p.pkg, p.source, p.credits,
            p.pkg.internalRate(), p.amount, invoice.actor().userId(), p.expiresOn);
        wallet = wallet.withNewLot(lot);
        granted.add(grants.book(events, lot, MovementKind.GRANTED, invoice.actor().userId(),
            "payment of invoice " + invoice.invoiceId() + " registered"));
      }
      wallets.save(wallet);
    }
    granted.sort(Comparator.comparing(g -> g.lotId().value()));
    grants.receipt(practice, GrantReceipt.Kind.PAYMENT, key, fingerprint, granted);
    return new PaymentResult.Granted(invoice.invoiceId(), granted);
  }

  private record PlannedLot(CreditPackage pkg, LotSource.InvoiceLine source, int credits, Money amount,
      Optional<java.time.LocalDate> expiresOn) {}

  /** The lots the invoice grants, checked before any is granted. */
  private List<PlannedLot> plan(RegisterPayment invoice) {
    List<PlannedLot> planned = new ArrayList<>();
    for (int i = 0; i < invoice.lines().size(); i++) {
      InvoiceLine line = invoice.lines().get(i);
      Product product = products.find(invoice.practice(), line.productCode())
          .orElseThrow(() -> new NotFoundException("product", line.productCode(), invoice.practice()));
      if (product.link().isEmpty()) {
        continue;
      }
      ProductLink link = product.link().get();
      CreditPackage pkg = CatalogChecks.requirePackage(packages, invoice.practice(), link.packageId());
      if (!pkg.active()) {
        throw new PackageDeactivatedException(pkg.id(), pkg.name(),
            "grant credits (invoice " + invoice.invoiceId() + ", product " + product.code() + ")");
      }
      requireCurrency(pkg, line.amount(), "lines[" + i + "].amount");
      int credits;
      try {
        credits = Math.multiplyExact(line.quantity(), link.creditsPerUnit());
      } catch (ArithmeticException e) {
        throw InvalidInputException.of("lines[" + i + "].quantity", line.quantity(),
            "times " + link.creditsPerUnit() + " credits per unit is too many credits");
      }
      planned.add(new PlannedLot(pkg, new LotSource.InvoiceLine(invoice.invoiceId(), i + 1, product.code()),
          credits, line.amount(), link.lastDayOf(bookings.today())));
    }
    return planned;
  }

  private static String fingerprint(RegisterPayment invoice) {
    List<Object> parts = new ArrayList<>();
    parts.add(invoice.patient());
    for (InvoiceLine line : invoice.lines()) {
      parts.add(line.productCode());
      parts.add(line.quantity());
      parts.add(line.amount());
    }
    return Fingerprint.of(parts.toArray());
  }
}
