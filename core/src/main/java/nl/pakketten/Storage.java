package nl.pakketten;

import nl.pakketten.catalog.AppointmentTypes;
import nl.pakketten.catalog.Packages;
import nl.pakketten.catalog.Products;
import nl.pakketten.common.Transactions;
import nl.pakketten.credits.Appointments;
import nl.pakketten.credits.GrantReceipts;
import nl.pakketten.credits.History;
import nl.pakketten.credits.Wallets;
import nl.pakketten.revenue.Journal;

/**
 * Every port an adapter provides, over one store: {@code InMemoryStorage} in the core, {@code
 * JdbcStorage} in the JDBC adapter. Repository calls made inside {@link #transactions()} take part
 * in that transaction.
 */
public interface Storage {
  Transactions transactions();

  Packages packages();

  Products products();

  AppointmentTypes appointmentTypes();

  Wallets wallets();

  Appointments appointments();

  GrantReceipts grantReceipts();

  History history();

  Journal journal();
}
