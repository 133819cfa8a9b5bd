package nl.pakketten.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import nl.pakketten.appointments.Appointment;
import nl.pakketten.appointments.ScheduleResult;
import nl.pakketten.catalog.AppointmentType;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.catalog.AppointmentTypeLink;
import nl.pakketten.catalog.BalanceSheetItem;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.LedgerAccount;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.catalog.Product;
import nl.pakketten.catalog.ProductCode;
import nl.pakketten.catalog.ProductLink;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.ImportId;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.LotId;
import nl.pakketten.common.Page;
import nl.pakketten.common.PageRequest;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.UserId;
import nl.pakketten.granting.GrantReceipt;
import nl.pakketten.granting.LotGrant;
import nl.pakketten.revenue.EntryKind;
import nl.pakketten.revenue.AccountRole;
import nl.pakketten.revenue.JournalEntry;
import nl.pakketten.revenue.JournalLine;
import nl.pakketten.revenue.Side;
import nl.pakketten.spi.Storage;
import nl.pakketten.spi.TransientException;
import nl.pakketten.spi.ValueBuilders;
import nl.pakketten.spi.Wallets.WalletKey;
import nl.pakketten.wallet.Allocation;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.LotSource;
import nl.pakketten.wallet.Movement;
import nl.pakketten.wallet.MovementKind;
import nl.pakketten.wallet.Wallet;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Storage} adapter keeps: each port's documented behaviour, exercised
 * through {@link Storage#transactions()} the way the core uses it. Written once, run against every
 * adapter: subclass it and implement {@link #newStorage()}.
 *
 * <p>Each test asks for a storage and works in practices with fresh random ids, so an adapter may
 * hand out the same (migrated) database every time without cleaning it. Rows only refer to
 * packages, appointment types and lots that exist in the same practice, so an adapter may enforce
 * foreign keys within a practice.
 *
 * <p>Values are chosen to round-trip exactly: money at its currency's scale (EUR, GBP, JPY),
 * instants at microsecond precision, the longest identifiers (64), names (200), import reasons
 * (500) and movement reasons (600: a late cancellation appends its policy to the host's reason) the
 * core produces. Beyond the ports' Javadoc, the contract pins down what the core relies on: a
 * duplicate package id or name (ignoring case), appointment or receipt throws {@link
 * TransientException}; lots of a wallet and movements of a history keep the order they were
 * written in, also within one instant; the exception a transaction's work throws reaches the caller
 * unchanged; a nested {@code inTransaction} joins the outer one.
 */
public abstract class StorageContract {
  /** A storage to test; called once per test. It may already hold data of other practices. */
  protected abstract Storage newStorage();

  protected Storage storage;
  protected PracticeId practice;
  protected PracticeId otherPractice;

  private static final Instant T0 = Instant.parse("2026-03-02T09:15:30.123456Z");
  private static final UserId OWNER = UserId.of("owner-1");
  private static final PatientId PATIENT = PatientId.of("patient-1");
  private static final PatientId OTHER_PATIENT = PatientId.of("patient-2");
  private static final PackageId PK1 = PackageId.of("pk-1");
  private static final PackageId PK2 = PackageId.of("pk-2");
  private static final AppointmentTypeId T1 = AppointmentTypeId.of("T1");
  private static final AppointmentTypeId T2 = AppointmentTypeId.of("T2");

  @BeforeEach
  void openStorage() {
    storage = newStorage();
    practice = uniquePractice();
    otherPractice = uniquePractice();
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  protected static PracticeId uniquePractice() {
    return PracticeId.of("contract-" + UUID.randomUUID());
  }

  protected <T> T tx(Supplier<T> work) {
    return storage.transactions().inTransaction(work);
  }

  protected void run(Runnable work) {
    storage.transactions().inTransaction(() -> {
      work.run();
      return null;
    });
  }

  protected static Money eur(String amount) {
    return Money.of(CurrencyUnit.EUR, new java.math.BigDecimal(amount));
  }

  /** An instant {@code micros} microseconds after a fixed one with a microsecond fraction. */
  protected static Instant at(long micros) {
    return T0.plus(micros, ChronoUnit.MICROS);
  }

  protected static String longest(char c, int length) {
    return String.valueOf(c).repeat(length);
  }

  protected CreditPackage pkg(PracticeId practice, String id, String name) {
    return ValueBuilders.creditPackage()
        .practice(practice)
        .id(PackageId.of(id))
        .name(name)
        .internalRate(eur("12.50"))
        .active(true)
        .changedAt(at(0))
        .changedBy(OWNER)
        .build();
  }

  protected CreditPackage insertPackage(PracticeId practice, String id, String name) {
    CreditPackage p = pkg(practice, id, name);
    run(() -> storage.packages().insert(p));
    return p;
  }

  protected void insertPackages(PracticeId practice, String... ids) {
    run(() -> {
      for (String id : ids) {
        storage.packages().insert(pkg(practice, id, "Package " + id));
      }
    });
  }

  /**
   * What most rows refer to, so that an adapter may enforce foreign keys: packages pk-1 and pk-2,
   * type T1 linked to pk-1 and type T2 unlinked.
   */
  protected void seedCatalog(PracticeId practice) {
    insertPackages(practice, PK1.value(), PK2.value());
    run(() -> {
      storage.appointmentTypes().save(type(practice, T1.value(), Optional.of(new AppointmentTypeLink(PK1, 1))));
      storage.appointmentTypes().save(type(practice, T2.value(), Optional.empty()));
    });
  }

  /** {@link #seedCatalog} and lots to refer to: lot-1..lot-3 of the patient in pk-1, lot-4 in pk-2, lot-9 of the other patient in pk-1. */
  protected void seedLots(PracticeId practice) {
    seedCatalog(practice);
    run(() -> {
      storage.wallets().save(ValueBuilders.wallet(practice, PATIENT, PK1, List.of(
          invoiceLot(practice, PATIENT, PK1, "lot-1", 10, 10, at(1)),
          invoiceLot(practice, PATIENT, PK1, "lot-2", 10, 10, at(2)),
          invoiceLot(practice, PATIENT, PK1, "lot-3", 10, 10, at(3)))));
      storage.wallets().save(ValueBuilders.wallet(practice, PATIENT, PK2, List.of(
          invoiceLot(practice, PATIENT, PK2, "lot-4", 10, 10, at(4)))));
      storage.wallets().save(ValueBuilders.wallet(practice, OTHER_PATIENT, PK1, List.of(
          invoiceLot(practice, OTHER_PATIENT, PK1, "lot-9", 10, 10, at(9)))));
    });
  }

  private void seedBothPractices() {
    seedLots(practice);
    seedLots(otherPractice);
  }

  protected Product product(PracticeId practice, String code, Optional<ProductLink> link) {
    return ValueBuilders.product().practice(practice).code(ProductCode.of(code)).name("Product " + code)
        .unitPrice(eur("99.95")).link(link).build();
  }

  protected AppointmentType type(PracticeId practice, String id, Optional<AppointmentTypeLink> link) {
    return ValueBuilders.appointmentType().practice(practice).id(AppointmentTypeId.of(id)).name("Type " + id).link(link)
        .build();
  }

  protected Lot invoiceLot(PracticeId practice, PatientId patient, PackageId pkg, String lotId, int granted,
      int remaining, Instant grantedAt) {
    return ValueBuilders.lot()
        .id(LotId.of(lotId))
        .practice(practice)
        .patient(patient)
        .packageId(pkg)
        .source(new LotSource.InvoiceLine(InvoiceId.of("F-" + lotId), 2, ProductCode.of("P10")))
        .creditsGranted(granted)
        .creditsRemaining(remaining)
        .ratePerCredit(eur("33.33"))
        .deferredValue(eur("333.30"))
        .recognisedRevenue(eur("33.33").multipliedBy(granted - remaining))
        .deferredAccount(BalanceSheetItem.of("1700"))
        .revenueAccount(LedgerAccount.of("8000"))
        .grantedAt(grantedAt)
        .grantedBy(UserId.of("reception-1"))
        .build();
  }

  protected Lot importLot(PracticeId practice, PatientId patient, PackageId pkg, String lotId, int granted,
      int remaining, Instant grantedAt, LocalDate expiresOn) {
    return ValueBuilders.lot()
        .id(LotId.of(lotId))
        .practice(practice)
        .patient(patient)
        .packageId(pkg)
        .source(new LotSource.Import(ImportId.of("I-" + lotId), "migrated from the old system"))
        .creditsGranted(granted)
        .creditsRemaining(remaining)
        .ratePerCredit(eur("0.07"))
        .deferredValue(eur("0.07").multipliedBy(granted))
        .recognisedRevenue(eur("0.07").multipliedBy(granted - remaining))
        .deferredAccount(BalanceSheetItem.of("1710"))
        .revenueAccount(LedgerAccount.of("8010"))
        .grantedAt(grantedAt)
        .grantedBy(OWNER)
        .expiresOn(Optional.ofNullable(expiresOn))
        .build();
  }

  protected Appointment appointment(PracticeId practice, String id, List<Allocation> allocations) {
    return ValueBuilders.appointment()
        .practice(practice)
        .id(AppointmentId.of(id))
        .patient(PATIENT)
        .typeId(AppointmentTypeId.of("T1"))
        .scheduledTypeId(AppointmentTypeId.of("T1"))
        .start(at(7_000_000))
        .status(Appointment.Status.SCHEDULED)
        .coverage(allocations.isEmpty() ? Appointment.Coverage.NOT_LINKED : Appointment.Coverage.COVERED)
        .packageId(allocations.isEmpty() ? Optional.empty() : Optional.of(PackageId.of("pk-1")))
        .cost(allocations.stream().mapToInt(Allocation::credits).sum())
        .allocations(allocations)
        .changedBy(UserId.of("reception-1"))
        .changedAt(at(1))
        .build();
  }

  protected Movement movement(PracticeId practice, PatientId patient, String id, MovementKind kind, int credits,
      Money revenue, Instant at) {
    return ValueBuilders.movement()
        .id(id)
        .practice(practice)
        .patient(patient)
        .packageId(PK1)
        .lotId(LotId.of(patient.equals(PATIENT) ? "lot-1" : "lot-9"))
        .kind(kind)
        .credits(credits)
        .revenue(revenue)
        .at(at)
        .actor(UserId.of("reception-1"))
        .reason("appointment A-1 of type T1 scheduled")
        .sourceKey("appointment:A-1")
        .build();
  }

  protected JournalEntry entry(PracticeId practice, String id, Instant at, Money amount) {
    return new JournalEntry(id, practice, at, EntryKind.SPEND, PATIENT, PackageId.of("pk-1"), LotId.of("lot-1"),
        "appointment:A-1",
        "Credits spent, revenue recognised (1 credit)",
        List.of(new JournalLine("1700", AccountRole.DEFERRED_REVENUE, Side.DEBIT, amount),
            new JournalLine("8000", AccountRole.REVENUE, Side.CREDIT, amount)));
  }

  // ---------------------------------------------------------------------------------------------
  // Packages

  @Test
  void findsNothingForAnUnknownPackage() {
    assertThat(tx(() -> storage.packages().find(practice, PackageId.of("nope")))).isEmpty();
  }

  @Test
  void aPackageRoundTripsWithEveryField() {
    CreditPackage full = ValueBuilders.creditPackage()
        .practice(practice)
        .id(PackageId.of("fysio-10"))
        .name("Fysiotherapie 10 behandelingen")
        .internalRate(eur("37.45"))
        .ledgerAccount(LedgerAccount.of("8010"))
        .balanceSheetItem(BalanceSheetItem.of("1710"))
        .active(false)
        .changedAt(at(42))
        .changedBy(OWNER)
        .build();
    CreditPackage bare = pkg(practice, "massage", "Massage");
    run(() -> {
      storage.packages().insert(full);
      storage.packages().insert(bare);
    });

    assertThat(tx(() -> storage.packages().find(practice, full.id()))).contains(full);
    assertThat(tx(() -> storage.packages().find(practice, bare.id()))).contains(bare);
  }

  @Test
  void aPackageKeepsItsCurrencyAndItsScale() {
    CreditPackage pounds = pkg(practice, "gbp", "Pounds").withInternalRate(Money.ofMajor(CurrencyUnit.GBP, 12));
    CreditPackage yen = pkg(practice, "jpy", "Yen").withInternalRate(Money.ofMajor(CurrencyUnit.JPY, 1500));
    CreditPackage free = pkg(practice, "free", "Free").withInternalRate(Money.zero(CurrencyUnit.EUR));
    run(() -> List.of(pounds, yen, free).forEach(storage.packages()::insert));

    assertThat(tx(() -> storage.packages().find(practice, pounds.id()))).contains(pounds);
    assertThat(tx(() -> storage.packages().find(practice, yen.id()))).contains(yen);
    assertThat(tx(() -> storage.packages().find(practice, free.id()))).contains(free);
  }

  @Test
  void theLongestAcceptedIdentifiersAndNamesRoundTrip() {
    CreditPackage longest = ValueBuilders.creditPackage()
        .practice(PracticeId.of(practice.value() + longest('p', 64 - practice.value().length())))
        .id(PackageId.of(longest('i', 64)))
        .name(longest('n', 200))
        .internalRate(eur("99999999.99"))
        .ledgerAccount(LedgerAccount.of(longest('l', 64)))
        .balanceSheetItem(BalanceSheetItem.of(longest('b', 64)))
        .active(true)
        .changedAt(at(1))
        .changedBy(UserId.of(longest('u', 64)))
        .build();
    run(() -> storage.packages().insert(longest));

    assertThat(tx(() -> storage.packages().find(longest.practice(), longest.id()))).contains(longest);
  }

  @Test
  void findsAPackageByNameIgnoringCaseAndSurroundingWhiteSpace() {
    CreditPackage p = insertPackage(practice, "fysio-10", "Fysio Tien");

    assertThat(tx(() -> storage.packages().findByName(practice, "  fYSIO tien "))).contains(p);
    assertThat(tx(() -> storage.packages().findByName(practice, "Fysio"))).isEmpty();
    assertThat(tx(() -> storage.packages().findByName(practice, "Fysio Tien en meer"))).isEmpty();
  }

  @Test
  void listsThePracticesPackagesOrderedByName() {
    CreditPackage c = insertPackage(practice, "c", "Massage 5");
    CreditPackage a = insertPackage(practice, "a", "Acupunctuur");
    CreditPackage b = insertPackage(practice, "b", "Fysio 10");
    insertPackage(otherPractice, "d", "Dry needling");

    assertThat(tx(() -> storage.packages().list(practice))).containsExactly(a, b, c);
    assertThat(tx(() -> storage.packages().list(uniquePractice()))).isEmpty();
  }

  @Test
  void anUpdateReplacesTheStoredPackage() {
    CreditPackage before = insertPackage(practice, "fysio", "Fysio");
    CreditPackage after = before.withName("Fysio nieuw")
        .withInternalRate(eur("40.00"))
        .withLedgerAccount(Optional.of(LedgerAccount.of("8020")))
        .withBalanceSheetItem(Optional.of(BalanceSheetItem.of("1720")))
        .withActive(false)
        .withChangedAt(at(5_000))
        .withChangedBy(UserId.of("owner-2"));
    run(() -> storage.packages().update(after));

    assertThat(tx(() -> storage.packages().find(practice, before.id()))).contains(after);
    assertThat(tx(() -> storage.packages().findByName(practice, "fysio nieuw"))).contains(after);
    assertThat(tx(() -> storage.packages().findByName(practice, "Fysio"))).isEmpty();

    CreditPackage cleared = after.withLedgerAccount(Optional.empty()).withBalanceSheetItem(Optional.empty())
        .withActive(true);
    run(() -> storage.packages().update(cleared));
    assertThat(tx(() -> storage.packages().find(practice, before.id()))).contains(cleared);
  }

  @Test
  void aDeleteRemovesOnlyThatPackage() {
    CreditPackage gone = insertPackage(practice, "gone", "Gone");
    CreditPackage kept = insertPackage(practice, "kept", "Kept");

    run(() -> storage.packages().delete(practice, gone.id()));

    assertThat(tx(() -> storage.packages().find(practice, gone.id()))).isEmpty();
    assertThat(tx(() -> storage.packages().findByName(practice, "Gone"))).isEmpty();
    assertThat(tx(() -> storage.packages().list(practice))).containsExactly(kept);
  }

  @Test
  void anIdOrANameAlreadyTakenIsRefusedAsTransientAndChangesNothing() {
    CreditPackage first = insertPackage(practice, "fysio", "Fysio");

    assertThatThrownBy(() -> run(() -> storage.packages().insert(pkg(practice, "fysio", "Other name"))))
        .isInstanceOf(TransientException.class);
    assertThatThrownBy(() -> run(() -> storage.packages().insert(pkg(practice, "other-id", "FYSIO"))))
        .isInstanceOf(TransientException.class);

    assertThat(tx(() -> storage.packages().list(practice))).containsExactly(first);
  }

  @Test
  void practicesDoNotSeeOrChangeEachOthersPackages() {
    CreditPackage mine = insertPackage(practice, "fysio", "Fysio");
    CreditPackage theirs = insertPackage(otherPractice, "fysio", "Fysio");

    assertThat(tx(() -> storage.packages().find(practice, mine.id()))).contains(mine);
    assertThat(tx(() -> storage.packages().find(otherPractice, mine.id()))).contains(theirs);
    assertThat(tx(() -> storage.packages().findByName(otherPractice, "fysio"))).contains(theirs);

    run(() -> storage.packages().update(mine.withName("Mine")));
    run(() -> storage.packages().delete(practice, mine.id()));

    assertThat(tx(() -> storage.packages().find(practice, mine.id()))).isEmpty();
    assertThat(tx(() -> storage.packages().list(otherPractice))).containsExactly(theirs);
  }

  // ---------------------------------------------------------------------------------------------
  // Products

  @Test
  void saveInsertsAndThenReplacesAProduct() {
    insertPackages(practice, "pk-1", "pk-2");
    PackageId p1 = PackageId.of("pk-1");
    PackageId p2 = PackageId.of("pk-2");
    Product linked = product(practice, "P10", Optional.of(new ProductLink(p1, 10)));
    run(() -> storage.products().save(linked));
    assertThat(tx(() -> storage.products().find(practice, linked.code()))).contains(linked);

    Product relinked = ValueBuilders.product().from(linked).name("Renamed").unitPrice(eur("120.00"))
        .link(new ProductLink(p2, 3)).build();
    run(() -> storage.products().save(relinked));
    assertThat(tx(() -> storage.products().find(practice, linked.code()))).contains(relinked);

    Product unlinked = ValueBuilders.product().from(relinked).link(Optional.empty()).build();
    run(() -> storage.products().save(unlinked));
    assertThat(tx(() -> storage.products().find(practice, linked.code()))).contains(unlinked);
    assertThat(tx(() -> storage.products().find(practice, ProductCode.of("P99")))).isEmpty();
  }

  @Test
  void linkedToListsTheProductsOfOnePackageOrderedByCode() {
    insertPackages(practice, "pk-1", "pk-2");
    insertPackages(otherPractice, "pk-1");
    PackageId p1 = PackageId.of("pk-1");
    PackageId p2 = PackageId.of("pk-2");
    Product c = product(practice, "C-3", Optional.of(new ProductLink(p1, 1)));
    Product a = product(practice, "A-1", Optional.of(new ProductLink(p1, 5)));
    Product b = product(practice, "B-2", Optional.of(new ProductLink(p2, 5)));
    Product d = product(practice, "D-4", Optional.empty());
    Product elsewhere = product(otherPractice, "B-1", Optional.of(new ProductLink(p1, 5)));
    run(() -> List.of(c, a, b, d, elsewhere).forEach(storage.products()::save));

    assertThat(tx(() -> storage.products().linkedTo(practice, p1))).containsExactly(a, c);
    assertThat(tx(() -> storage.products().linkedTo(practice, p2))).containsExactly(b);
    assertThat(tx(() -> storage.products().linkedTo(otherPractice, p1))).containsExactly(elsewhere);

    run(() -> storage.products().save(ValueBuilders.product().from(a).link(new ProductLink(p2, 5)).build()));
    assertThat(tx(() -> storage.products().linkedTo(practice, p1))).containsExactly(c);
  }

  @Test
  void practicesDoNotSeeOrChangeEachOthersProducts() {
    insertPackages(otherPractice, "x");
    Product mine = product(practice, "P10", Optional.empty());
    Product theirs = product(otherPractice, "P10", Optional.of(new ProductLink(PackageId.of("x"), 2)));
    run(() -> {
      storage.products().save(mine);
      storage.products().save(theirs);
    });
    run(() -> storage.products().save(ValueBuilders.product().from(mine).name("Changed").build()));

    assertThat(tx(() -> storage.products().find(otherPractice, mine.code()))).contains(theirs);
    assertThat(tx(() -> storage.products().find(practice, mine.code())).orElseThrow().name())
        .isEqualTo("Changed");
  }

  // ---------------------------------------------------------------------------------------------
  // AppointmentTypes

  @Test
  void saveInsertsAndThenReplacesAType() {
    insertPackages(practice, "pk-1", "pk-2");
    AppointmentType linked = type(practice, "T1", Optional.of(new AppointmentTypeLink(PackageId.of("pk-1"), 1)));
    run(() -> storage.appointmentTypes().save(linked));
    assertThat(tx(() -> storage.appointmentTypes().find(practice, linked.id()))).contains(linked);

    AppointmentType relinked = ValueBuilders.appointmentType().from(linked).name("Long treatment")
        .link(new AppointmentTypeLink(PackageId.of("pk-2"), 2)).build();
    run(() -> storage.appointmentTypes().save(relinked));
    assertThat(tx(() -> storage.appointmentTypes().find(practice, linked.id()))).contains(relinked);

    AppointmentType unlinked = ValueBuilders.appointmentType().from(relinked).link(Optional.empty()).build();
    run(() -> storage.appointmentTypes().save(unlinked));
    assertThat(tx(() -> storage.appointmentTypes().find(practice, linked.id()))).contains(unlinked);
    assertThat(tx(() -> storage.appointmentTypes().find(practice, AppointmentTypeId.of("T9")))).isEmpty();
  }

  @Test
  void linkedToListsTheTypesOfOnePackageOrderedById() {
    insertPackages(practice, "pk-1", "pk-2");
    insertPackages(otherPractice, "pk-1");
    PackageId p1 = PackageId.of("pk-1");
    AppointmentType z = type(practice, "Z", Optional.of(new AppointmentTypeLink(p1, 1)));
    AppointmentType m = type(practice, "M", Optional.of(new AppointmentTypeLink(p1, 2)));
    AppointmentType other = type(practice, "A", Optional.of(new AppointmentTypeLink(PackageId.of("pk-2"), 1)));
    AppointmentType none = type(practice, "B", Optional.empty());
    AppointmentType elsewhere = type(otherPractice, "A", Optional.of(new AppointmentTypeLink(p1, 1)));
    run(() -> List.of(z, m, other, none, elsewhere).forEach(storage.appointmentTypes()::save));

    assertThat(tx(() -> storage.appointmentTypes().linkedTo(practice, p1))).containsExactly(m, z);
    assertThat(tx(() -> storage.appointmentTypes().linkedTo(otherPractice, p1))).containsExactly(elsewhere);
  }

  // ---------------------------------------------------------------------------------------------
  // Wallets

  private void walletPackages() {
    insertPackages(practice, "pk-1", "pk-2", "pk-3", "a-pk", "b-pk");
    insertPackages(otherPractice, "pk-1", "a-pk");
  }

  @Test
  void lockingAWalletThatDoesNotExistGivesAnEmptyOne() {
    walletPackages();

    Wallet wallet = tx(() -> storage.wallets().lock(practice, PATIENT, PK1));

    assertThat(wallet).isEqualTo(Wallet.empty(practice, PATIENT, PK1));
    assertThat(tx(() -> storage.wallets().find(practice, PATIENT, PK1))).isEmpty();
    assertThat(tx(() -> storage.wallets().balance(practice, PATIENT, PK1))).isZero();
    assertThat(tx(() -> storage.wallets().ofPatient(practice, PATIENT))).isEmpty();
  }

  @Test
  void aSavedWalletRoundTripsEveryFieldOfEveryLot() {
    walletPackages();

    Lot paid = invoiceLot(practice, PATIENT, PK1, "lot-paid", 10, 7, at(10));
    Lot imported = importLot(practice, PATIENT, PK1, "lot-import", 5, 5, at(20), LocalDate.of(2026, 12, 31));
    Lot importedForever = importLot(practice, PATIENT, PK1, "lot-forever", 3, 0, at(30), null);
    Wallet wallet = ValueBuilders.wallet(practice, PATIENT, PK1, List.of(paid, imported, importedForever));
    run(() -> storage.wallets().save(wallet));

    assertThat(tx(() -> storage.wallets().find(practice, PATIENT, PK1))).contains(wallet);
    assertThat(tx(() -> storage.wallets().lock(practice, PATIENT, PK1)))
        .as("a command reads the open lots only").isEqualTo(ValueBuilders.wallet(practice, PATIENT, PK1, List.of(paid, imported)));
    assertThat(tx(() -> storage.wallets().balance(practice, PATIENT, PK1))).isEqualTo(12);
  }

  @Test
  void theLongestValuesTheCoreAcceptsRoundTripInALot() {
    walletPackages();

    PracticeId longPractice = PracticeId.of(practice.value() + longest('p', 64 - practice.value().length()));
    PatientId patient = PatientId.of(longest('q', 64));
    PackageId packageId = PackageId.of(longest('k', 64));
    Lot lot = ValueBuilders.lot()
        .from(importLot(longPractice, patient, packageId, "lot", 1_000_000, 999_999, at(1), null))
        .id(LotId.of(longest('l', 64)))
        .source(new LotSource.Import(ImportId.of(longest('i', 64)), longest('r', 500)))
        .ratePerCredit(eur("99999999.99"))
        .deferredValue(eur("99999999990000.00"))
        .recognisedRevenue(eur("99999999.99"))
        .deferredAccount(BalanceSheetItem.of(longest('b', 64)))
        .revenueAccount(LedgerAccount.of(longest('8', 64)))
        .grantedBy(UserId.of(longest('u', 64)))
        .build();
    Lot invoiced = ValueBuilders.lot()
        .from(invoiceLot(longPractice, patient, packageId, "lot", 1, 1, at(2)))
        .id(LotId.of(longest('m', 64)))
        .source(new LotSource.InvoiceLine(InvoiceId.of(longest('f', 64)), 1000, ProductCode.of(longest('c', 64))))
        .build();
    run(() -> storage.packages().insert(ValueBuilders.creditPackage().from(pkg(longPractice, packageId.value(), "Longest"))
        .build()));
    Wallet wallet = ValueBuilders.wallet(longPractice, patient, packageId, List.of(lot, invoiced));
    run(() -> storage.wallets().save(wallet));

    assertThat(tx(() -> storage.wallets().find(longPractice, patient, packageId))).contains(wallet);
  }

  @Test
  void savingAgainUpdatesTheLotsAndTheBalanceAndAddsNewLots() {
    walletPackages();

    Lot first = invoiceLot(practice, PATIENT, PK1, "lot-1", 10, 10, at(10));
    run(() -> storage.wallets().save(ValueBuilders.wallet(practice, PATIENT, PK1, List.of(first))));

    Lot spent = ValueBuilders.lot().from(first).creditsRemaining(0).recognisedRevenue(first.deferredValue()).build();
    Lot second = importLot(practice, PATIENT, PK1, "lot-2", 4, 4, at(20), LocalDate.of(2027, 1, 1));
    Wallet after = ValueBuilders.wallet(practice, PATIENT, PK1, List.of(spent, second));
    run(() -> {
      Wallet locked = storage.wallets().lock(practice, PATIENT, PK1);
      assertThat(locked.lots()).containsExactly(first);
      storage.wallets().save(after);
    });

    assertThat(tx(() -> storage.wallets().find(practice, PATIENT, PK1))).contains(after);
    assertThat(tx(() -> storage.wallets().balance(practice, PATIENT, PK1))).isEqualTo(4);
  }

  @Test
  void aLockReadsTheOpenLotsAndWithLotsAddsUsedUpOnesForAGiveBack() {
    walletPackages();

    Lot usedUp = invoiceLot(practice, PATIENT, PK1, "lot-used", 10, 0, at(10));
    Lot open = importLot(practice, PATIENT, PK1, "lot-open", 5, 3, at(20), null);
    Lot alsoUsedUp = importLot(practice, PATIENT, PK1, "lot-also-used", 2, 0, at(30), null);
    run(() -> storage.wallets().save(ValueBuilders.wallet(practice, PATIENT, PK1, List.of(usedUp, open, alsoUsedUp))));

    Lot givenBack = ValueBuilders.lot().from(usedUp).creditsRemaining(2).recognisedRevenue(eur("33.33").multipliedBy(8))
        .build();
    Lot added = importLot(practice, PATIENT, PK1, "lot-new", 4, 4, at(40), null);
    run(() -> {
      Wallet locked = storage.wallets().lock(practice, PATIENT, PK1);
      assertThat(locked.lots()).containsExactly(open);
      assertThat(locked.balance()).isEqualTo(3);
      Wallet loaded = storage.wallets().withLots(locked, List.of(usedUp.id(), open.id()));
      assertThat(loaded.lots()).containsExactlyInAnyOrder(open, usedUp);
      assertThat(catchThrowable(() -> storage.wallets().withLots(locked, List.of(LotId.of("nobodys-lot")))))
          .isInstanceOf(IllegalStateException.class);
      storage.wallets().save(ValueBuilders.wallet(practice, PATIENT, PK1, List.of(open, givenBack, added)));
    });

    assertThat(tx(() -> storage.wallets().find(practice, PATIENT, PK1)).orElseThrow().lots())
        .as("every lot, in the order granted").containsExactly(givenBack, open, alsoUsedUp, added);
    assertThat(tx(() -> storage.wallets().balance(practice, PATIENT, PK1))).isEqualTo(9);
    assertThat(tx(() -> storage.wallets().lock(practice, PATIENT, PK1)).lots())
        .containsExactly(givenBack, open, added);
  }

  @Test
  void lotsGrantedAtTheSameInstantKeepTheOrderTheyWereSavedIn() {
    walletPackages();

    // One invoice with several lines grants its lots in one instant; their order must be stable.
    Lot line1 = invoiceLot(practice, PATIENT, PK1, "z-line-1", 2, 2, at(10));
    Lot line2 = invoiceLot(practice, PATIENT, PK1, "m-line-2", 3, 3, at(10));
    Lot line3 = invoiceLot(practice, PATIENT, PK1, "a-line-3", 4, 4, at(10));
    run(() -> storage.wallets().save(ValueBuilders.wallet(practice, PATIENT, PK1, List.of(line1, line2))));
    Wallet after = ValueBuilders.wallet(practice, PATIENT, PK1, List.of(line1, line2, line3));
    run(() -> storage.wallets().save(after));

    assertThat(tx(() -> storage.wallets().find(practice, PATIENT, PK1)).orElseThrow().lots())
        .containsExactly(line1, line2, line3);
  }

  @Test
  void theBalanceIsTheStoredOneAndZeroWithoutAWallet() {
    walletPackages();

    run(() -> storage.wallets().save(ValueBuilders.wallet(practice, PATIENT, PK1,
        List.of(invoiceLot(practice, PATIENT, PK1, "lot-1", 10, 6, at(1)),
            importLot(practice, PATIENT, PK1, "lot-2", 2, 1, at(2), null)))));

    assertThat(tx(() -> storage.wallets().balance(practice, PATIENT, PK1))).isEqualTo(7);
    assertThat(tx(() -> storage.wallets().balance(practice, OTHER_PATIENT, PK1))).isZero();
    assertThat(tx(() -> storage.wallets().balance(practice, PATIENT, PackageId.of("pk-2")))).isZero();
    assertThat(tx(() -> storage.wallets().balance(otherPractice, PATIENT, PK1))).isZero();
  }

  @Test
  void ofPatientListsThePatientsWalletsOrderedByPackageId() {
    walletPackages();

    PackageId a = PackageId.of("a-pk");
    PackageId b = PackageId.of("b-pk");
    Wallet wb = ValueBuilders.wallet(practice, PATIENT, b, List.of(invoiceLot(practice, PATIENT, b, "lot-b", 1, 1, at(1))));
    Wallet wa = ValueBuilders.wallet(practice, PATIENT, a, List.of(invoiceLot(practice, PATIENT, a, "lot-a", 2, 2, at(2))));
    Wallet someoneElse = ValueBuilders.wallet(practice, OTHER_PATIENT, a,
        List.of(invoiceLot(practice, OTHER_PATIENT, a, "lot-o", 2, 2, at(3))));
    Wallet elsewhere = ValueBuilders.wallet(otherPractice, PATIENT, a,
        List.of(invoiceLot(otherPractice, PATIENT, a, "lot-e", 2, 2, at(3))));
    run(() -> List.of(wb, wa, someoneElse, elsewhere).forEach(storage.wallets()::save));

    assertThat(tx(() -> storage.wallets().ofPatient(practice, PATIENT))).containsExactly(wa, wb);
    assertThat(tx(() -> storage.wallets().ofPatient(otherPractice, PATIENT))).containsExactly(elsewhere);
  }

  @Test
  void lotsOfCountsThePackagesLotsInThePractice() {
    walletPackages();

    PackageId other = PackageId.of("pk-2");
    run(() -> {
      storage.wallets().save(ValueBuilders.wallet(practice, PATIENT, PK1, List.of(
          invoiceLot(practice, PATIENT, PK1, "lot-1", 1, 0, at(1)),
          invoiceLot(practice, PATIENT, PK1, "lot-2", 1, 1, at(2)))));
      storage.wallets().save(ValueBuilders.wallet(practice, OTHER_PATIENT, PK1, List.of(
          invoiceLot(practice, OTHER_PATIENT, PK1, "lot-3", 1, 1, at(3)))));
      storage.wallets().save(ValueBuilders.wallet(practice, PATIENT, other, List.of(
          invoiceLot(practice, PATIENT, other, "lot-4", 1, 1, at(4)))));
      storage.wallets().save(ValueBuilders.wallet(otherPractice, PATIENT, PK1, List.of(
          invoiceLot(otherPractice, PATIENT, PK1, "lot-5", 1, 1, at(5)))));
    });

    assertThat(tx(() -> storage.wallets().lotsOf(practice, PK1))).isEqualTo(3);
    assertThat(tx(() -> storage.wallets().lotsOf(practice, other))).isEqualTo(1);
    assertThat(tx(() -> storage.wallets().lotsOf(practice, PackageId.of("none")))).isZero();
  }

  @Test
  void withExpiredCreditsFindsWalletsHoldingCreditsOfALotThatExpiredBeforeTheDay() {
    walletPackages();

    LocalDate day = LocalDate.of(2026, 6, 1);
    PackageId other = PackageId.of("pk-2");
    PackageId third = PackageId.of("pk-3");
    run(() -> {
      // Expired the day before, credits left: found.
      storage.wallets().save(ValueBuilders.wallet(practice, PATIENT, PK1, List.of(
          importLot(practice, PATIENT, PK1, "lot-1", 5, 2, at(1), day.minusDays(1)),
          importLot(practice, PATIENT, PK1, "lot-2", 5, 5, at(2), null))));
      // Last day is the day itself: not yet expired.
      storage.wallets().save(ValueBuilders.wallet(practice, OTHER_PATIENT, PK1, List.of(
          importLot(practice, OTHER_PATIENT, PK1, "lot-3", 5, 5, at(3), day))));
      // Expired long ago but used up: nothing to expire.
      storage.wallets().save(ValueBuilders.wallet(practice, PATIENT, other, List.of(
          importLot(practice, PATIENT, other, "lot-4", 5, 0, at(4), day.minusYears(1)))));
      // Expired, credits left, in a second package of another patient: found.
      storage.wallets().save(ValueBuilders.wallet(practice, OTHER_PATIENT, third, List.of(
          invoiceLot(practice, OTHER_PATIENT, third, "lot-5", 5, 5, at(5)),
          importLot(practice, OTHER_PATIENT, third, "lot-6", 5, 1, at(6), day.minusDays(30)))));
      // Another practice: never found.
      storage.wallets().save(ValueBuilders.wallet(otherPractice, PATIENT, PK1, List.of(
          importLot(otherPractice, PATIENT, PK1, "lot-7", 5, 5, at(7), day.minusDays(2)))));
    });

    assertThat(tx(() -> storage.wallets().withExpiredCredits(practice, day)))
        .containsExactlyInAnyOrder(new WalletKey(PATIENT, PK1), new WalletKey(OTHER_PATIENT, third));
    assertThat(tx(() -> storage.wallets().withExpiredCredits(practice, day.plusDays(1))))
        .containsExactlyInAnyOrder(new WalletKey(PATIENT, PK1), new WalletKey(OTHER_PATIENT, PK1),
            new WalletKey(OTHER_PATIENT, third));
    assertThat(tx(() -> storage.wallets().withExpiredCredits(practice, day.minusDays(30)))).isEmpty();
  }

  @Test
  void practicesDoNotSeeOrChangeEachOthersWallets() {
    walletPackages();

    Wallet mine = ValueBuilders.wallet(practice, PATIENT, PK1, List.of(invoiceLot(practice, PATIENT, PK1, "lot-1", 5, 5, at(1))));
    Wallet theirs = ValueBuilders.wallet(otherPractice, PATIENT, PK1,
        List.of(invoiceLot(otherPractice, PATIENT, PK1, "lot-1", 9, 9, at(1))));
    run(() -> {
      storage.wallets().save(mine);
      storage.wallets().save(theirs);
    });
    Lot spent = ValueBuilders.lot().from(mine.lots().get(0)).creditsRemaining(0)
        .recognisedRevenue(mine.lots().get(0).deferredValue()).build();
    run(() -> storage.wallets().save(ValueBuilders.wallet(practice, PATIENT, PK1, List.of(spent))));

    assertThat(tx(() -> storage.wallets().find(otherPractice, PATIENT, PK1))).contains(theirs);
    assertThat(tx(() -> storage.wallets().balance(otherPractice, PATIENT, PK1))).isEqualTo(9);
    assertThat(tx(() -> storage.wallets().balance(practice, PATIENT, PK1))).isZero();
  }

  // ---------------------------------------------------------------------------------------------
  // Appointments

  private static final List<Allocation> TWO_ALLOCATIONS = List.of(
      new Allocation(LotId.of("lot-2"), 2, eur("66.66")),
      new Allocation(LotId.of("lot-1"), 1, eur("33.34")));

  @Test
  void findsNothingForAnUnknownAppointment() {
    seedBothPractices();

    assertThat(tx(() -> storage.appointments().find(practice, AppointmentId.of("A-0")))).isEmpty();
    assertThat(tx(() -> storage.appointments().lock(practice, AppointmentId.of("A-0")))).isEmpty();
  }

  @Test
  void anAppointmentRoundTripsWithItsAllocationsInOrder() {
    seedBothPractices();

    Appointment covered = appointment(practice, "A-1", TWO_ALLOCATIONS);
    Appointment notLinked = appointment(practice, "A-2", List.of());
    Appointment uncovered = ValueBuilders.appointment().from(appointment(practice, "A-3", List.of()))
        .coverage(Appointment.Coverage.UNCOVERED).packageId(PackageId.of("pk-1")).cost(2).build();
    run(() -> List.of(covered, notLinked, uncovered).forEach(storage.appointments()::insert));

    for (Appointment a : List.of(covered, notLinked, uncovered)) {
      assertThat(tx(() -> storage.appointments().find(practice, a.id()))).contains(a);
      assertThat(tx(() -> storage.appointments().lock(practice, a.id()))).contains(a);
    }
  }

  @Test
  void anUpdateReplacesStatusTypeOutcomeAllocationsAndRevenueAccount() {
    seedBothPractices();

    Appointment covered = appointment(practice, "A-1", TWO_ALLOCATIONS);
    run(() -> storage.appointments().insert(covered));

    Appointment changed = ValueBuilders.appointment().from(covered)
        .typeId(AppointmentTypeId.of("T2"))
        .allocations(List.of(new Allocation(LotId.of("lot-3"), 3, eur("0.00"))))
        .cost(3)
        .changedAt(at(99))
        .changedBy(UserId.of("practitioner-1"))
        .build();
    run(() -> storage.appointments().update(changed));
    assertThat(tx(() -> storage.appointments().find(practice, covered.id()))).contains(changed);

    Appointment cancelled = ValueBuilders.appointment().from(changed)
        .status(Appointment.Status.CANCELLED)
        .cancelOutcome(Appointment.CancelOutcome.GIVEN_BACK)
        .changedAt(at(100))
        .build();
    run(() -> storage.appointments().update(cancelled));
    assertThat(tx(() -> storage.appointments().lock(practice, covered.id()))).contains(cancelled);

    Appointment noShow = ValueBuilders.appointment().from(changed)
        .status(Appointment.Status.NO_SHOW)
        .cancelOutcome(Appointment.CancelOutcome.FORFEITED)
        .changedAt(at(101))
        .build();
    run(() -> storage.appointments().update(noShow));
    assertThat(tx(() -> storage.appointments().lock(practice, covered.id()))).contains(noShow);

    Appointment unlinked = ValueBuilders.appointment().from(changed)
        .allocations(List.of()).packageId(Optional.empty()).coverage(Appointment.Coverage.NOT_LINKED).cost(0)
        .build();
    run(() -> storage.appointments().update(unlinked));
    assertThat(tx(() -> storage.appointments().find(practice, covered.id()))).contains(unlinked);
  }

  @Test
  void theScheduleAnswerIsKeptWhileTheAllocationsChange() {
    seedBothPractices();
    Appointment scheduled = appointment(practice, "A-1", TWO_ALLOCATIONS);
    Appointment covered = ValueBuilders.appointment().from(scheduled).scheduleAnswer(new ScheduleResult.Covered(
        scheduled.id(), PackageId.of("pk-1"), 3, TWO_ALLOCATIONS)).build();
    run(() -> storage.appointments().insert(covered));
    assertThat(tx(() -> storage.appointments().find(practice, covered.id()))).contains(covered);

    Appointment changed = ValueBuilders.appointment().from(covered).typeId(AppointmentTypeId.of("T2"))
        .allocations(List.of(new Allocation(LotId.of("lot-3"), 1, eur("12.50")))).cost(1).changedAt(at(99)).build();
    Appointment unlinked = ValueBuilders.appointment().from(changed).allocations(List.of()).packageId(Optional.empty())
        .coverage(Appointment.Coverage.NOT_LINKED).cost(0).changedAt(at(100)).build();
    Appointment back = ValueBuilders.appointment().from(covered).changedAt(at(101)).build();
    Appointment cancelled = ValueBuilders.appointment().from(unlinked).status(Appointment.Status.CANCELLED)
        .cancelOutcome(Appointment.CancelOutcome.NOTHING_TO_GIVE_BACK).changedAt(at(102)).build();
    for (Appointment next : List.of(changed, unlinked, back, changed, cancelled)) {
      run(() -> {
        storage.appointments().lock(practice, covered.id());
        storage.appointments().update(next);
      });
      assertThat(tx(() -> storage.appointments().find(practice, covered.id()))).contains(next);
      assertThat(tx(() -> storage.appointments().lock(practice, covered.id()))).contains(next);
    }
  }

  @Test
  void everyKindOfScheduleAnswerRoundTrips() {
    seedBothPractices();
    Appointment base = appointment(practice, "A-1", List.of());
    Appointment notCovered = ValueBuilders.appointment().from(base).typeId(AppointmentTypeId.of("T2"))
        .scheduleAnswer(new ScheduleResult.NotCovered(base.id(), base.scheduledTypeId())).build();
    Appointment uncovered = ValueBuilders.appointment().from(appointment(practice, "A-2", List.of()))
        .scheduleAnswer(new ScheduleResult.Uncovered(AppointmentId.of("A-2"), PackageId.of("pk-1"), 4)).build();
    // Stored only after its type changed: the answer's allocations are not its current ones.
    Appointment changedBeforeStored = ValueBuilders.appointment().from(appointment(practice, "A-3", List.of()))
        .scheduleAnswer(new ScheduleResult.Covered(AppointmentId.of("A-3"), PackageId.of("pk-1"), 3, TWO_ALLOCATIONS))
        .build();
    run(() -> List.of(notCovered, uncovered, changedBeforeStored).forEach(storage.appointments()::insert));

    for (Appointment a : List.of(notCovered, uncovered, changedBeforeStored)) {
      assertThat(tx(() -> storage.appointments().find(practice, a.id()))).contains(a);
    }
  }

  @Test
  void insertingAnAppointmentTwiceThrowsTransientAndKeepsTheFirst() {
    seedBothPractices();

    Appointment first = appointment(practice, "A-1", TWO_ALLOCATIONS);
    run(() -> storage.appointments().insert(first));

    Throwable thrown = catchThrowable(() -> run(() -> storage.appointments().insert(
        appointment(practice, "A-1", List.of()))));

    assertThat(thrown).isInstanceOf(TransientException.class);
    assertThat(tx(() -> storage.appointments().find(practice, first.id()))).contains(first);
  }

  @Test
  void practicesDoNotSeeOrChangeEachOthersAppointments() {
    seedBothPractices();

    Appointment mine = appointment(practice, "A-1", TWO_ALLOCATIONS);
    Appointment theirs = appointment(otherPractice, "A-1", List.of());
    run(() -> {
      storage.appointments().insert(mine);
      storage.appointments().insert(theirs);
    });
    run(() -> storage.appointments().update(ValueBuilders.appointment().from(mine)
        .status(Appointment.Status.CANCELLED).cancelOutcome(Appointment.CancelOutcome.GIVEN_BACK).build()));

    assertThat(tx(() -> storage.appointments().find(otherPractice, mine.id()))).contains(theirs);
  }

  // ---------------------------------------------------------------------------------------------
  // GrantReceipts

  private static final List<LotGrant> TWO_GRANTS = List.of(
      new LotGrant(LotId.of("lot-4"), PK2, 10, eur("35.00"), eur("349.99")),
      new LotGrant(LotId.of("lot-1"), PK1, 1, eur("0.00"), eur("0.00")));

  private GrantReceipt receipt(PracticeId practice, GrantReceipt.Kind kind, String key, List<LotGrant> grants) {
    return new GrantReceipt(practice, kind, key, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        grants, at(77));
  }

  @Test
  void aReceiptRoundTripsWithItsGrantsInOrder() {
    seedBothPractices();

    GrantReceipt payment = receipt(practice, GrantReceipt.Kind.PAYMENT, "F-1", TWO_GRANTS);
    GrantReceipt nothingLinked = receipt(practice, GrantReceipt.Kind.PAYMENT, "F-2", List.of());
    GrantReceipt anImport = receipt(practice, GrantReceipt.Kind.IMPORT, "F-1", TWO_GRANTS.subList(0, 1));
    run(() -> List.of(payment, nothingLinked, anImport).forEach(storage.grantReceipts()::insert));

    assertThat(tx(() -> storage.grantReceipts().find(practice, GrantReceipt.Kind.PAYMENT, "F-1"))).contains(payment);
    assertThat(tx(() -> storage.grantReceipts().find(practice, GrantReceipt.Kind.PAYMENT, "F-2")))
        .contains(nothingLinked);
    assertThat(tx(() -> storage.grantReceipts().find(practice, GrantReceipt.Kind.IMPORT, "F-1"))).contains(anImport);
    assertThat(tx(() -> storage.grantReceipts().find(practice, GrantReceipt.Kind.IMPORT, "F-2"))).isEmpty();
  }

  @Test
  void insertingAReceiptTwiceThrowsTransientAndKeepsTheFirst() {
    seedBothPractices();

    GrantReceipt first = receipt(practice, GrantReceipt.Kind.PAYMENT, "F-1", TWO_GRANTS);
    run(() -> storage.grantReceipts().insert(first));

    Throwable thrown = catchThrowable(() -> run(() -> storage.grantReceipts().insert(
        receipt(practice, GrantReceipt.Kind.PAYMENT, "F-1", List.of()))));

    assertThat(thrown).isInstanceOf(TransientException.class);
    assertThat(tx(() -> storage.grantReceipts().find(practice, GrantReceipt.Kind.PAYMENT, "F-1"))).contains(first);
  }

  @Test
  void practicesDoNotSeeEachOthersReceipts() {
    seedBothPractices();

    GrantReceipt mine = receipt(practice, GrantReceipt.Kind.PAYMENT, "F-1", TWO_GRANTS);
    GrantReceipt theirs = receipt(otherPractice, GrantReceipt.Kind.PAYMENT, "F-1", List.of());
    run(() -> {
      storage.grantReceipts().insert(mine);
      storage.grantReceipts().insert(theirs);
    });

    assertThat(tx(() -> storage.grantReceipts().find(otherPractice, GrantReceipt.Kind.PAYMENT, "F-1")))
        .contains(theirs);
    assertThat(tx(() -> storage.grantReceipts().find(uniquePractice(), GrantReceipt.Kind.PAYMENT, "F-1")))
        .isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // History

  @Test
  void movementsComeBackInTheOrderTheyWereAppendedWithEveryField() {
    seedBothPractices();

    // Same instant and ids in descending order: only the append order can tell them apart.
    Movement granted = movement(practice, PATIENT, "m-3", MovementKind.GRANTED, 10, eur("0.00"), at(5));
    Movement spent = movement(practice, PATIENT, "m-2", MovementKind.SPENT, 2, eur("66.66"), at(5));
    Movement givenBack = movement(practice, PATIENT, "m-1", MovementKind.GIVEN_BACK, 2, eur("-66.66"), at(5));
    Movement expired = movement(practice, PATIENT, "m-0", MovementKind.EXPIRED, 8, eur("266.64"), at(6));
    run(() -> {
      storage.history().append(granted);
      storage.history().append(spent);
    });
    run(() -> {
      storage.history().append(givenBack);
      storage.history().append(expired);
    });

    assertThat(tx(() -> Pages.all(r -> storage.history().ofPatient(practice, PATIENT, r))))
        .containsExactly(granted, spent, givenBack, expired);
  }

  @Test
  void everyKindAndTheLongestReasonRoundTrip() {
    seedBothPractices();

    // A late cancellation's reason is the host's reason (up to 500) plus the policy it applied.
    for (MovementKind kind : MovementKind.values()) {
      Movement m = ValueBuilders.movement().from(movement(practice, PATIENT, "m-" + kind, kind, 1, eur("0.00"), at(1)))
          .reason(longest('r', 600))
          .sourceKey("appointment:" + longest('a', 64))
          .build();
      run(() -> storage.history().append(m));
    }

    assertThat(tx(() -> Pages.all(r -> storage.history().ofPatient(practice, PATIENT, r))))
        .extracting(Movement::kind).containsExactly(MovementKind.values());
    assertThat(tx(() -> Pages.all(r -> storage.history().ofPatient(practice, PATIENT, r))))
        .allSatisfy(m -> assertThat(m.reason()).hasSize(600));
  }

  @Test
  void aPatientsHistoryHoldsOnlyTheirMovementsInTheirPractice() {
    seedBothPractices();

    Movement mine = movement(practice, PATIENT, "m-1", MovementKind.GRANTED, 1, eur("0.00"), at(1));
    Movement someoneElse = movement(practice, OTHER_PATIENT, "m-2", MovementKind.GRANTED, 1, eur("0.00"), at(1));
    Movement elsewhere = movement(otherPractice, PATIENT, "m-1", MovementKind.GRANTED, 1, eur("0.00"), at(1));
    run(() -> List.of(mine, someoneElse, elsewhere).forEach(storage.history()::append));

    assertThat(tx(() -> Pages.all(r -> storage.history().ofPatient(practice, PATIENT, r)))).containsExactly(mine);
    assertThat(tx(() -> Pages.all(r -> storage.history().ofPatient(otherPractice, PATIENT, r)))).containsExactly(elsewhere);
    assertThat(tx(() -> Pages.all(r -> storage.history().ofPatient(practice, PatientId.of("nobody"), r)))).isEmpty();
  }

  @Test
  void pagingThroughTheHistoryInSmallPagesGivesTheSameSequenceAsOneBigPage() {
    seedBothPractices();

    for (int t = 0; t < 4; t++) {
      int first = t * 6;
      run(() -> {
        for (int i = first; i < first + 6; i++) {
          storage.history().append(movement(practice, PATIENT, "m-" + (99 - i), MovementKind.SPENT, 1, eur("1.00"),
              at(i % 4)));
          storage.history().append(movement(practice, OTHER_PATIENT, "o-" + i, MovementKind.SPENT, 1, eur("1.00"),
              at(i)));
        }
      });
    }

    Page<Movement> whole = tx(() -> storage.history().ofPatient(practice, PATIENT, PageRequest.first(PageRequest.MAX_SIZE)));
    assertThat(whole.items()).hasSize(24);
    assertThat(whole.next()).isEmpty();
    for (int size : new int[] {1, 2, 5, 23, 24, 25}) {
      assertThat(tx(() -> Pages.all(PageRequest.first(size), r -> storage.history().ofPatient(practice, PATIENT, r))))
          .as("pages of %d", size).isEqualTo(whole.items());
    }
  }

  @Test
  void movementsAppendedWhilePagingComeOnALaterPageNeverTwice() {
    seedBothPractices();

    List<Movement> all = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      all.add(movement(practice, PATIENT, "m-" + i, MovementKind.SPENT, 1, eur("1.00"), at(i)));
    }
    run(() -> all.subList(0, 3).forEach(storage.history()::append));

    Page<Movement> first = tx(() -> storage.history().ofPatient(practice, PATIENT, PageRequest.first(2)));
    run(() -> all.subList(3, 5).forEach(storage.history()::append));
    List<Movement> rest = tx(() -> Pages.all(first.next().orElseThrow(),
        r -> storage.history().ofPatient(practice, PATIENT, r)));

    assertThat(first.items()).containsExactlyElementsOf(all.subList(0, 2));
    assertThat(rest).containsExactlyElementsOf(all.subList(2, 5));
  }

  @Test
  void aCursorThatNoReadReturnedIsInvalidInputNamingAfter() {
    seedBothPractices();

    for (String cursor : new String[] {"x", "-1", "0", "2026-01-01T00:00:00Z"}) {
      assertThat(catchThrowable(() -> tx(() -> storage.history().ofPatient(practice, PATIENT,
          PageRequest.first(5).after(cursor)))))
          .as(cursor).isInstanceOf(InvalidInputException.class).hasMessageContaining("after");
    }
    for (String cursor : new String[] {"x", "7", "2026-01-01T00:00:00Z/x", "yesterday/3"}) {
      assertThat(catchThrowable(() -> tx(() -> storage.journal().entries(practice, Instant.EPOCH, at(9),
          PageRequest.first(5).after(cursor)))))
          .as(cursor).isInstanceOf(InvalidInputException.class).hasMessageContaining("after");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Journal

  @Test
  void pagingThroughTheJournalInSmallPagesGivesTheSameSequenceAsOneBigPageInTimeThenBookingOrder() {
    seedBothPractices();

    // Booked out of time order on purpose (a host's clock may step back): the order is (at, booking order).
    List<JournalEntry> booked = new java.util.ArrayList<>();
    int[] minutes = {5, 3, 5, 4, 3, 9, 5, 0, 3, 7, 7, 1};
    for (int i = 0; i < minutes.length; i++) {
      booked.add(entry(practice, "j-" + (50 - i), at(minutes[i]), eur("1.00")));
    }
    run(() -> booked.subList(0, 6).forEach(storage.journal()::append));
    run(() -> storage.journal().append(entry(otherPractice, "j-x", at(5), eur("1.00"))));
    run(() -> booked.subList(6, booked.size()).forEach(storage.journal()::append));
    List<JournalEntry> expected = new java.util.ArrayList<>(booked);
    expected.sort(java.util.Comparator.comparing(JournalEntry::at)); // stable: booking order within an instant

    Page<JournalEntry> whole = tx(() -> storage.journal().entries(practice, Instant.EPOCH, at(60),
        PageRequest.first(PageRequest.MAX_SIZE)));
    assertThat(whole.items()).containsExactlyElementsOf(expected);
    assertThat(whole.next()).isEmpty();
    for (int size : new int[] {1, 2, 3, 11, 12, 13}) {
      assertThat(tx(() -> Pages.all(PageRequest.first(size),
          r -> storage.journal().entries(practice, Instant.EPOCH, at(60), r))))
          .as("pages of %d", size).isEqualTo(whole.items());
      assertThat(tx(() -> Pages.all(PageRequest.first(size), r -> storage.journal().entries(practice, at(3), at(7), r))))
          .as("a window in pages of %d", size)
          .isEqualTo(expected.stream().filter(e -> !e.at().isBefore(at(3)) && e.at().isBefore(at(7))).toList());
    }
  }


  @Test
  void entriesReturnsTheWindowFromInclusiveToExclusiveInBookingOrder() {
    seedBothPractices();

    JournalEntry before = entry(practice, "j-1", at(0), eur("1.00"));
    JournalEntry first = entry(practice, "j-9", at(10), eur("33.33"));
    JournalEntry sameInstant = entry(practice, "j-5", at(10), eur("0.01"));
    JournalEntry last = entry(practice, "j-2", at(19), eur("12345678.90"));
    JournalEntry after = entry(practice, "j-3", at(20), eur("2.00"));
    run(() -> List.of(before, first, sameInstant, last, after).forEach(storage.journal()::append));

    assertThat(tx(() -> Pages.all(r -> storage.journal().entries(practice, at(10), at(20), r))))
        .containsExactly(first, sameInstant, last);
    assertThat(tx(() -> Pages.all(r -> storage.journal().entries(practice, Instant.EPOCH, at(21), r))))
        .containsExactly(before, first, sameInstant, last, after);
    assertThat(tx(() -> Pages.all(r -> storage.journal().entries(practice, at(11), at(19), r)))).isEmpty();
  }

  @Test
  void anEntryRoundTripsWithItsLinesInOrder() {
    seedBothPractices();

    JournalEntry grant = new JournalEntry("j-1", practice, at(3), EntryKind.SALE, PATIENT, PackageId.of("pk-1"),
        LotId.of("lot-1"),
        "invoice:F-1#1", "Credits sold, revenue deferred (10 credits)",
        List.of(new JournalLine("1300", AccountRole.PAYMENTS_CLEARING, Side.DEBIT, eur("350.00")),
            new JournalLine("1710", AccountRole.DEFERRED_REVENUE, Side.CREDIT, eur("349.99")),
            new JournalLine("8900", AccountRole.IMPORTS_OFFSET, Side.CREDIT, eur("0.01"))));
    run(() -> storage.journal().append(grant));

    assertThat(tx(() -> Pages.all(r -> storage.journal().entries(practice, at(3), at(4), r)))).containsExactly(grant);
  }

  @Test
  void practicesDoNotSeeEachOthersEntries() {
    seedBothPractices();

    JournalEntry mine = entry(practice, "j-1", at(1), eur("1.00"));
    JournalEntry theirs = entry(otherPractice, "j-1", at(1), eur("2.00"));
    run(() -> {
      storage.journal().append(mine);
      storage.journal().append(theirs);
    });

    assertThat(tx(() -> Pages.all(r -> storage.journal().entries(practice, Instant.EPOCH, at(2), r)))).containsExactly(mine);
    assertThat(tx(() -> Pages.all(r -> storage.journal().entries(otherPractice, Instant.EPOCH, at(2), r)))).containsExactly(theirs);
  }

  /** Every entry {@link nl.pakketten.spi.Journal#forEach} hands over, in order, read in one read-only transaction. */
  private List<JournalEntry> streamed(PracticeId practice, Instant from, Instant to) {
    List<JournalEntry> seen = new java.util.ArrayList<>();
    storage.transactions().inReadOnlyTransaction(() -> {
      storage.journal().forEach(practice, from, to, seen::add);
      return null;
    });
    return seen;
  }

  @Test
  void streamingTheJournalGivesTheEntriesOfPagingInTimeThenBookingOrder() {
    seedBothPractices();

    List<JournalEntry> booked = new java.util.ArrayList<>();
    int[] minutes = {5, 3, 5, 4, 3, 9, 5, 0, 3, 7, 7, 1};
    for (int i = 0; i < minutes.length; i++) {
      booked.add(entry(practice, "j-" + (50 - i), at(minutes[i]), eur("1.0" + (i % 10))));
    }
    run(() -> booked.subList(0, 6).forEach(storage.journal()::append));
    run(() -> storage.journal().append(entry(otherPractice, "j-x", at(5), eur("1.00"))));
    run(() -> booked.subList(6, booked.size()).forEach(storage.journal()::append));

    assertThat(streamed(practice, Instant.EPOCH, at(60)))
        .isEqualTo(tx(() -> Pages.all(r -> storage.journal().entries(practice, Instant.EPOCH, at(60), r))));
    assertThat(streamed(practice, at(3), at(7)))
        .isEqualTo(tx(() -> Pages.all(r -> storage.journal().entries(practice, at(3), at(7), r))))
        .hasSize(7);
    assertThat(streamed(otherPractice, Instant.EPOCH, at(60))).extracting(JournalEntry::id).containsExactly("j-x");
    assertThat(streamed(practice, at(7), at(7))).isEmpty();
    assertThat(streamed(practice, at(8), at(7))).isEmpty();
  }

  @Test
  void streamingKeepsEachEntrysLinesTogetherAndInOrderOverMoreRowsThanOneFetch() {
    seedBothPractices();

    // 1,500 entries of three lines: more rows than a JDBC fetch of a thousand, so entries straddle fetches.
    List<JournalEntry> booked = new java.util.ArrayList<>();
    for (int i = 0; i < 1_500; i++) {
      Money cents = eur("0.0" + (i % 9 + 1));
      booked.add(new JournalEntry("s-" + i, practice, at(i / 7), EntryKind.SALE, i % 2 == 0 ? PATIENT : null,
          i % 3 == 0 ? null : PackageId.of("pk-1"), null, "source:" + i, "entry " + i,
          List.of(new JournalLine("1300", AccountRole.PAYMENTS_CLEARING, Side.DEBIT, eur("3.00").plus(cents)),
              new JournalLine("1710", AccountRole.DEFERRED_REVENUE, Side.CREDIT, eur("3.00")),
              new JournalLine("8900", AccountRole.IMPORTS_OFFSET, Side.CREDIT, cents))));
    }
    run(() -> booked.forEach(storage.journal()::append));

    assertThat(streamed(practice, Instant.EPOCH, at(10_000))).isEqualTo(booked);
  }

  @Test
  void anExceptionOfTheSinkStopsTheStreamAndReachesTheCallerUnchanged() {
    seedBothPractices();
    run(() -> List.of(entry(practice, "j-1", at(1), eur("1.00")), entry(practice, "j-2", at(2), eur("2.00")))
        .forEach(storage.journal()::append));
    IllegalStateException stop = new IllegalStateException("the reader has had enough");
    List<JournalEntry> seen = new java.util.ArrayList<>();

    assertThat(catchThrowable(() -> storage.transactions().inReadOnlyTransaction(() -> {
      storage.journal().forEach(practice, Instant.EPOCH, at(3), e -> {
        seen.add(e);
        throw stop;
      });
      return null;
    }))).isSameAs(stop);
    assertThat(seen).extracting(JournalEntry::id).containsExactly("j-1");
  }

  // ---------------------------------------------------------------------------------------------
  // Transactions

  /** Writes a consistent set of rows through every port: package pk-1 and what refers to it. */
  private void writeToEveryPort(PracticeId practice) {
    storage.packages().insert(pkg(practice, PK1.value(), "Package 1"));
    storage.products().save(product(practice, "P-1", Optional.of(new ProductLink(PK1, 1))));
    storage.appointmentTypes().save(type(practice, "T-1", Optional.of(new AppointmentTypeLink(PK1, 1))));
    storage.wallets().save(ValueBuilders.wallet(practice, PATIENT, PK1,
        List.of(invoiceLot(practice, PATIENT, PK1, "lot-1", 3, 2, at(1)))));
    storage.appointments().insert(ValueBuilders.appointment()
        .from(appointment(practice, "A-1", List.of(new Allocation(LotId.of("lot-1"), 1, eur("33.33")))))
        .typeId(AppointmentTypeId.of("T-1"))
        .scheduledTypeId(AppointmentTypeId.of("T-1"))
        .build());
    storage.grantReceipts().insert(new GrantReceipt(practice, GrantReceipt.Kind.PAYMENT, "F-1", "fp",
        List.of(new LotGrant(LotId.of("lot-1"), PK1, 3, eur("33.33"), eur("333.30"))), at(1)));
    storage.history().append(movement(practice, PATIENT, "m-1", MovementKind.SPENT, 1, eur("33.33"), at(1)));
    storage.journal().append(entry(practice, "j-1", at(1), eur("33.33")));
  }

  private void assertNothingStored(PracticeId practice) {
    assertThat(tx(() -> storage.packages().find(practice, PK1))).isEmpty();
    assertThat(tx(() -> storage.packages().list(practice))).isEmpty();
    assertThat(tx(() -> storage.products().find(practice, ProductCode.of("P-1")))).isEmpty();
    assertThat(tx(() -> storage.products().linkedTo(practice, PK1))).isEmpty();
    assertThat(tx(() -> storage.appointmentTypes().find(practice, AppointmentTypeId.of("T-1")))).isEmpty();
    assertThat(tx(() -> storage.appointmentTypes().linkedTo(practice, PK1))).isEmpty();
    assertThat(tx(() -> storage.wallets().find(practice, PATIENT, PK1))).isEmpty();
    assertThat(tx(() -> storage.wallets().balance(practice, PATIENT, PK1))).isZero();
    assertThat(tx(() -> storage.wallets().lotsOf(practice, PK1))).isZero();
    assertThat(tx(() -> storage.wallets().ofPatient(practice, PATIENT))).isEmpty();
    assertThat(tx(() -> storage.appointments().find(practice, AppointmentId.of("A-1")))).isEmpty();
    assertThat(tx(() -> storage.grantReceipts().find(practice, GrantReceipt.Kind.PAYMENT, "F-1"))).isEmpty();
    assertThat(tx(() -> Pages.all(r -> storage.history().ofPatient(practice, PATIENT, r)))).isEmpty();
    assertThat(tx(() -> Pages.all(r -> storage.journal().entries(practice, Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z"), r))))
        .isEmpty();
  }

  @Test
  void aCommittedTransactionReturnsItsResultAndItsWritesStay() {
    String result = tx(() -> {
      writeToEveryPort(practice);
      return "done";
    });

    assertThat(result).isEqualTo("done");
    assertThat(tx(() -> storage.packages().list(practice))).hasSize(1);
    assertThat(tx(() -> storage.wallets().balance(practice, PATIENT, PK1))).isEqualTo(2);
    assertThat(tx(() -> Pages.all(r -> storage.history().ofPatient(practice, PATIENT, r)))).hasSize(1);
  }

  @Test
  void workSeesItsOwnWritesBeforeItCommits() {
    run(() -> {
      writeToEveryPort(practice);
      assertThat(storage.packages().find(practice, PackageId.of("pk-1"))).isPresent();
      assertThat(storage.wallets().lock(practice, PATIENT, PK1).balance()).isEqualTo(2);
      assertThat(storage.appointments().lock(practice, AppointmentId.of("A-1"))).isPresent();
      assertThat(storage.grantReceipts().find(practice, GrantReceipt.Kind.PAYMENT, "F-1")).isPresent();
      assertThat(Pages.all(r -> storage.history().ofPatient(practice, PATIENT, r))).hasSize(1);
    });
  }

  @Test
  void aThrowingTransactionLeavesNoTraceInAnyPortAndRethrowsTheSameException() {
    IllegalStateException failure = new IllegalStateException("boom");

    Throwable thrown = catchThrowable(() -> run(() -> {
      writeToEveryPort(practice);
      throw failure;
    }));

    assertThat(thrown).isSameAs(failure);
    assertNothingStored(practice);
  }

  @Test
  void aThrowingTransactionRestoresWhatItUpdatedOrDeleted() {
    run(() -> writeToEveryPort(practice));
    CreditPackage spare = insertPackage(practice, "spare", "Spare");
    CreditPackage pkgBefore = tx(() -> storage.packages().find(practice, PackageId.of("pk-1")).orElseThrow());
    Wallet walletBefore = tx(() -> storage.wallets().find(practice, PATIENT, PK1).orElseThrow());
    Appointment appointmentBefore = tx(() -> storage.appointments().find(practice, AppointmentId.of("A-1"))
        .orElseThrow());
    Product productBefore = tx(() -> storage.products().find(practice, ProductCode.of("P-1")).orElseThrow());

    assertThatThrownBy(() -> run(() -> {
      storage.packages().update(pkgBefore.withName("Changed").withActive(false));
      storage.products().save(ValueBuilders.product().from(productBefore).link(Optional.empty()).build());
      Lot lot = walletBefore.lots().get(0);
      storage.wallets().save(ValueBuilders.wallet(practice, PATIENT, PK1, List.of(
          ValueBuilders.lot().from(lot).creditsRemaining(0).recognisedRevenue(lot.deferredValue()).build(),
          importLot(practice, PATIENT, PK1, "lot-new", 1, 1, at(2), null))));
      storage.appointments().update(ValueBuilders.appointment().from(appointmentBefore)
          .status(Appointment.Status.CANCELLED).cancelOutcome(Appointment.CancelOutcome.GIVEN_BACK).build());
      storage.packages().delete(practice, spare.id());
      throw new IllegalStateException("boom");
    })).hasMessage("boom");

    assertThat(tx(() -> storage.packages().find(practice, PackageId.of("pk-1")))).contains(pkgBefore);
    assertThat(tx(() -> storage.packages().find(practice, spare.id()))).contains(spare);
    assertThat(tx(() -> storage.products().find(practice, ProductCode.of("P-1")))).contains(productBefore);
    assertThat(tx(() -> storage.wallets().find(practice, PATIENT, PK1))).contains(walletBefore);
    assertThat(tx(() -> storage.wallets().balance(practice, PATIENT, PK1))).isEqualTo(2);
    assertThat(tx(() -> storage.wallets().lotsOf(practice, PK1))).isEqualTo(1);
    assertThat(tx(() -> storage.appointments().find(practice, AppointmentId.of("A-1"))))
        .contains(appointmentBefore);
  }

  @Test
  void aNestedTransactionJoinsTheOuterOne() {
    Throwable thrown = catchThrowable(() -> run(() -> {
      storage.packages().insert(pkg(practice, "outer", "Outer"));
      String inner = tx(() -> {
        assertThat(storage.packages().find(practice, PackageId.of("outer"))).isPresent();
        storage.packages().insert(pkg(practice, "inner", "Inner"));
        return "inner done";
      });
      assertThat(inner).isEqualTo("inner done");
      assertThat(storage.packages().find(practice, PackageId.of("inner"))).isPresent();
      throw new IllegalStateException("outer fails after the inner one returned");
    }));

    assertThat(thrown).hasMessageContaining("outer fails");
    assertThat(tx(() -> storage.packages().list(practice))).isEmpty();

    run(() -> {
      storage.packages().insert(pkg(practice, "outer", "Outer"));
      run(() -> storage.packages().insert(pkg(practice, "inner", "Inner")));
    });
    assertThat(tx(() -> storage.packages().list(practice))).extracting(CreditPackage::name)
        .containsExactly("Inner", "Outer");
  }

  @Test
  void aFailureInOnePracticeDoesNotTouchAnother() {
    run(() -> writeToEveryPort(otherPractice));

    assertThatThrownBy(() -> run(() -> {
      writeToEveryPort(practice);
      throw new IllegalStateException("boom");
    })).hasMessage("boom");

    assertNothingStored(practice);
    assertThat(tx(() -> storage.packages().list(otherPractice))).hasSize(1);
    assertThat(tx(() -> Pages.all(r -> storage.history().ofPatient(otherPractice, PATIENT, r)))).hasSize(1);
  }
}
