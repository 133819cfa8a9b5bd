package nl.pakketten.spi;


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
