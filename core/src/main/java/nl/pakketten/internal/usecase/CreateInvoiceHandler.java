package nl.pakketten.internal.usecase;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.pakketten.access.Action;
import nl.pakketten.catalog.Product;
import nl.pakketten.catalog.ProductLink;
import nl.pakketten.common.ConflictException;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.NotFoundException;
import nl.pakketten.sale.CreateInvoice;
import nl.pakketten.sale.DraftLine;
import nl.pakketten.sale.InvoiceAnswer;
import nl.pakketten.sale.ProductInvoice;
import nl.pakketten.spi.Invoices;
import nl.pakketten.spi.Packages;
import nl.pakketten.spi.Products;
import nl.pakketten.spi.ValueBuilders;
import org.joda.money.CurrencyUnit;

/**
 * Use case: create a draft product invoice, each line priced, described and taxed from its product
 * as it is now. Idempotent on the invoice id.
 *
 * @param packages where the names of linked packages are read
 * @param products where the lines' products are read
 * @param invoices where invoices are kept
 * @param writes the path the command takes
 * @param clock the time of creation
 */
public record CreateInvoiceHandler(Packages packages, Products products, Invoices invoices, WritePath writes,
    Clock clock) {
  /** Creates the draft; a repeat with the same patient and lines answers as a replay. */
  public InvoiceAnswer handle(CreateInvoice command) {
    return writes.check(command)
        .access(command.actor(), Action.MANAGE_INVOICES)
        .run("createInvoice", command.practice(), command.invoiceId(), a -> new InvoiceAnswer(a.invoice(), false),
            events -> {
              Optional<ProductInvoice> earlier = invoices.find(command.practice(), command.invoiceId());
              if (earlier.isPresent()) {
                ProductInvoice stored = earlier.get();
                List<DraftLine> storedLines = stored.lines().stream()
                    .map(l -> DraftLine.of(l.productCode().value(), l.quantity())).toList();
                if (!stored.patient().equals(command.patient()) || !storedLines.equals(command.lines())) {
                  throw new ConflictException(command.invoiceId().value(),
                      "this invoice was already created with another patient or other lines");
                }
                return new InvoiceAnswer(stored, true);
              }
              List<ProductInvoice.Line> lines = lines(command);
              ProductInvoice draft = ValueBuilders.productInvoice()
                  .practice(command.practice())
                  .id(command.invoiceId())
                  .patient(command.patient())
                  .currency(lines.isEmpty() ? CurrencyUnit.EUR : lines.get(0).unitPrice().getCurrencyUnit())
                  .lines(lines)
                  .createdAt(clock.instant())
                  .createdBy(command.actor().userId())
                  .build();
              invoices.insert(draft);
              return new InvoiceAnswer(draft, false);
            });
  }

  private List<ProductInvoice.Line> lines(CreateInvoice command) {
    List<ProductInvoice.Line> lines = new ArrayList<>();
    for (int i = 0; i < command.lines().size(); i++) {
      DraftLine line = command.lines().get(i);
      Product product = products.find(command.practice(), line.productCode())
          .orElseThrow(() -> new NotFoundException("product", line.productCode(), command.practice()));
      if (!lines.isEmpty() && !lines.get(0).unitPrice().getCurrencyUnit().equals(product.unitPrice().getCurrencyUnit())) {
        throw InvalidInputException.of("lines[" + i + "].productCode", line.productCode(), "is priced in "
            + product.unitPrice().getCurrencyUnit() + ", not in " + lines.get(0).unitPrice().getCurrencyUnit()
            + " like the invoice's first line");
      }
      Optional<String> packageName = Optional.empty();
      int credits = 0;
      if (product.link().isPresent()) {
        ProductLink link = product.link().get();
        packageName = Optional.of(CatalogChecks.requirePackage(packages, command.practice(), link.packageId()).name());
        try {
          credits = Math.multiplyExact(line.quantity(), link.creditsPerUnit());
        } catch (ArithmeticException e) {
          throw InvalidInputException.of("lines[" + i + "].quantity", line.quantity(),
              "times " + link.creditsPerUnit() + " credits per unit is too many credits");
        }
      }
      lines.add(new ProductInvoice.Line(product.code(), product.description(), line.quantity(), product.unitPrice(),
          product.vatRate(), packageName, credits));
    }
    return lines;
  }
}
