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

  /**
   * The practices' profiles.
   *
   * @return the port
   */
  PracticeProfiles practiceProfiles();

  /**
   * The product invoices and their number series.
   *
   * @return the port
   */
  Invoices invoices();

  /**
   * The practices' e-mail templates.
   *
   * @return the port
   */
  MailTemplates mailTemplates();
}
