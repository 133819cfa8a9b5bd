package nl.pakketten.spi;


/**
 * Every port an adapter provides, over one store: {@code InMemoryStorage} in the core, {@code
 * JdbcStorage} in the JDBC adapter. Repository calls made inside {@link #transactions()} take part
 * in that transaction.
 */
public interface Storage {
  /** {@return the transaction boundary the other ports take part in} */
  Transactions transactions();

  /** {@return the packages of each practice} */
  Packages packages();

  /** {@return the products of each practice} */
  Products products();

  /** {@return the appointment types of each practice} */
  AppointmentTypes appointmentTypes();

  /** {@return the wallets and their lots} */
  Wallets wallets();

  /** {@return the appointments the SDK has seen} */
  Appointments appointments();

  /** {@return the idempotency records of payments and imports} */
  GrantReceipts grantReceipts();

  /** {@return the reversed payments} */
  Reversals reversals();

  /** {@return the transfers of credits between patients} */
  Transfers transfers();
  /**
   * The refunds of credits, the idempotency records of {@code RefundCredits}.
   *
   * @return the port
   */
  Refunds refunds();

  /**
   * The notices of credits expiring soon, one per lot and day.
   *
   * @return the port
   */
  ExpiryNotices expiryNotices();

  /** {@return the append-only history of credit movements} */
  History history();

  /** {@return the append-only journal} */
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

  /**
   * The outbox of mails and events.
   *
   * @return the port
   */
  Outbox outbox();
}
