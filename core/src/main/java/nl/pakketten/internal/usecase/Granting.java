package nl.pakketten.internal.usecase;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import nl.pakketten.access.AccessPolicy;
import nl.pakketten.access.Action;
import nl.pakketten.catalog.BalanceSheetItem;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.LedgerAccount;
import nl.pakketten.catalog.PackageDeactivatedException;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.catalog.Product;
import nl.pakketten.catalog.ProductLink;
import nl.pakketten.common.ConflictException;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.LotId;
import nl.pakketten.common.NotFoundException;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.UserId;
import nl.pakketten.granting.GrantReceipt;
import nl.pakketten.granting.ImportCredits;
import nl.pakketten.granting.ImportResult;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.granting.LotGrant;
import nl.pakketten.granting.PaymentResult;
import nl.pakketten.granting.RegisterPayment;
import nl.pakketten.internal.CommandValidator;
import nl.pakketten.internal.Fingerprint;
import nl.pakketten.internal.TransactionRunner;
import nl.pakketten.revenue.Bookkeeping;
import nl.pakketten.spi.GrantReceipts;
import nl.pakketten.spi.History;
import nl.pakketten.spi.Packages;
import nl.pakketten.spi.Products;
import nl.pakketten.spi.ValueBuilders;
import nl.pakketten.spi.Wallets;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.LotSource;
import nl.pakketten.wallet.MovementKind;
import nl.pakketten.wallet.Wallet;
import org.joda.money.Money;

/** Use cases that grant credits: a registered payment of a product invoice, and an import. */
public final class Granting {
  private final Packages packages;
  private final Products products;
  private final Wallets wallets;
  private final GrantReceipts receipts;
  private final Bookings bookings;
  private final Bookkeeping bookkeeping;
  private final AccessPolicy access;
  private final TransactionRunner tx;
  private final CommandValidator validator;

  public Granting(
      Packages packages,
      Products products,
      Wallets wallets,
      GrantReceipts receipts,
      History history,
      nl.pakketten.spi.Journal journal,
      Bookkeeping bookkeeping,
      AccessPolicy access,
      TransactionRunner tx,
      CommandValidator validator,
      java.time.Clock clock) {
    this.packages = packages;
    this.products = products;
    this.wallets = wallets;
    this.receipts = receipts;
    this.bookkeeping = bookkeeping;
    this.bookings = new Bookings(history, journal, bookkeeping, clock);
    this.access = access;
    this.tx = tx;
    this.validator = validator;
  }

  /**
   * Grants the credits a paid product invoice bought: one lot per line of a linked product, of
   * quantity × credits-per-unit credits, worth the line's amount. Lines of unlinked products are
   * ignored. An unknown product or a deactivated package fails the whole call. Idempotent on the
   * invoice id: a replay answers {@link PaymentResult.AlreadyGranted} with the same lots; the same
   * id with other content is a {@link ConflictException}.
   */
  public PaymentResult registerPayment(RegisterPayment invoice) {
    CommandValidator.Check check = validator.check(invoice);
    return tx.run("registerPayment", invoice.practice(), invoice.invoiceId(), () -> {
      List<InvoiceLine> lines = invoice.lines() == null ? List.of() : invoice.lines();
      for (int i = 0; i < lines.size(); i++) {
        InvoiceLine line = lines.get(i);
        if (line != null && line.amount() != null) {
          check.require(!line.amount().isNegative(), "lines[" + i + "].amount", line.amount(),
              "must not be negative");
        }
      }
      check.orThrow();
      access.check(invoice.actor(), Action.REGISTER_PAYMENTS);
    }, r -> new PaymentResult.Granted(r.invoiceId(), r.grants()), events -> {
      PracticeId practice = invoice.practice();
      String fingerprint = fingerprint(invoice);
      Optional<GrantReceipt> earlier = receipts.find(practice, GrantReceipt.Kind.PAYMENT, invoice.invoiceId().value());
      if (earlier.isPresent()) {
        requireSameContent(earlier.get(), fingerprint, "invoice");
        return new PaymentResult.AlreadyGranted(invoice.invoiceId(), earlier.get().grants());
      }
      List<PlannedLot> planned = plan(invoice);
      Map<PackageId, List<PlannedLot>> byPackage = new TreeMap<>();
      planned.forEach(p -> byPackage.computeIfAbsent(p.pkg.id(), k -> new ArrayList<>()).add(p));
      List<LotGrant> grants = new ArrayList<>();
      for (Map.Entry<PackageId, List<PlannedLot>> group : byPackage.entrySet()) {
        Wallet wallet = wallets.lock(practice, invoice.patient(), group.getKey());
        for (PlannedLot p : group.getValue()) {
          Lot lot = newLot(practice, invoice.patient(), p.pkg, p.source, p.credits, p.pkg.internalRate(),
              p.amount, invoice.actor().userId(), Optional.empty());
          wallet = wallet.withNewLot(lot);
          bookings.book(events, lot, MovementKind.GRANTED, p.credits, p.amount, invoice.actor().userId(),
              "payment of invoice " + invoice.invoiceId() + " registered", p.source.key());
          grants.add(grantOf(lot));
        }
        wallets.save(wallet);
      }
      grants.sort(java.util.Comparator.comparing(g -> g.lotId().value()));
      receipts.insert(new GrantReceipt(practice, GrantReceipt.Kind.PAYMENT, invoice.invoiceId().value(),
          fingerprint, grants, bookings.now()));
      return new PaymentResult.Granted(invoice.invoiceId(), grants);
    });
  }

