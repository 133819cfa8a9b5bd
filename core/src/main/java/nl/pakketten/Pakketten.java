package nl.pakketten;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import nl.pakketten.access.AccessDeniedException;
import nl.pakketten.access.AccessPolicy;
import nl.pakketten.access.Action;
import nl.pakketten.appointments.Appointment;
import nl.pakketten.appointments.CancelAppointment;
import nl.pakketten.appointments.CancelResult;
import nl.pakketten.appointments.ChangeAppointmentType;
import nl.pakketten.appointments.InsufficientCreditsException;
import nl.pakketten.appointments.LateCancellationPolicy;
import nl.pakketten.appointments.MarkNoShow;
import nl.pakketten.appointments.NoShowPolicy;
import nl.pakketten.appointments.NoShowResult;
import nl.pakketten.appointments.ScheduleAppointment;
import nl.pakketten.appointments.ScheduleResult;
import nl.pakketten.appointments.ShortfallPolicy;
import nl.pakketten.catalog.AppointmentType;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.catalog.CreatePackage;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.DeactivatePackage;
import nl.pakketten.catalog.DeletePackage;
import nl.pakketten.catalog.LedgerAccount;
import nl.pakketten.catalog.PackageDeactivatedException;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.catalog.PackageInUseException;
import nl.pakketten.catalog.Product;
import nl.pakketten.catalog.ProductCode;
import nl.pakketten.catalog.ReactivatePackage;
import nl.pakketten.catalog.SaveAppointmentType;
import nl.pakketten.catalog.SaveProduct;
import nl.pakketten.catalog.UpdatePackage;
import nl.pakketten.common.Actor;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.ConflictException;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.NotFoundException;
import nl.pakketten.common.Page;
import nl.pakketten.common.PageRequest;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.granting.ImportCredits;
import nl.pakketten.granting.ImportResult;
import nl.pakketten.granting.PaymentResult;
import nl.pakketten.granting.RegisterPayment;
import nl.pakketten.internal.CommandLog;
import nl.pakketten.internal.CommandValidator;
import nl.pakketten.internal.ObserverChain;
import nl.pakketten.internal.StorableClock;
import nl.pakketten.internal.TransactionRunner;
import nl.pakketten.internal.outbox.EventRelay;
import nl.pakketten.internal.outbox.OutboxDispatch;
import nl.pakketten.internal.usecase.AppointmentReads;
import nl.pakketten.internal.usecase.Bookings;
import nl.pakketten.internal.usecase.CancelAppointmentHandler;
import nl.pakketten.internal.usecase.CancelInvoiceHandler;
import nl.pakketten.internal.usecase.CatalogReads;
import nl.pakketten.internal.usecase.ChangeAppointmentTypeHandler;
import nl.pakketten.internal.usecase.CreateInvoiceHandler;
import nl.pakketten.internal.usecase.CreatePackageHandler;
import nl.pakketten.internal.usecase.DeactivatePackageHandler;
import nl.pakketten.internal.usecase.DeletePackageHandler;
import nl.pakketten.internal.usecase.ExpireCreditsHandler;
import nl.pakketten.internal.usecase.ImportCreditsHandler;
import nl.pakketten.internal.usecase.ReversePaymentHandler;
import nl.pakketten.internal.usecase.TransferCreditsHandler;
import nl.pakketten.granting.ReversalPolicy;
import nl.pakketten.granting.ReversalResult;
import nl.pakketten.granting.ReversePayment;
import nl.pakketten.wallet.NotEnoughCreditsException;
import nl.pakketten.wallet.TransferCredits;
import nl.pakketten.wallet.TransferResult;
import nl.pakketten.internal.usecase.NotifyExpiringCreditsHandler;
import nl.pakketten.internal.usecase.RefundCreditsHandler;
import nl.pakketten.internal.usecase.InvoicingReads;
import nl.pakketten.internal.usecase.IssueInvoiceHandler;
import nl.pakketten.internal.usecase.LowBalanceThresholds;
import nl.pakketten.internal.usecase.MarkNoShowHandler;
import nl.pakketten.internal.usecase.OutboxReads;
import nl.pakketten.internal.usecase.ReactivatePackageHandler;
import nl.pakketten.internal.usecase.RegisterInvoicePaymentHandler;
import nl.pakketten.internal.usecase.RegisterPaymentHandler;
import nl.pakketten.internal.usecase.ReadJournalHandler;
import nl.pakketten.internal.usecase.ResendMessageHandler;
import nl.pakketten.internal.usecase.RevenueReads;
import nl.pakketten.internal.usecase.SaveAppointmentTypeHandler;
import nl.pakketten.internal.usecase.SaveMailTemplateHandler;
import nl.pakketten.internal.usecase.SavePracticeProfileHandler;
import nl.pakketten.internal.usecase.SaveProductHandler;
import nl.pakketten.internal.usecase.ScheduleAppointmentHandler;
import nl.pakketten.internal.usecase.SendInvoiceHandler;
import nl.pakketten.internal.usecase.UpdatePackageHandler;
import nl.pakketten.internal.usecase.PatientReads;
import nl.pakketten.internal.usecase.WalletReads;
import nl.pakketten.internal.usecase.WritePath;
import nl.pakketten.invoicing.DocumentKind;
import nl.pakketten.invoicing.InvoiceNumbers;
import nl.pakketten.invoicing.MailTemplate;
import nl.pakketten.invoicing.PracticeProfile;
import nl.pakketten.invoicing.SaveMailTemplate;
import nl.pakketten.invoicing.SavePracticeProfile;
import nl.pakketten.outbox.DispatchResult;
import nl.pakketten.outbox.OutboxDispatcher;
import nl.pakketten.outbox.OutboxMessage;
import nl.pakketten.outbox.OutboxSettings;
import nl.pakketten.outbox.OutboxState;
import nl.pakketten.outbox.ResendMessage;
import nl.pakketten.revenue.Bookkeeping;
import nl.pakketten.revenue.JournalEntry;
import nl.pakketten.revenue.JournalPeriod;
import nl.pakketten.revenue.LiabilityRollForward;
import nl.pakketten.revenue.RevenueReport;
import nl.pakketten.sale.CancelInvoice;
import nl.pakketten.sale.CreateInvoice;
import nl.pakketten.sale.InvoiceAnswer;
import nl.pakketten.sale.InvoicePaymentResult;
import nl.pakketten.sale.IssueInvoice;
import nl.pakketten.sale.ProductInvoice;
import nl.pakketten.sale.RegisterInvoicePayment;
import nl.pakketten.sale.SendInvoice;
import nl.pakketten.spi.CommandObserver;
import nl.pakketten.spi.DocumentServices;
import nl.pakketten.spi.EventPublisher;
import nl.pakketten.spi.PatientDirectory;
import nl.pakketten.spi.Storage;
import nl.pakketten.spi.TransientException;
import nl.pakketten.storage.OutcomeUnknownException;
import nl.pakketten.storage.TransactionFailedException;
import nl.pakketten.wallet.ExpireCredits;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.Movement;
import nl.pakketten.wallet.OutstandingLot;
import nl.pakketten.wallet.PatientCredits;
import nl.pakketten.wallet.PatientStatement;
import nl.pakketten.wallet.NotifyExpiringCredits;
import nl.pakketten.wallet.SpendingOrder;
import nl.pakketten.wallet.RefundCredits;
import nl.pakketten.wallet.RefundResult;
import nl.pakketten.wallet.Wallet;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * The SDK's entry point: build it once over a {@link Storage} and call every command and read on
 * it. Thread-safe.
 *
 * <pre>{@code
 * Pakketten pakketten = Pakketten.builder()
 *     .storage(InMemoryStorage.create())
 *     .eventPublisher(event -> log.info("{}", event))
 *     .build();
 * }</pre>
 *
 * <p>The methods are grouped by the part of the domain they belong to: the catalog (packages,
 * products, appointment types), granting, appointments (spending credits), wallets and revenue.
 *
 * <p><b>Commands</b> take one immutable command object. Each is validated (every invalid field is
 * named in one {@link InvalidInputException}), then checked against the {@link AccessPolicy}, then
 * carried out in one transaction, retried on transient conflicts; its events reach the {@link
 * EventPublisher} after the commit. Commands that create something are idempotent on their id: a
 * repeat with the same content answers as the first call did (marked a replay where the answer has
 * {@code replay()}), a repeat with other content is a {@link ConflictException}. A command that
 * throws has changed nothing, except for {@link OutcomeUnknownException}, which says it may have
 * been stored.
 *
 * <p><b>Reads</b> take no actor: the host decides who may see what. Each runs in one read-only
 * transaction. The one exception is {@link #readJournal}, the whole journal of a period for an
 * export: it names its actor, who needs {@link Action#EXPORT_JOURNAL}.
 */
public final class Pakketten {
  private final CreatePackageHandler createPackage;
  private final UpdatePackageHandler updatePackage;
  private final DeactivatePackageHandler deactivatePackage;
  private final ReactivatePackageHandler reactivatePackage;
  private final DeletePackageHandler deletePackage;
  private final SaveProductHandler saveProduct;
  private final SaveAppointmentTypeHandler saveAppointmentType;
  private final CatalogReads catalogReads;
  private final RegisterPaymentHandler registerPayment;
  private final ImportCreditsHandler importCredits;
  private final ReversePaymentHandler reversePayment;
  private final TransferCreditsHandler transferCredits;
  private final ScheduleAppointmentHandler schedule;
  private final CancelAppointmentHandler cancel;
  private final MarkNoShowHandler markNoShow;
  private final ChangeAppointmentTypeHandler changeAppointmentType;
  private final AppointmentReads appointmentReads;
  private final ExpireCreditsHandler expireCredits;
  private final RefundCreditsHandler refundCredits;
  private final NotifyExpiringCreditsHandler notifyExpiringCredits;
  private final WalletReads walletReads;
  private final PatientReads patientReads;
  private final RevenueReads revenueReads;
  private final ReadJournalHandler readJournal;
  private final SavePracticeProfileHandler savePracticeProfile;
  private final SaveMailTemplateHandler saveMailTemplate;
  private final CreateInvoiceHandler createInvoice;
  private final IssueInvoiceHandler issueInvoice;
  private final SendInvoiceHandler sendInvoice;
  private final RegisterInvoicePaymentHandler registerInvoicePayment;
  private final CancelInvoiceHandler cancelInvoice;
  private final InvoicingReads invoicingReads;
  private final OutboxDispatch outboxDispatch;
  private final ResendMessageHandler resendMessage;
  private final OutboxReads outboxReads;

  private Pakketten(Builder b) {
    Storage s = b.storage;
    Clock clock = StorableClock.of(b.clock);
    EventRelay relay = new EventRelay(s.transactions(), s.outbox(), b.publisher, clock, b.outboxSettings);
    TransactionRunner tx = new TransactionRunner(s.transactions(), relay, b.maxAttempts,
        ObserverChain.of(new CommandLog(), b.observer));
    WritePath writes = new WritePath(b.access, tx, new CommandValidator());
    Bookings bookings = new Bookings(s.history(), s.journal(), b.bookkeeping, clock);

    this.createPackage = new CreatePackageHandler(s.packages(), writes, clock);
    this.updatePackage = new UpdatePackageHandler(s.packages(), writes, clock);
    this.deactivatePackage = new DeactivatePackageHandler(s.packages(), writes, clock);
    this.reactivatePackage = new ReactivatePackageHandler(s.packages(), writes, clock);
    this.deletePackage = new DeletePackageHandler(s.packages(), s.products(), s.appointmentTypes(),
        s.wallets(), writes, clock);
    this.saveProduct = new SaveProductHandler(s.packages(), s.products(), writes, clock);
    this.saveAppointmentType = new SaveAppointmentTypeHandler(s.packages(), s.appointmentTypes(), writes, clock);
    this.catalogReads = new CatalogReads(s.packages(), s.products(), s.appointmentTypes(), tx);

    this.registerPayment = new RegisterPaymentHandler(s.packages(), s.products(), s.wallets(), s.grantReceipts(),
        bookings, b.bookkeeping, writes);
    this.importCredits = new ImportCreditsHandler(s.packages(), s.wallets(), s.grantReceipts(), bookings,
        b.bookkeeping, writes);
    this.reversePayment = new ReversePaymentHandler(s.grantReceipts(), s.wallets(), s.reversals(), bookings,
        b.reversal, writes);
    this.transferCredits = new TransferCreditsHandler(s.wallets(), s.transfers(), bookings, writes);

    // Without a publisher nobody hears CreditsLow, so a spend does not read its package for it.
    LowBalanceThresholds thresholds = new LowBalanceThresholds(s.packages(), b.publisher != EventPublisher.none());
    this.schedule = new ScheduleAppointmentHandler(s.appointmentTypes(), s.wallets(), s.appointments(), bookings,
        writes, b.shortfall, b.order, thresholds);
    this.cancel = new CancelAppointmentHandler(s.wallets(), s.appointments(), bookings, writes, b.lateCancellation);
    this.markNoShow = new MarkNoShowHandler(s.wallets(), s.appointments(), bookings, writes, b.noShow);
    this.changeAppointmentType = new ChangeAppointmentTypeHandler(s.appointmentTypes(), s.wallets(),
        s.appointments(), bookings, writes, b.shortfall, b.order, thresholds);
    this.appointmentReads = new AppointmentReads(s.appointments(), tx);

    this.expireCredits = new ExpireCreditsHandler(s.packages(), s.wallets(), bookings, writes, tx);
    this.refundCredits = new RefundCreditsHandler(s.packages(), s.wallets(),
        s.refunds(), s.invoices(), s.practiceProfiles(), bookings, writes, b.order);
    this.notifyExpiringCredits = new NotifyExpiringCreditsHandler(s.wallets(),
        s.expiryNotices(), bookings, writes, tx);
    this.walletReads = new WalletReads(s.wallets(), s.history(), tx, clock);
    this.patientReads = new PatientReads(s.wallets(), s.history(), tx, clock);

    this.revenueReads = new RevenueReads(s.journal(), tx);
    this.readJournal = new ReadJournalHandler(s.journal(), b.access, tx, clock);

    this.savePracticeProfile = new SavePracticeProfileHandler(s.practiceProfiles(), b.documents, writes);
    this.saveMailTemplate = new SaveMailTemplateHandler(s.mailTemplates(), b.documents, writes);
    this.createInvoice = new CreateInvoiceHandler(s.packages(), s.products(), s.invoices(), writes, clock);
    this.issueInvoice = new IssueInvoiceHandler(s.invoices(), s.practiceProfiles(), b.patients, writes, clock);
    this.sendInvoice = new SendInvoiceHandler(s.invoices(), s.mailTemplates(), s.outbox(), b.documents, tx, writes,
        clock);
    this.registerInvoicePayment = new RegisterInvoicePaymentHandler(s.invoices(), registerPayment, writes, clock);
    this.cancelInvoice = new CancelInvoiceHandler(s.invoices(), s.practiceProfiles(), writes, clock);
    this.invoicingReads = new InvoicingReads(s.practiceProfiles(), s.invoices(), s.mailTemplates(), b.documents, tx);

    this.outboxDispatch = new OutboxDispatch(s.transactions(), s.outbox(), b.publisher, b.documents, clock,
        b.outboxSettings);
    this.resendMessage = new ResendMessageHandler(s.outbox(), writes, clock);
    this.outboxReads = new OutboxReads(s.outbox(), tx, s.transactions());
  }

  /**
   * Starts building; only {@link Builder#storage} is required.
   *
   * @return a new builder with the default clock, policies and accounts
   */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------------------------------------
  // Catalog: packages, products and appointment types

  /**
   * Creates a package of credits. Its name must be free in the practice. The package id may be
   * given (then a retry with the same content answers with the stored package and changes nothing)
   * or left out (then the SDK chooses one).
   *
   * @param command the practice, actor, optional id, name, internal rate per credit and optional
   *     accounts
   * @return the package as stored
   * @throws InvalidInputException if a field is missing or invalid (a negative rate included)
   * @throws AccessDeniedException if the actor may not manage packages
   * @throws ConflictException if another package has the name, or the id exists with other content
   * @throws TransactionFailedException if transient conflicts outlasted the retries; nothing was stored
   * @throws OutcomeUnknownException if the connection was lost before the commit was confirmed; run
   *     the same command again
   */
  public CreditPackage createPackage(CreatePackage command) {
    return createPackage.handle(command);
  }

  /**
   * Replaces a package's name, internal rate and accounts. Lots already granted keep the rate and
   * accounts they were granted with. The rate must stay in the package's currency.
   *
   * @param command the practice, actor, package id and the new name, rate and accounts
   * @return the package as stored after the change
   * @throws InvalidInputException if a field is missing or invalid, or the rate changes currency
   * @throws AccessDeniedException if the actor may not manage packages
   * @throws NotFoundException if the practice has no such package
   * @throws ConflictException if another package has the name
   * @throws TransactionFailedException if transient conflicts outlasted the retries; nothing was stored
   * @throws OutcomeUnknownException if the connection was lost before the commit was confirmed; run
   *     the same command again
   */
  public CreditPackage updatePackage(UpdatePackage command) {
    return updatePackage.handle(command);
  }

  /**
   * Stops a package from granting new credits (by payment or import); credits already granted can
   * still be spent. Deactivating a deactivated package changes nothing.
   *
   * @param command the practice, actor and package id
   * @return the package as stored
   * @throws InvalidInputException if a field is missing
   * @throws AccessDeniedException if the actor may not manage packages
   * @throws NotFoundException if the practice has no such package
   * @throws TransactionFailedException if transient conflicts outlasted the retries; nothing was stored
   * @throws OutcomeUnknownException if the connection was lost before the commit was confirmed; run
   *     the same command again
   */
  public CreditPackage deactivatePackage(DeactivatePackage command) {
    return deactivatePackage.handle(command);
  }

  /**
   * Lets a deactivated package grant credits again. Reactivating an active package changes nothing.
   *
   * @param command the practice, actor and package id
   * @return the package as stored
   * @throws InvalidInputException if a field is missing
   * @throws AccessDeniedException if the actor may not manage packages
   * @throws NotFoundException if the practice has no such package
   * @throws TransactionFailedException if transient conflicts outlasted the retries; nothing was stored
   * @throws OutcomeUnknownException if the connection was lost before the commit was confirmed; run
   *     the same command again
   */
  public CreditPackage reactivatePackage(ReactivatePackage command) {
    return reactivatePackage.handle(command);
  }

  /**
   * Deletes a package that nothing refers to: no product, no appointment type and no lot of
   * credits. Not idempotent: deleting it again finds no package.
   *
   * @param command the practice, actor and package id
   * @throws InvalidInputException if a field is missing
   * @throws AccessDeniedException if the actor may not manage packages
   * @throws NotFoundException if the practice has no such package
   * @throws PackageInUseException naming every product, appointment type and lot count that refers
   *     to the package
   * @throws TransactionFailedException if transient conflicts outlasted the retries; nothing was stored
   * @throws OutcomeUnknownException at once if the connection was lost before the commit was
   *     confirmed: look the package up to learn whether it was deleted
   */
  public void deletePackage(DeletePackage command) {
    deletePackage.handle(command);
  }

  /**
   * Creates or replaces a product (what an invoice line sells) and its link: a linked product grants
   * credits of its package when an invoice with it is paid. Events tell the product before and after.
   *
   * @param command the practice, actor, product code, name, unit price and optional link (package and
   *     credits per unit)
   * @return the product as stored
   * @throws InvalidInputException if a field is missing or invalid (a negative price included), or
   *     the price is not in the linked package's currency
   * @throws AccessDeniedException if the actor may not link products
   * @throws NotFoundException if the linked package does not exist in the practice
   * @throws TransactionFailedException if transient conflicts outlasted the retries; nothing was stored
   * @throws OutcomeUnknownException if the connection was lost before the commit was confirmed; run
   *     the same command again
   */
  public Product saveProduct(SaveProduct command) {
    return saveProduct.handle(command);
  }

  /**
   * Creates or replaces an appointment type and its link: scheduling an appointment of a linked
   * type takes the link's credits from the patient's lots of its package.
   *
   * @param command the practice, actor, type id, name and optional link (package and credits per
   *     appointment)
   * @return the appointment type as stored
   * @throws InvalidInputException if a field is missing or invalid
   * @throws AccessDeniedException if the actor may not link appointment types
   * @throws NotFoundException if the linked package does not exist in the practice
   * @throws TransactionFailedException if transient conflicts outlasted the retries; nothing was stored
   * @throws OutcomeUnknownException if the connection was lost before the commit was confirmed; run
   *     the same command again
   */
  public AppointmentType saveAppointmentType(SaveAppointmentType command) {
    return saveAppointmentType.handle(command);
  }

  /**
   * The package, if it exists in the practice.
   *
   * @param practice the practice
   * @param id the package id
   * @return the package, or empty
   * @throws TransactionFailedException if transient conflicts outlasted the retries
   */
  public Optional<CreditPackage> findPackage(PracticeId practice, PackageId id) {
    return catalogReads.findPackage(practice, id);
  }

  /**
   * All packages of the practice, active or not, ordered by name.
   *
   * @param practice the practice
   * @return the packages; empty if there are none
   * @throws TransactionFailedException if transient conflicts outlasted the retries
   */
  public List<CreditPackage> packages(PracticeId practice) {
    return catalogReads.packages(practice);
  }

  /**
   * The product, with its link if it has one, if it exists in the practice.
   *
   * @param practice the practice
   * @param code the product code
   * @return the product, or empty
   * @throws TransactionFailedException if transient conflicts outlasted the retries
   */
  public Optional<Product> findProduct(PracticeId practice, ProductCode code) {
    return catalogReads.findProduct(practice, code);
  }

  /**
   * The appointment type, with its link if it has one, if it exists in the practice.
   *
   * @param practice the practice
   * @param id the appointment type id
   * @return the appointment type, or empty
   * @throws TransactionFailedException if transient conflicts outlasted the retries
   */
  public Optional<AppointmentType> findAppointmentType(PracticeId practice, AppointmentTypeId id) {
    return catalogReads.findAppointmentType(practice, id);
  }

  // ---------------------------------------------------------------------------------------------
  // Granting: credits arrive

  /**
   * Grants the credits a paid product invoice bought: one lot per line of a linked product, of
   * quantity × credits-per-unit credits, worth the line's amount (deferred revenue until spent).
   * Lines of unlinked products are ignored. An unknown product or a deactivated package fails the
   * whole call. Idempotent on the invoice id: a repeat answers {@link PaymentResult.AlreadyGranted}
   * with the same lots.
   *
   * @param command the practice, actor, invoice id, patient and invoice lines
   * @return {@link PaymentResult.Granted} with the lots granted, or {@link
   *     PaymentResult.AlreadyGranted} for a repeat
   * @throws InvalidInputException if a field is missing or invalid (a negative amount, an amount in
   *     another currency than its package's, a quantity that makes too many credits)
   * @throws AccessDeniedException if the actor may not register payments
   * @throws NotFoundException if a product, or the package a product links to, does not exist
   * @throws PackageDeactivatedException if a line's package is deactivated
   * @throws ConflictException if the invoice id was registered with other content
   * @throws TransactionFailedException if transient conflicts outlasted the retries; nothing was stored
   * @throws OutcomeUnknownException if the connection was lost before the commit was confirmed; run
   *     the same command again
   */
  public PaymentResult registerPayment(RegisterPayment command) {
    return registerPayment.handle(command);
  }

  /**
   * Imports credits by hand (for example from an earlier system) into one new lot worth credits ×
   * the given internal rate, optionally expiring after a day. Idempotent on the import id: a repeat
   * answers {@link ImportResult.AlreadyImported} with the same lot.
   *
   * @param command the practice, actor, import id, patient, package, credits, internal rate, reason
   *     and optional expiry day
   * @return {@link ImportResult.Imported} with the lot, or {@link ImportResult.AlreadyImported} for a
   *     repeat
   * @throws InvalidInputException if a field is missing or invalid (a negative rate, a rate in
   *     another currency than the package's)
   * @throws AccessDeniedException if the actor may not import credits
   * @throws NotFoundException if the package does not exist in the practice
   * @throws PackageDeactivatedException if the package is deactivated
   * @throws ConflictException if the import id was used with other content
   * @throws TransactionFailedException if transient conflicts outlasted the retries; nothing was stored
   * @throws OutcomeUnknownException if the connection was lost before the commit was confirmed; run
   *     the same command again
   */
  public ImportResult importCredits(ImportCredits command) {
    return importCredits.handle(command);
  }

  /**
   * Reverses a registered payment (a bounced direct debit, a charge-back): the unspent credits of
   * the lots that payment granted are revoked ({@link nl.pakketten.wallet.MovementKind#REVERSED}),
   * their value moved back from deferred revenue to payments clearing. For credits already used the
   * builder's {@link ReversalPolicy} decides: keep them and book what they were worth as a
   * receivable from the patient (the default), or refuse. A repeat with the same reversal id
   * answers as the first call did, marked {@link ReversalResult#replay()}.
   *
   * @param command the payment and the host's reversal id
   * @return what was revoked and what is receivable
   * @throws InvalidInputException if a field is missing or invalid, or the payment granted credits
   *     to another patient
   * @throws AccessDeniedException if the actor may not reverse payments
   * @throws NotFoundException if no payment of that invoice granted credits in the practice
   * @throws ConflictException if the payment was already reversed under another reversal id, the
   *     reversal id was used for another payment, or the policy refused because credits were used
   * @throws TransactionFailedException if transient conflicts outlasted the retries; nothing was stored
   * @throws OutcomeUnknownException if the connection was lost before the commit was confirmed; run
   *     the same command again
   */
  public ReversalResult reversePayment(ReversePayment command) {
    return reversePayment.handle(command);
  }

  /**
   * Moves credits of a lot to another patient of the same practice (household sharing): the
   * receiver gets a new lot with the origin's rate, value per credit, last day and accounts,
   * linked to its origin; the value moves with the credits to the cent. A repeat with the same
   * transfer id answers as the first call did, marked {@link TransferResult#replay()}.
   *
   * @param command the giver, the lot, the credits and the receiver
   * @return what moved, and the receiver's new lot
   * @throws InvalidInputException if a field is missing or invalid, or {@code to} is the giver
   * @throws AccessDeniedException if the actor may not transfer credits
   * @throws NotFoundException if the lot is not the giver's in the practice
   * @throws NotEnoughCreditsException if the lot has fewer credits remaining than asked
   * @throws ConflictException if the transfer id was used with other content, or the lot expired
   * @throws TransactionFailedException if transient conflicts outlasted the retries; nothing was stored
   * @throws OutcomeUnknownException if the connection was lost before the commit was confirmed; run
   *     the same command again
   */
  public TransferResult transferCredits(TransferCredits command) {
    return transferCredits.handle(command);
  }

  // ---------------------------------------------------------------------------------------------
  // Appointments: spending credits and giving them back

  /**
   * Records a scheduled appointment. If its type is linked to a package, takes the type's credits
   * from the patient's lots of that package in the builder's {@link SpendingOrder} (earliest expiry,
   * then oldest, by default; expired lots are skipped). With too few credits the {@link
   * ShortfallPolicy} decides: reject (the default) or record the appointment uncovered. A repeat
   * answers as the first call did, whatever happened to the appointment since (a type change, a
   * cancellation), marked {@link ScheduleResult#replay()}.
   *
   * @param command the practice, actor, appointment id, patient, appointment type and start
   * @return {@link ScheduleResult.Covered} with the lots the credits came from, {@link
   *     ScheduleResult.NotCovered} for an unlinked type, or {@link ScheduleResult.Uncovered}
   * @throws InvalidInputException if a field is missing or invalid
   * @throws AccessDeniedException if the actor may not schedule appointments
   * @throws NotFoundException if the appointment type does not exist in the practice
   * @throws InsufficientCreditsException if the patient has too few credits and the shortfall policy
   *     rejects
   * @throws ConflictException if the appointment id was scheduled with another patient, type or start
   * @throws TransactionFailedException if transient conflicts outlasted the retries; nothing was stored
   * @throws OutcomeUnknownException if the connection was lost before the commit was confirmed; run
   *     the same command again
   */
  public ScheduleResult schedule(ScheduleAppointment command) {
    return schedule.handle(command);
  }

  /**
   * Cancels an appointment: its credits go back to exactly the lots they came from, unless the
   * {@link LateCancellationPolicy} decides to keep them (recorded as forfeited). Cancelling it again
   * answers as the first cancellation, marked {@link CancelResult#replay()}.
   *
   * @param command the practice, actor, appointment id and optional reason for the history
   * @return what happened to the credits: given back, forfeited, or nothing to give back
   * @throws InvalidInputException if a field is missing or invalid
   * @throws AccessDeniedException if the actor may not schedule appointments
   * @throws NotFoundException if the appointment does not exist in the practice
   * @throws ConflictException if the appointment was marked a no-show
   * @throws TransactionFailedException if transient conflicts outlasted the retries; nothing was stored
   * @throws OutcomeUnknownException if the connection was lost before the commit was confirmed; run
   *     the same command again
   */
  public CancelResult cancel(CancelAppointment command) {
    return cancel.handle(command);
  }

  /**
   * Marks a scheduled appointment a no-show: the patient did not come. The {@link NoShowPolicy}
   * decides whether its credits stay spent (recorded as forfeited; the default) or go back to
   * exactly the lots they came from. Marking it again answers as the first call, marked {@link
   * NoShowResult#replay()}.
   *
   * @param command the practice, actor, appointment id and optional reason for the history
   * @return what happened to the credits: forfeited, given back, or nothing to give back
   * @throws InvalidInputException if a field is missing or invalid
   * @throws AccessDeniedException if the actor may not schedule appointments
   * @throws NotFoundException if the appointment does not exist in the practice
   * @throws ConflictException if the appointment was cancelled
   * @throws TransactionFailedException if transient conflicts outlasted the retries; nothing was stored
   * @throws OutcomeUnknownException if the connection was lost before the commit was confirmed; run
   *     the same command again
   */
  public NoShowResult markNoShow(MarkNoShow command) {
    return markNoShow.handle(command);
  }

  /**
   * Gives a scheduled appointment another type and re-evaluates its credits in one step: the old
   * credits go back to their lots, the new type's are taken as in {@link #schedule}. Setting the type
   * it already has is a repeat of the call that gave it that type (the schedule or the last change):
   * it changes nothing and answers as that call did, marked {@link ScheduleResult#replay()}, also
   * after a cancellation. A change is keyed by the type it sets, so after A→B→A a change to B again
   * is a real change.
   *
   * @param command the practice, actor, appointment id and new appointment type
   * @return the appointment's coverage under the new type
   * @throws InvalidInputException if a field is missing or invalid
   * @throws AccessDeniedException if the actor may not schedule appointments
   * @throws NotFoundException if the appointment or the new type does not exist in the practice
   * @throws InsufficientCreditsException if the patient has too few credits for the new type and the
   *     shortfall policy rejects
   * @throws ConflictException if the appointment was cancelled or marked a no-show (and the type
   *     differs)
   * @throws TransactionFailedException if transient conflicts outlasted the retries; nothing was stored
   * @throws OutcomeUnknownException if the connection was lost before the commit was confirmed; run
   *     the same command again
   */
  public ScheduleResult changeAppointmentType(ChangeAppointmentType command) {
    return changeAppointmentType.handle(command);
  }

  /**
   * The appointment as the SDK recorded it: its status, coverage and the lots its credits came from.
   *
   * @param practice the practice
   * @param id the appointment id
   * @return the appointment, or empty if it was never scheduled in the practice
   * @throws TransactionFailedException if transient conflicts outlasted the retries
   */
  public Optional<Appointment> findAppointment(PracticeId practice, AppointmentId id) {
    return appointmentReads.findAppointment(practice, id);
  }

  // ---------------------------------------------------------------------------------------------
  // Wallets: balances, lots, history and expiry

  /**
   * Books the expiry of credits in every lot of the practice whose last day is before the command's
   * day: the remaining credits leave the balance and what was left of the lot's deferred value is
   * recognised as revenue. Safe to run as often as wanted (for example nightly); each wallet is
   * expired in a transaction of its own, so a rerun finishes whatever a failure left.
   *
   * @param command the practice, actor and day (not after today by the SDK's clock)
   * @return the number of credits expired by this call
   * @throws InvalidInputException if a field is missing or the day is after today
   * @throws AccessDeniedException if the actor may not expire credits
   * @throws TransactionFailedException if transient conflicts outlasted the retries; wallets expired
   *     before it stay expired, and a rerun expires the rest
   * @throws OutcomeUnknownException if the connection was lost before a commit was confirmed; run the
   *     same command again
   */
  public int expireCredits(ExpireCredits command) {
    return expireCredits.handle(command);
  }

  /**
   * Refunds unused credits of a patient's package, from one lot or from the wallet's spendable lots
   * in the spending order. Their remaining deferred value (credits × rate, the last credit of a lot
   * taking what is left of its value) is debited to the lot's balance-sheet item; the amount paid
   * back (default: that value) is credited to refunds payable, any difference to the package's
   * breakage account (or the lot's revenue account). The value leaves each lot as its value out
   * ({@code Lot.valueOut()}), recognising no revenue, as a reversal or a transfer does. Each lot gets
   * a movement {@code REFUNDED} (of zero revenue) and a {@code CreditsRefunded} event. Idempotent on
   * the refund id.
   *
   * <p>Lots granted by an invoice the SDK made get a credit note per invoice in the same
   * transaction ({@link RefundResult#creditNotes()}, {@link #creditNotes}): its own number from the
   * practice's series, a line per lot with the lot's part of the amount excluding VAT (the VAT of
   * the invoice line's rate added on the document), and an {@code InvoiceEvents.RefundCreditNoteIssued}
   * event. It is mailed by {@link #sendInvoice} naming it. A replay answers with the same credit
   * notes; a refused refund takes no number.
   *
   * @param command the refund
   * @return {@link RefundResult.Refunded}, or {@link RefundResult.AlreadyRefunded} for a repeat
   * @throws InvalidInputException if a field is missing or invalid: zero or negative credits, a
   *     negative amount, an amount in another currency or above the credits' remaining value
   * @throws AccessDeniedException if the actor may not refund credits (only the owner, by default)
   * @throws NotFoundException if the package does not exist in the practice, or (only when the
   *     refund issues a credit note) the practice has no profile
   * @throws ConflictException if fewer credits remain (in the lot, or spendable in the wallet) than
   *     asked, the named lot expired, or the refund id was used with other content
   * @throws TransactionFailedException if transient conflicts outlasted the retries; nothing was stored
   * @throws OutcomeUnknownException if the connection was lost before the commit was confirmed; run
   *     the same command again
   */
  public RefundResult refundCredits(RefundCredits command) {
    return refundCredits.handle(command);
  }

  /**
   * Raises {@code CreditEvents.CreditsExpiringSoon} for every lot with credits remaining whose last
   * day is from the command's day to that day plus {@code withinDays}, at most once per lot and
   * day (a rerun the same day raises nothing again). Typically run daily beside {@link
   * #expireCredits}; each wallet is done in a transaction of its own.
   *
   * @param command the practice, actor, how many days ahead, and the day of the run
   * @return the number of lots notified by this call
   * @throws InvalidInputException if a field is missing or out of range
   * @throws AccessDeniedException if the actor may not expire credits (only the owner, by default)
   * @throws TransactionFailedException if transient conflicts outlasted the retries; a rerun
   *     notifies the rest
   * @throws OutcomeUnknownException if the connection was lost before a commit was confirmed; run the
   *     same command again
   */
  public int notifyExpiringCredits(NotifyExpiringCredits command) {
    return notifyExpiringCredits.handle(command);
  }

  /**
   * The patient's balance for the package, read in constant time. It includes credits of lots past
   * their last day whose expiry has not been booked yet; see {@link #spendable}.
   *
   * @param practice the practice
   * @param patient the patient
   * @param packageId the package
   * @return the credits remaining; 0 if the patient has none
   * @throws TransactionFailedException if transient conflicts outlasted the retries
   */
  public int balance(PracticeId practice, PatientId patient, PackageId packageId) {
    return walletReads.balance(practice, patient, packageId);
  }

  /**
   * Credits the patient can spend on the package today (by the SDK's clock): the balance less the
   * credits of lots past their last day whose expiry has not been booked yet.
   *
   * @param practice the practice
   * @param patient the patient
   * @param packageId the package
   * @return the spendable credits; 0 if the patient has none
   * @throws TransactionFailedException if transient conflicts outlasted the retries
   */
  public int spendable(PracticeId practice, PatientId patient, PackageId packageId) {
    return walletReads.spendable(practice, patient, packageId);
  }

  /**
   * Every wallet of the patient (one per package the patient has credits of), with all its lots.
   *
   * @param practice the practice
   * @param patient the patient
   * @return the wallets; empty if the patient has none
   * @throws TransactionFailedException if transient conflicts outlasted the retries
   */
  public List<Wallet> wallets(PracticeId practice, PatientId patient) {
    return walletReads.wallets(practice, patient);
  }

  /**
   * Every lot of the patient, over all packages, used up or not.
   *
   * @param practice the practice
   * @param patient the patient
   * @return the lots; empty if the patient has none
   * @throws TransactionFailedException if transient conflicts outlasted the retries
   */
  public List<Lot> lots(PracticeId practice, PatientId patient) {
    return walletReads.lots(practice, patient);
  }

  /**
   * One page of the patient's history, oldest movement first: every grant, import, spend, give-back,
   * forfeit and expiry. Start with {@link PageRequest#first()} and follow {@link Page#next()} until it
   * is empty; each call reads one page, so memory stays bounded however long the history grows.
   *
   * @param practice the practice
   * @param patient the patient
   * @param request which page, and how large
   * @return the page, with the request for the next one if there is more
   * @throws InvalidInputException if {@code request} is missing
   * @throws TransactionFailedException if transient conflicts outlasted the retries
   */
  public Page<Movement> history(PracticeId practice, PatientId patient, PageRequest request) {
    return walletReads.history(practice, patient, request);
  }

  /**
   * One page of the outstanding credits of the practice's patients: each patient who holds open
   * lots (credits remaining), with those lots (package, lot, credits remaining, remaining deferred
   * value, last day, source) and their totals per package and overall. Ordered by patient id and
   * paged by it (keyset), like {@link #history}: start with {@link PageRequest#first()} and follow
   * {@link Page#next()}. A lot past its last day whose expiry has not been booked yet is listed,
   * flagged {@link OutstandingLot#pastLastDay()}: its value is still owed until the expiry is booked.
   * The totals of every patient add up, per package, to {@link #deferredByPackage} at the same
   * moment. See {@code docs/patient-reports.md}.
   *
   * @param practice the practice
   * @param request which page (at most {@code request.size()} patients), and how large
   * @return the page, with the request for the next one if there is more
   * @throws InvalidInputException if an argument is missing or the cursor is not one this read
   *     returned
   * @throws TransactionFailedException if transient conflicts outlasted the retries
   */
  public Page<PatientCredits> outstandingCredits(PracticeId practice, PageRequest request) {
    return patientReads.outstandingCredits(practice, Optional.empty(), request);
  }

  /**
   * As {@link #outstandingCredits(PracticeId, PageRequest)}, for the lots of one package only: the
   * patients who hold open lots of it, each with those lots.
   *
   * @param practice the practice
   * @param packageId the package
   * @param request which page, and how large
   * @return the page, with the request for the next one if there is more
   * @throws InvalidInputException if an argument is missing or the cursor is not one this read
   *     returned
   * @throws TransactionFailedException if transient conflicts outlasted the retries
   */
  public Page<PatientCredits> outstandingCredits(PracticeId practice, PackageId packageId, PageRequest request) {
    return patientReads.outstandingCredits(practice,
        packageId == null ? null : Optional.of(packageId), request); // null: refused, naming packageId
  }

  /**
   * The patient's statement of credits for the period {@code from <= at < to}: per package, the
   * opening balance at {@code from} (credits, and the deferred value of the patient's lots), one line
   * per movement of the period in booking order (date, kind, reason, credits and value in and out,
   * and the running balance after it), and the closing balance. Opening plus lines equals closing;
   * with {@code to} after the last movement, the closing credits equal {@link #balance} and the
   * closing value the lots' remaining value. The opening is summed by the storage (one aggregate
   * query on the JDBC adapter), not read from the earlier history. A patient without movements gets
   * an empty statement, not an error. A period of more than 10,000
   * movements is refused: ask for shorter periods. See {@code docs/patient-reports.md}.
   *
   * @param practice the practice
   * @param patient the patient
   * @param from the first instant of the period
   * @param to the first instant after the period, not before {@code from}
   * @return the statement; without packages when the patient has no balance and no movements
   * @throws InvalidInputException if an argument is missing, {@code to} is before {@code from}, or
   *     the period holds too many movements (naming {@code to})
   * @throws TransactionFailedException if transient conflicts outlasted the retries
   */
  public PatientStatement patientStatement(PracticeId practice, PatientId patient, Instant from, Instant to) {
    return patientReads.statement(practice, patient, from, to);
  }

  // ---------------------------------------------------------------------------------------------
  // Revenue: the journal and the bookkeeper's reports

  /**
   * One page of the journal entries booked with {@code from <= at < to}, ordered by booking time
   * (and by booking order within one instant): the export a bookkeeping system imports. Start with
   * {@link PageRequest#first()} and follow {@link Page#next()} until it is empty.
   *
   * @param practice the practice
   * @param from the first instant included
   * @param to the first instant no longer included
   * @param request which page, and how large
   * @return the page, with the request for the next one if there is more
   * @throws InvalidInputException if {@code request} is missing
   * @throws TransactionFailedException if transient conflicts outlasted the retries
   */
  public Page<JournalEntry> journal(PracticeId practice, Instant from, Instant to, PageRequest request) {
    return revenueReads.journal(practice, from, to, request);
  }

  /**
   * Opens the practice's journal with {@code from <= at < to} for one reader: the way to export a
   * period of any size (the {@code pakketten-export} module writes CSV and XAF with it). The reader
   * runs inside one read-only transaction and may go over the period more than once ({@link
   * JournalPeriod#forEach}); each pass streams the entries in booking order, never holding the
   * whole period. The read is not retried: a transient failure is thrown, after which the reader's
   * output is incomplete and the call may be made again.
   *
   * @param practice the practice
   * @param actor who reads; the access policy must permit {@link Action#EXPORT_JOURNAL} (by default
   *     the OWNER or BOOKKEEPER role)
   * @param from the first instant included
   * @param to the first instant no longer included; may equal {@code from} (an empty period)
   * @param reader reads the period; what it returns is returned
   * @param <T> what the reader returns
   * @return what the reader returned
   * @throws InvalidInputException if a parameter is missing, or {@code to} is before {@code from}
   *     (field {@code to})
   * @throws AccessDeniedException if the actor may not export the journal
   * @throws TransactionFailedException if the read failed on a transient error; call again
   */
  public <T> T readJournal(PracticeId practice, Actor actor, Instant from, Instant to,
      Function<JournalPeriod, T> reader) {
    return readJournal.handle(practice, actor, from, to, reader);
  }

  /**
   * Revenue recognised per ledger account with {@code from <= at < to}: credits minus debits of the
   * revenue lines (spends less give-backs; breakage is in {@link #revenueReport}).
   *
   * @param practice the practice
   * @param from the first instant included
   * @param to the first instant no longer included
   * @return the revenue per ledger account, by account; empty if nothing was recognised
   * @throws TransactionFailedException if transient conflicts outlasted the retries
   */
  public Map<LedgerAccount, Money> revenueByLedgerAccount(PracticeId practice, Instant from, Instant to) {
    return revenueReads.revenueByLedgerAccount(practice, from, to);
  }

  /**
   * Deferred revenue still outstanding per package at {@code asOf} (exclusive): the value of the
   * credits granted and imported before it, less what was recognised before it (spent or expired,
   * net of what was given back).
   *
   * @param practice the practice
   * @param asOf the first instant no longer counted
   * @return the outstanding deferred revenue per package, by package id; empty if nothing was granted
   * @throws TransactionFailedException if transient conflicts outlasted the retries
   */
  public Map<PackageId, Money> deferredByPackage(PracticeId practice, Instant asOf) {
    return revenueReads.deferredByPackage(practice, asOf);
  }

  /**
   * The liability roll-forward of {@code from <= at < to}: per balance-sheet item and package, and
   * in total per balance-sheet item, the prepaid money owed to patients at the start (opening), how
   * it moved (sold, imported, recognised, given back, expired, refunded, reversed, transferred in
   * and out) and what is owed at the end (closing). Opening plus the movements is closing to the
   * cent, and closing is the journal's balance of the item before {@code to} (for a package: {@link
   * #deferredByPackage deferredByPackage(practice, to)}). Amounts are credit − debit: decreases are
   * negative. Computed where the journal is kept (one grouped sum on the JDBC adapter). See {@code
   * docs/reports.md}.
   *
   * @param practice the practice
   * @param from the first instant included
   * @param to the first instant no longer included; may equal {@code from} (an empty period)
   * @return the roll-forward
   * @throws InvalidInputException if a parameter is missing, or {@code to} is before {@code from}
   *     (field {@code to})
   * @throws TransactionFailedException if transient conflicts outlasted the retries
   */
  public LiabilityRollForward liabilityRollForward(PracticeId practice, Instant from, Instant to) {
    return revenueReads.liabilityRollForward(practice, from, to);
  }

  /**
   * Revenue of {@code from <= at < to} per ledger account, extended with breakage and refunds: per
   * account, revenue earned by care (spends less give-backs, as {@link #revenueByLedgerAccount}),
   * breakage from expiries and breakage from refunds (the part of refunded credits' value not paid
   * back); per refunds-payable account, what the practice came to owe patients for refunds; and
   * totals per currency. See {@code docs/reports.md}.
   *
   * @param practice the practice
   * @param from the first instant included
   * @param to the first instant no longer included; may equal {@code from} (an empty period)
   * @return the report
   * @throws InvalidInputException if a parameter is missing, or {@code to} is before {@code from}
   *     (field {@code to})
   * @throws TransactionFailedException if transient conflicts outlasted the retries
   */
  public RevenueReport revenueReport(PracticeId practice, Instant from, Instant to) {
    return revenueReads.revenueReport(practice, from, to);
  }

  // ---------------------------------------------------------------------------------------------
  // Invoicing: the practice profile, e-mail templates and product invoices

  /**
   * Creates or replaces the practice's profile: what its invoices print (name, address, KvK and VAT
   * numbers, IBAN), who mails them, how they are numbered ({@link InvoiceNumbers}), the payment
   * term and the default language. The IBAN is checked by the configured {@link DocumentServices};
   * saving the same profile again changes nothing. Issued invoices keep the profile they printed.
   *
   * @param command the practice, actor and the profile's fields
   * @return the profile as stored
   * @throws InvalidInputException if a field is missing or invalid: an IBAN the check refuses, or
   *     any IBAN when no {@link DocumentServices} are configured (field {@code iban}), a number
   *     format that is not supported (field {@code numberFormat})
   * @throws AccessDeniedException if the actor may not edit the practice profile (owner only by default)
   * @throws TransactionFailedException if transient conflicts outlasted the retries; nothing was stored
   * @throws OutcomeUnknownException if the connection was lost before the commit was confirmed; run
   *     the same command again
   */
  public PracticeProfile savePracticeProfile(SavePracticeProfile command) {
    return savePracticeProfile.handle(command);
  }

  /**
   * The practice's profile.
   *
   * @param practice the practice
   * @return the profile, empty if the owner has not saved one
   */
  public Optional<PracticeProfile> practiceProfile(PracticeId practice) {
    return invoicingReads.practiceProfile(practice);
  }

  /**
   * Saves the practice's e-mail template of one document kind and language, after {@link
   * DocumentServices#checkTemplate} accepted it. A template the check refuses is not saved.
   *
   * @param command the practice, actor and template
   * @return the template as stored
   * @throws InvalidInputException if the template is missing, fails the check (naming the part and
   *     the unknown placeholder or syntax error), or no {@link DocumentServices} are configured
   * @throws AccessDeniedException if the actor may not edit templates (owner only by default)
   * @throws TransactionFailedException if transient conflicts outlasted the retries; nothing was stored
   * @throws OutcomeUnknownException if the connection was lost before the commit was confirmed; run
   *     the same command again
   */
  public MailTemplate saveMailTemplate(SaveMailTemplate command) {
    return saveMailTemplate.handle(command);
  }

  /**
   * The template that mails a document kind in a language: the practice's own, else the default
   * the configured {@link DocumentServices} ship.
   *
   * @param practice the practice
   * @param kind the document kind
   * @param language the language
   * @return the template, empty when the practice has none and no {@link DocumentServices} are configured
   */
  public Optional<MailTemplate> mailTemplate(PracticeId practice, DocumentKind kind, Locale language) {
    return invoicingReads.mailTemplate(practice, kind, language);
  }

  /**
   * Creates a draft product invoice for a patient. Each line names a product and a quantity; its
   * description, price (excluding VAT) and VAT treatment come from the product as it is now, and a
   * linked product's line says which package and how many credits it buys. A draft may be empty,
   * but is not issued so. Idempotent on the invoice id: a repeat with the same patient and lines
   * answers with the stored invoice, marked {@link InvoiceAnswer#replay()}.
   *
   * @param command the practice, actor, invoice id, patient and lines
   * @return the draft
   * @throws InvalidInputException if a field is missing or invalid (a quantity below 1), or the lines'
   *     products are priced in different currencies
   * @throws AccessDeniedException if the actor may not manage invoices
   * @throws NotFoundException if a product, or the package it links to, does not exist
   * @throws ConflictException if the invoice id was used with another patient or other lines
   * @throws TransactionFailedException if transient conflicts outlasted the retries; nothing was stored
   * @throws OutcomeUnknownException if the connection was lost before the commit was confirmed; run
   *     the same command again
   */
  public InvoiceAnswer createInvoice(CreateInvoice command) {
    return createInvoice.handle(command);
  }

  /**
   * Issues a draft: it gets the next number of the practice's gapless series (formatted by the
   * profile), its issue date (today by default) and due date (the profile's payment term later),
   * its totals per VAT rate, and a snapshot of the practice's profile and of the patient's details
   * from the {@link PatientDirectory}. From then on it never changes. Issuing it again answers with
   * the issued invoice, marked {@link InvoiceAnswer#replay()}.
   *
   * @param command the practice, actor, invoice id and optional issue date
   * @return the issued invoice; {@link ProductInvoice#document()} is what is printed
   * @throws InvalidInputException if a field is invalid, or the draft has no lines (field {@code lines})
   * @throws AccessDeniedException if the actor may not manage invoices
   * @throws NotFoundException if the invoice, the practice profile or the patient (in the directory)
   *     does not exist
   * @throws TransactionFailedException if transient conflicts outlasted the retries; nothing was stored
   * @throws OutcomeUnknownException if the connection was lost before the commit was confirmed; run
   *     the same command again
   */
  public InvoiceAnswer issueInvoice(IssueInvoice command) {
    return issueInvoice.handle(command);
  }

  /**
   * Sends an issued invoice to the patient (a cancelled one: its credit note): renders it with the
   * practice's template of the document's kind in the patient's language (or the shipped default),
   * the PDF attached, with a {@code Message-ID} stable per document, and queues the mail in the
   * outbox in the transaction that marks the invoice sent. The mail goes out when a dispatcher runs
   * ({@link #dispatchOutbox()}, {@link #startOutboxDispatcher}); a crash between the commit and the
   * delivery loses nothing. Idempotent per document: sending a document whose mail is already
   * queued or sent answers with the invoice, marked a replay, and queues nothing; to send it again,
   * {@link #resendMessage}.
   *
   * <p>With {@code SendInvoice.creditNote} naming a credit note a refund issued for the invoice
   * ({@link #creditNotes}), that credit note is mailed instead, with the credit-note template, under
   * its own stable {@code Message-ID}; the invoice's state is not changed by it.
   *
   * @param command the practice, actor and invoice id, and optionally a refund's credit note
   * @return the invoice as marked
   * @throws InvalidInputException if a field is missing, or the patient had no e-mail address at issue
   *     (field {@code email}, naming the patient; the invoice stays issued)
   * @throws AccessDeniedException if the actor may not manage invoices
   * @throws NotFoundException if the invoice does not exist, or the credit note named is not one of
   *     its refunds' credit notes
   * @throws ConflictException if the invoice is a draft (naming its state)
   * @throws IllegalStateException if no {@link DocumentServices} are configured
   * @throws TransactionFailedException if transient conflicts outlasted the retries; nothing was queued
   * @throws OutcomeUnknownException if the connection was lost before the commit was confirmed; run
   *     the same command again (it answers as a replay when the mail was queued)
   */
  public InvoiceAnswer sendInvoice(SendInvoice command) {
    return sendInvoice.handle(command);
  }

  /**
   * Registers a payment of an issued invoice (amount, day, method, the host's payment reference).
   * The payment that makes the invoice fully paid grants the credits of its linked lines, once,
   * through the same path as {@link #registerPayment} (keyed on the invoice id), each lot worth its
   * line's amount excluding VAT. Earlier payments grant nothing; a payment beyond the total is
   * recorded as an overpayment ({@link ProductInvoice#overpaid()}) and grants nothing more.
   * Idempotent on the reference: a repeat with the same content answers as the first, marked a replay.
   *
   * @param command the practice, actor, invoice id, reference, amount, day and method
   * @return the invoice after the payment, the payment, and the lots granted by it
   * @throws InvalidInputException if a field is missing or invalid (an amount not above zero, in
   *     another currency than the invoice's)
   * @throws AccessDeniedException if the actor may not register payments
   * @throws NotFoundException if the invoice, or a package its products link to, does not exist
   * @throws ConflictException if the invoice is a draft or cancelled (naming its state), or the
   *     reference was registered with other content or on another invoice
   * @throws PackageDeactivatedException if the payment completes the invoice and a line's package is
   *     deactivated; nothing is stored
   * @throws TransactionFailedException if transient conflicts outlasted the retries; nothing was stored
   * @throws OutcomeUnknownException if the connection was lost before the commit was confirmed; run
   *     the same command again
   */
  public InvoicePaymentResult registerInvoicePayment(RegisterInvoicePayment command) {
    return registerInvoicePayment.handle(command);
  }

  /**
   * Cancels an issued, unpaid invoice by a credit note with its own number from the same series
   * ({@link ProductInvoice#creditNote()}). The invoice is kept, cancelled; it can no longer be paid.
   * Cancelling it again answers with the same credit note, marked a replay.
   *
   * @param command the practice, actor, invoice id and optional date
   * @return the cancelled invoice
   * @throws InvalidInputException if a field is missing or invalid
   * @throws AccessDeniedException if the actor may not manage invoices
   * @throws NotFoundException if the invoice or the practice profile does not exist
   * @throws ConflictException if the invoice is a draft or has payments (naming its state)
   * @throws TransactionFailedException if transient conflicts outlasted the retries; nothing was stored
   * @throws OutcomeUnknownException if the connection was lost before the commit was confirmed; run
   *     the same command again
   */
  public InvoiceAnswer cancelInvoice(CancelInvoice command) {
    return cancelInvoice.handle(command);
  }

  /**
   * A product invoice.
   *
   * @param practice the practice
   * @param id the invoice
   * @return the invoice, empty if it does not exist in the practice
   */
  public Optional<ProductInvoice> findInvoice(PracticeId practice, InvoiceId id) {
    return invoicingReads.findInvoice(practice, id);
  }

  /**
   * The credit notes refunds of credits issued for a product invoice ({@link #refundCredits}): one
   * per refund that took credits from lots the invoice granted, each with its own number. Mail one
   * with {@link #sendInvoice} naming it ({@code SendInvoice.creditNote}); print it with {@link
   * nl.pakketten.sale.RefundCreditNote#document}.
   *
   * @param practice the practice
   * @param id the invoice
   * @return its refunds' credit notes, in the order they were issued; empty when none (or no such
   *     invoice)
   */
  public java.util.List<nl.pakketten.sale.RefundCreditNote> creditNotes(PracticeId practice, InvoiceId id) {
    return invoicingReads.creditNotes(practice, id);
  }

  /**
   * Delivers every outbox message that is due now, on the calling thread: mails through the
   * configured {@link DocumentServices}, events left over (their publishing after the commit did
   * not happen) to the {@link EventPublisher}. Each attempt is recorded; a failed one is retried
   * with backoff by a later round, until the attempts run out ({@link OutboxSettings}). Call it
   * from the host's scheduler, or use {@link #startOutboxDispatcher}. Several dispatchers, in one
   * process or many, may run at once: each claims its messages, skipping those another holds.
   *
   * @return what the round did
   * @throws TransientException if the outbox could not be read; nothing was claimed
   */
  public DispatchResult dispatchOutbox() {
    return outboxDispatch.dispatch();
  }

  /**
   * Starts a dispatcher on a daemon thread of its own: a {@linkplain #dispatchOutbox() round} at
   * once, then one every {@code interval} after the previous round ended, until it is closed. A
   * round that fails is logged at WARN on {@code nl.pakketten.outbox} and the next one runs.
   *
   * @param interval the pause between rounds, at least 10 milliseconds
   * @return the running dispatcher; close it when the host stops
   * @throws InvalidInputException if the interval is shorter than 10 milliseconds
   */
  public OutboxDispatcher startOutboxDispatcher(Duration interval) {
    if (interval == null || interval.toMillis() < 10) {
      throw InvalidInputException.of("interval", interval, "must be at least 10 milliseconds");
    }
    return outboxDispatch.start(interval);
  }

  /**
   * Queues a sent or failed outbox message again, for a new round of attempts with the same
   * {@code Message-ID}; a message still queued is left as it is.
   *
   * @param command the practice, actor and the message's outbox id
   * @return the message as queued
   * @throws InvalidInputException if a field is missing or invalid
   * @throws AccessDeniedException if the actor may not manage invoices
   * @throws NotFoundException if the practice has no message with that id
   * @throws TransactionFailedException if transient conflicts outlasted the retries; nothing was stored
   * @throws OutcomeUnknownException if the connection was lost before the commit was confirmed; run
   *     the same command again
   */
  public OutboxMessage resendMessage(ResendMessage command) {
    return resendMessage.handle(command);
  }

  /**
   * One outbox message of a practice: a mail (queued, sent or failed, with its attempts and last
   * error) or an event not yet published.
   *
   * @param practice the practice
   * @param id the message's outbox id
   * @return the message, empty if the practice has none with that id (a published event is gone)
   */
  public Optional<OutboxMessage> findOutboxMessage(PracticeId practice, String id) {
    return outboxReads.find(practice, id);
  }

  /**
   * A practice's outbox messages, oldest first, keyset-paged: its mails, and its events not yet
   * published.
   *
   * @param practice the practice
   * @param state only messages in this state; null for all
   * @param request the page
   * @return one page
   */
  public Page<OutboxMessage> outboxMessages(PracticeId practice, @Nullable OutboxState state, PageRequest request) {
    return outboxReads.list(practice, state, request);
  }

  /**
   * How many messages are queued, across practices: the outbox's depth, for a gauge. A depth that
   * keeps growing means no dispatcher runs, or deliveries keep failing.
   *
   * @return the number of queued messages
   */
  public long outboxDepth() {
    return outboxReads.depth();
  }

  /** Configures a {@link Pakketten}. */
  public static final class Builder {
    private Storage storage;
    private Clock clock = Clock.systemDefaultZone();
    private EventPublisher publisher = EventPublisher.none();
    private AccessPolicy access = AccessPolicy.ownerManagesPackages();
    private ShortfallPolicy shortfall = ShortfallPolicy.REJECT;
    private LateCancellationPolicy lateCancellation = LateCancellationPolicy.none();
    private ReversalPolicy reversal = ReversalPolicy.bookReceivable();
    private NoShowPolicy noShow = NoShowPolicy.keepCredits();
    private SpendingOrder order = SpendingOrder.earliestExpiryThenOldest();
    private Bookkeeping bookkeeping = Bookkeeping.defaults();
    private int maxAttempts = 5;
    private @Nullable CommandObserver observer;
    private @Nullable DocumentServices documents;
    private PatientDirectory patients = PatientDirectory.none();
    private OutboxSettings outboxSettings = OutboxSettings.defaults();

    private Builder() {}

    /**
     * Where the data lives (required).
     *
     * @param storage {@code InMemoryStorage.create()}, a {@code JdbcStorage}, or an adapter of the
     *     host's own
     * @return this builder
     */
    public Builder storage(Storage storage) {
      this.storage = Objects.requireNonNull(storage, "storage");
      return this;
    }

    /**
     * The clock for timestamps and expiry dates (its zone decides "today"); the system clock by
     * default.
     *
     * @param clock the clock, in the practice's time zone
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Receives every domain event after its change is stored; none by default.
     *
     * @param publisher the host's publisher
     * @return this builder
     */
    public Builder eventPublisher(EventPublisher publisher) {
      this.publisher = Objects.requireNonNull(publisher, "publisher");
      return this;
    }

    /**
     * Who may do what; {@link AccessPolicy#ownerManagesPackages()} by default.
     *
     * @param access the policy, for example one over the host's own role model
     * @return this builder
     */
    public Builder accessPolicy(AccessPolicy access) {
      this.access = Objects.requireNonNull(access, "access");
      return this;
    }

    /**
     * What happens when a patient has too few credits; {@link ShortfallPolicy#REJECT} by default,
     * {@link ShortfallPolicy#ALLOW_UNCOVERED} or the host's own policy otherwise.
     *
     * @param shortfall the policy
     * @return this builder
     */
    public Builder shortfallPolicy(ShortfallPolicy shortfall) {
      this.shortfall = Objects.requireNonNull(shortfall, "shortfall");
      return this;
    }

    /**
     * Whether a cancellation keeps the credits; {@link LateCancellationPolicy#none()} (always give
     * back) by default, {@link LateCancellationPolicy#keepCreditsWithin} or the host's own policy otherwise.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder lateCancellationPolicy(LateCancellationPolicy policy) {
      this.lateCancellation = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * What reversing a payment does when credits it granted were already used; {@link
     * ReversalPolicy#bookReceivable()} (keep them, book a receivable from the patient) by default,
     * {@link ReversalPolicy#refuseWhenUsed()} or the host's own policy otherwise.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder reversalPolicy(ReversalPolicy policy) {
      this.reversal = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Whether a no-show keeps the credits; {@link NoShowPolicy#keepCredits()} by default, {@link
     * NoShowPolicy#giveCreditsBack()} or the host's own policy otherwise.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder noShowPolicy(NoShowPolicy policy) {
      this.noShow = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * The order lots are spent in; earliest expiry, then oldest, by default.
     *
     * @param order the order
     * @return this builder
     */
    public Builder spendingOrder(SpendingOrder order) {
      this.order = Objects.requireNonNull(order, "order");
      return this;
    }

    /**
     * The practice-wide default account codes; {@link Bookkeeping#defaults()} (placeholders) by
     * default.
     *
     * @param bookkeeping the codes of the host's chart of accounts
     * @return this builder
     */
    public Builder bookkeeping(Bookkeeping bookkeeping) {
      this.bookkeeping = Objects.requireNonNull(bookkeeping, "bookkeeping");
      return this;
    }

    /**
     * Told of every command and read that ends, and of every retry (metrics, tracing); none by
     * default. The SDK's DEBUG log line on {@code nl.pakketten.commands} is written either way.
     *
     * @param observer the observer, for example the Spring Boot starter's Micrometer timers
     * @return this builder
     */
    public Builder commandObserver(CommandObserver observer) {
      this.observer = Objects.requireNonNull(observer, "observer");
      return this;
    }

    /**
     * What renders, prints and mails invoices and checks IBANs and templates (the {@code
     * pakketten-mail} module provides them); none by default, and then sending, saving a template
     * and saving a profile with an IBAN are refused.
     *
     * @param documents the document services
     * @return this builder
     */
    public Builder documents(DocumentServices documents) {
      this.documents = Objects.requireNonNull(documents, "documents");
      return this;
    }

    /**
     * The host's patient details (name, e-mail, address, language) that an issued invoice prints;
     * {@link PatientDirectory#none()} by default, and then issuing is refused.
     *
     * @param directory the directory
     * @return this builder
     */
    public Builder patientDirectory(PatientDirectory directory) {
      this.patients = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * How the outbox retries and leases its messages; {@link OutboxSettings#defaults()} if not set.
     *
     * @param settings the outbox's settings
     * @return this builder
     */
    public Builder outboxSettings(OutboxSettings settings) {
      this.outboxSettings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * How often a command is tried on transient database conflicts; 5 by default.
     *
     * @param maxAttempts the number of attempts, at least 1 (1: never retried)
     * @return this builder
     * @throws IllegalArgumentException when {@code maxAttempts} is below 1
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Builds the entry point.
     *
     * @return a {@link Pakketten} over the configured storage and policies
     * @throws IllegalStateException if no storage was given
     */
    public Pakketten build() {
      if (storage == null) {
        throw new IllegalStateException("Pakketten needs a storage: InMemoryStorage.create() or JdbcStorage");
      }
      return new Pakketten(this);
    }
  }
}
