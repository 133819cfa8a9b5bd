package nl.pakketten.testing;

import nl.pakketten.spi.AppointmentTypes;
import nl.pakketten.spi.ExpiryNotices;
import nl.pakketten.spi.Appointments;
import nl.pakketten.spi.GrantReceipts;
import nl.pakketten.spi.History;
import nl.pakketten.spi.Invoices;
import nl.pakketten.spi.Journal;
import nl.pakketten.spi.MailTemplates;
import nl.pakketten.spi.Outbox;
import nl.pakketten.spi.Packages;
import nl.pakketten.spi.PracticeProfiles;
import nl.pakketten.spi.Products;
import nl.pakketten.spi.Refunds;
import nl.pakketten.spi.Reversals;
import nl.pakketten.spi.Storage;
import nl.pakketten.spi.Transactions;
import nl.pakketten.spi.Transfers;
import nl.pakketten.spi.Wallets;

/** A storage that hands every port to another; a test overrides the ports it changes. */
public abstract class ForwardingStorage implements Storage {
  /** The storage every port is taken from. */
  protected final Storage storage;

  /**
   * Forwards to {@code storage}.
   *
   * @param storage the storage every port is taken from
   */
  protected ForwardingStorage(Storage storage) {
    this.storage = storage;
  }

  @Override
  public Transactions transactions() {
    return storage.transactions();
  }

  @Override
  public Packages packages() {
    return storage.packages();
  }

  @Override
  public Products products() {
    return storage.products();
  }

  @Override
  public AppointmentTypes appointmentTypes() {
    return storage.appointmentTypes();
  }

  @Override
  public Wallets wallets() {
    return storage.wallets();
  }

  @Override
  public Appointments appointments() {
    return storage.appointments();
  }

  @Override
  public GrantReceipts grantReceipts() {
    return storage.grantReceipts();
  }

  @Override
  public History history() {
    return storage.history();
  }

  @Override
  public Journal journal() {
    return storage.journal();
  }

  @Override
  public PracticeProfiles practiceProfiles() {
    return storage.practiceProfiles();
  }

  @Override
  public Invoices invoices() {
    return storage.invoices();
  }

  @Override
  public MailTemplates mailTemplates() {
    return storage.mailTemplates();
  }

  @Override
  public Outbox outbox() {
    return storage.outbox();
  }

  @Override
  public Reversals reversals() {
    return storage.reversals();
  }

  @Override
  public Transfers transfers() {
    return storage.transfers();
  }

  @Override
  public Refunds refunds() {
    return storage.refunds();
  }

  @Override
  public ExpiryNotices expiryNotices() {
    return storage.expiryNotices();
  }
}