  /**
   * Imports credits by hand into one new lot worth credits × the given internal rate. Refused for
   * a deactivated package. Idempotent on the import id.
   */
  public ImportResult importCredits(ImportCredits command) {
    CommandValidator.Check check = validator.check(command);
    return tx.run("importCredits", command.practice(), command.importId(), () -> {
      check.require(command.internalRate() == null || !command.internalRate().isNegative(), "internalRate",
              command.internalRate(), "must not be negative")
          .requireSupported("expiresOn", command.expiresOn().orElse(null))
          .orThrow();
      access.check(command.actor(), Action.IMPORT_CREDITS);
    }, r -> new ImportResult.Imported(r.importId(), r.grant()), events -> {
      PracticeId practice = command.practice();
      String fingerprint = Fingerprint.of(command.patient(), command.packageId(), command.credits(),
          command.internalRate(), command.reason().strip(),
          command.expiresOn().map(Object::toString).orElse("-"));
      Optional<GrantReceipt> earlier = receipts.find(practice, GrantReceipt.Kind.IMPORT, command.importId().value());
      if (earlier.isPresent()) {
        requireSameContent(earlier.get(), fingerprint, "import");
        return new ImportResult.AlreadyImported(command.importId(), earlier.get().grants().get(0));
      }
      CreditPackage pkg = packages.find(practice, command.packageId())
          .orElseThrow(() -> new NotFoundException("package", command.packageId(), practice));
      if (!pkg.active()) {
        throw new PackageDeactivatedException(pkg.id(), pkg.name(), "import credits");
      }
      requireCurrency(pkg, command.internalRate(), "internalRate");
      LotSource source = new LotSource.Import(command.importId(), command.reason().strip());
      Money value = command.internalRate().multipliedBy(command.credits());
      Wallet wallet = wallets.lock(practice, command.patient(), pkg.id());
      Lot lot = newLot(practice, command.patient(), pkg, source, command.credits(), command.internalRate(),
          value, command.actor().userId(), command.expiresOn());
      wallets.save(wallet.withNewLot(lot));
      bookings.book(events, lot, MovementKind.IMPORTED, command.credits(), value, command.actor().userId(),
          command.reason().strip(), source.key());
      LotGrant grant = grantOf(lot);
      receipts.insert(new GrantReceipt(practice, GrantReceipt.Kind.IMPORT, command.importId().value(),
          fingerprint, List.of(grant), bookings.now()));
      return new ImportResult.Imported(command.importId(), grant);
    });
  }

  private record PlannedLot(CreditPackage pkg, LotSource.InvoiceLine source, int credits, Money amount) {}

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
      CreditPackage pkg = packages.find(invoice.practice(), link.packageId())
          .orElseThrow(() -> new NotFoundException("package", link.packageId(), invoice.practice()));
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
          credits, line.amount()));
    }
    return planned;
  }

  private Lot newLot(PracticeId practice, PatientId patient, CreditPackage pkg, LotSource source, int credits,
      Money rate, Money value, UserId by, Optional<java.time.LocalDate> expiresOn) {
    return ValueBuilders.lot()
        .id(lotIdFor(practice, source))
        .practice(practice)
        .patient(patient)
        .packageId(pkg.id())
        .source(source)
        .creditsGranted(credits)
        .creditsRemaining(credits)
        .ratePerCredit(rate)
        .deferredValue(value)
        .recognisedRevenue(Money.zero(value.getCurrencyUnit()))
        .deferredAccount(pkg.balanceSheetItem().orElse(BalanceSheetItem.of(bookkeeping.defaultBalanceSheetItem())))
        .revenueAccount(pkg.ledgerAccount().orElse(LedgerAccount.of(bookkeeping.defaultLedgerAccount())))
        .grantedAt(bookings.now())
        .grantedBy(by)
        .expiresOn(expiresOn)
        .build();
  }

  /** A lot's id follows from its source, so a retried grant creates the same lot. */
  static LotId lotIdFor(PracticeId practice, LotSource source) {
    return LotId.of(UUID.nameUUIDFromBytes((practice.value() + "|" + source.key()).getBytes(StandardCharsets.UTF_8))
        .toString());
  }

  private static LotGrant grantOf(Lot lot) {
    return new LotGrant(lot.id(), lot.packageId(), lot.creditsGranted(), lot.ratePerCredit(),
        lot.deferredValue());
  }

  private static void requireCurrency(CreditPackage pkg, Money money, String field) {
    if (!money.getCurrencyUnit().equals(pkg.internalRate().getCurrencyUnit())) {
      throw InvalidInputException.of(field, money, "must be in " + pkg.internalRate().getCurrencyUnit()
          + ", the currency of package '" + pkg.name() + "', not " + money.getCurrencyUnit());
    }
  }

  private static void requireSameContent(GrantReceipt earlier, String fingerprint, String what) {
    if (!earlier.fingerprint().equals(fingerprint)) {
      throw new ConflictException(earlier.key(), "this " + what + " was already processed with other content");
    }
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
