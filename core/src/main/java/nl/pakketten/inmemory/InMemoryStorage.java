package nl.pakketten.inmemory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import nl.pakketten.appointments.Appointment;
import nl.pakketten.catalog.AppointmentType;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.catalog.Product;
import nl.pakketten.catalog.ProductCode;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.LotId;
import nl.pakketten.common.Page;
import nl.pakketten.common.PageRequest;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.granting.GrantReceipt;
import nl.pakketten.invoicing.DocumentKind;
import nl.pakketten.invoicing.MailTemplate;
import nl.pakketten.invoicing.PracticeProfile;
import nl.pakketten.revenue.JournalEntry;
import nl.pakketten.sale.InvoicePayment;
import nl.pakketten.sale.PaymentReference;
import nl.pakketten.sale.ProductInvoice;
import nl.pakketten.spi.AppointmentTypes;
import nl.pakketten.spi.Appointments;
import nl.pakketten.spi.GrantReceipts;
import nl.pakketten.spi.Reversals;
import nl.pakketten.spi.Transfers;
import nl.pakketten.granting.PaymentReversal;
import nl.pakketten.granting.ReversalId;
import nl.pakketten.wallet.CreditTransfer;
import nl.pakketten.wallet.TransferId;
import nl.pakketten.spi.History;
import nl.pakketten.spi.Invoices;
import nl.pakketten.spi.Journal;
import nl.pakketten.spi.MailTemplates;
import nl.pakketten.spi.Outbox;
import nl.pakketten.spi.Packages;
import nl.pakketten.spi.PracticeProfiles;
import nl.pakketten.spi.Products;
import nl.pakketten.spi.Storage;
import nl.pakketten.spi.Transactions;
import nl.pakketten.spi.TransientException;
import nl.pakketten.spi.ValueBuilders;
import nl.pakketten.spi.Wallets;
import nl.pakketten.revenue.AccountRole;
import nl.pakketten.revenue.JournalLine;
import nl.pakketten.revenue.Side;
import nl.pakketten.spi.History.ValuedMovement;
import nl.pakketten.wallet.CreditBalance;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.MovementKind;
import nl.pakketten.wallet.Movement;
import nl.pakketten.wallet.Wallet;
import org.joda.money.Money;

/**
 * A thread-safe {@link Storage} in memory: for tests, examples and hosts that keep nothing. Its
 * transactions are serialized by one lock and rolled back on failure, so it keeps every invariant
 * the database adapters keep. Data is lost when the process ends.
 */
public final class InMemoryStorage implements Storage {
  private final Store store = new Store();
  private final Packages packages = new InMemoryPackages(store);
  private final Products products = new InMemoryProducts(store);
  private final AppointmentTypes types = new InMemoryAppointmentTypes(store);
  private final InMemoryWallets wallets = new InMemoryWallets(store);
  private final Appointments appointments = new InMemoryAppointments(store);
  private final GrantReceipts receipts = new InMemoryGrantReceipts(store);
  private final Reversals reversals = new InMemoryReversals(store);
  private final Transfers transfers = new InMemoryTransfers(store);
  private final nl.pakketten.spi.Refunds refunds = new InMemoryRefunds(store);
  private final nl.pakketten.spi.ExpiryNotices expiryNotices = new InMemoryExpiryNotices(store);
  private final InMemoryJournal journal = new InMemoryJournal(store);
  private final History history = new InMemoryHistory(store, journal, wallets);
  private final PracticeProfiles profiles = new InMemoryPracticeProfiles(store);
  private final Invoices invoices = new InMemoryInvoices(store);
  private final MailTemplates templates = new InMemoryMailTemplates(store);
  private final Outbox outbox = new InMemoryOutbox(store);

  private InMemoryStorage() {}

  /**
   * A new, empty store.
   *
   * @return a storage holding nothing, independent of every other one
   */
  public static InMemoryStorage create() {
    return new InMemoryStorage();
  }

  @Override
  public Transactions transactions() {
    return store;
  }

  @Override
  public Packages packages() {
    return packages;
  }

  @Override
  public Products products() {
    return products;
  }

  @Override
  public AppointmentTypes appointmentTypes() {
    return types;
  }

  @Override
  public Wallets wallets() {
    return wallets;
  }

  @Override
  public Appointments appointments() {
    return appointments;
  }

  @Override
  public GrantReceipts grantReceipts() {
    return receipts;
  }

  @Override
  public Reversals reversals() {
    return reversals;
  }

  @Override
  public Transfers transfers() {
    return transfers;
  }

  @Override
  public nl.pakketten.spi.Refunds refunds() {
    return refunds;
  }

  @Override
  public nl.pakketten.spi.ExpiryNotices expiryNotices() {
    return expiryNotices;
  }

  @Override
  public History history() {
    return history;
  }

  @Override
  public Journal journal() {
    return journal;
  }

  @Override
  public PracticeProfiles practiceProfiles() {
    return profiles;
  }

  @Override
  public Invoices invoices() {
    return invoices;
  }

  @Override
  public MailTemplates mailTemplates() {
    return templates;
  }

  @Override
  public Outbox outbox() {
    return outbox;
  }

  record Key2<A, B>(A a, B b) {}

  record Key3<A, B, C>(A a, B b, C c) {}

  static final class InMemoryPackages implements Packages {
    private final Table<Key2<PracticeId, PackageId>, CreditPackage> rows;

    InMemoryPackages(Store store) {
      rows = new Table<>(store);
    }

    @Override
    public Optional<CreditPackage> find(PracticeId practice, PackageId id) {
      return rows.get(new Key2<>(practice, id));
    }

    @Override
    public Optional<CreditPackage> findByName(PracticeId practice, String name) {
      String key = CreditPackage.nameKey(name);
      return rows.where(p -> p.practice().equals(practice) && CreditPackage.nameKey(p.name()).equals(key))
          .stream().findFirst();
    }

    @Override
    public List<CreditPackage> list(PracticeId practice) {
      return rows.where(p -> p.practice().equals(practice)).stream()
          .sorted(Packages.ORDER).toList();
    }

    @Override
    public void insert(CreditPackage pkg) {
      Key2<PracticeId, PackageId> key = new Key2<>(pkg.practice(), pkg.id());
      if (rows.contains(key) || findByName(pkg.practice(), pkg.name()).isPresent()) {
        throw new TransientException("package " + pkg.id() + " or its name is taken", null);
      }
      rows.put(key, pkg);
    }

    @Override
    public void update(CreditPackage pkg) {
      rows.put(new Key2<>(pkg.practice(), pkg.id()), pkg);
    }

    @Override
    public void delete(PracticeId practice, PackageId id) {
      rows.remove(new Key2<>(practice, id));
    }
  }

  static final class InMemoryProducts implements Products {
    private final Table<Key2<PracticeId, ProductCode>, Product> rows;

    InMemoryProducts(Store store) {
      rows = new Table<>(store);
    }

    @Override
    public Optional<Product> find(PracticeId practice, ProductCode code) {
      return rows.get(new Key2<>(practice, code));
    }

    @Override
    public void save(Product product) {
      rows.put(new Key2<>(product.practice(), product.code()), product);
    }

    @Override
    public List<Product> linkedTo(PracticeId practice, PackageId packageId) {
      return rows.where(p -> p.practice().equals(practice)
              && p.link().map(l -> l.packageId().equals(packageId)).orElse(false)).stream()
          .sorted(Comparator.comparing(Product::code)).toList();
    }
  }

  static final class InMemoryAppointmentTypes implements AppointmentTypes {
    private final Table<Key2<PracticeId, AppointmentTypeId>, AppointmentType> rows;

    InMemoryAppointmentTypes(Store store) {
      rows = new Table<>(store);
    }

    @Override
    public Optional<AppointmentType> find(PracticeId practice, AppointmentTypeId id) {
      return rows.get(new Key2<>(practice, id));
    }

    @Override
    public void save(AppointmentType type) {
      rows.put(new Key2<>(type.practice(), type.id()), type);
    }

    @Override
    public List<AppointmentType> linkedTo(PracticeId practice, PackageId packageId) {
      return rows.where(t -> t.practice().equals(practice)
              && t.link().map(l -> l.packageId().equals(packageId)).orElse(false)).stream()
          .sorted(Comparator.comparing(AppointmentType::id)).toList();
    }
  }

  static final class InMemoryWallets implements Wallets {
    private final Table<Key3<PracticeId, PatientId, PackageId>, Wallet> rows;

    InMemoryWallets(Store store) {
      rows = new Table<>(store);
    }

    @Override
    public Wallet lock(PracticeId practice, PatientId patient, PackageId packageId) {
      // The store's single lock already holds every wallet for the whole transaction.
      Optional<Wallet> stored = find(practice, patient, packageId);
      if (stored.isEmpty()) {
        return Wallet.empty(practice, patient, packageId);
      }
      Wallet wallet = stored.get();
      List<Lot> open = null; // built only when some lot is used up: most wallets hold open lots only
      List<Lot> lots = wallet.lots();
      for (int i = 0; i < lots.size(); i++) {
        Lot lot = lots.get(i);
        if (lot.creditsRemaining() == 0 && open == null) {
          open = new ArrayList<>(lots.subList(0, i));
        } else if (lot.creditsRemaining() > 0 && open != null) {
          open.add(lot);
        }
      }
      return open == null ? wallet : ValueBuilders.wallet(practice, patient, packageId, open);
    }

    @Override
    public Wallet withLots(Wallet locked, Collection<LotId> ids) {
      Map<LotId, Lot> held = new HashMap<>();
      locked.lots().forEach(l -> held.put(l.id(), l));
      Set<LotId> missing = new HashSet<>(ids);
      missing.removeAll(held.keySet());
      if (missing.isEmpty()) {
        return locked;
      }
      Wallet stored = find(locked.practice(), locked.patient(), locked.packageId())
          .orElseGet(() -> Wallet.empty(locked.practice(), locked.patient(), locked.packageId()));
      // In the order they were granted (the stored order), used-up ones among the open ones: lots
      // the spending order finds equal are spent in that order.
      List<Lot> lots = new ArrayList<>();
      for (Lot lot : stored.lots()) {
        Lot mine = held.remove(lot.id());
        if (mine != null) {
          lots.add(mine);
        } else if (missing.remove(lot.id())) {
          lots.add(lot);
        }
      }
      if (!missing.isEmpty()) {
        throw new IllegalStateException("Lot " + missing.iterator().next() + " is not in the wallet of "
            + locked.patient() + " for package " + locked.packageId());
      }
      for (Lot lot : locked.lots()) {
        if (held.containsKey(lot.id())) {
          lots.add(lot); // granted in this transaction, not saved yet: the newest
        }
      }
      return ValueBuilders.wallet(locked.practice(), locked.patient(), locked.packageId(), lots);
    }

    @Override
    public Optional<Wallet> find(PracticeId practice, PatientId patient, PackageId packageId) {
      return rows.get(new Key3<>(practice, patient, packageId));
    }

    @Override
    public int balance(PracticeId practice, PatientId patient, PackageId packageId) {
      return find(practice, patient, packageId).map(Wallet::balance).orElse(0);
    }

    @Override
    public List<Wallet> ofPatient(PracticeId practice, PatientId patient) {
      return rows.where(w -> w.practice().equals(practice) && w.patient().equals(patient)).stream()
          .sorted(Comparator.comparing(Wallet::packageId)).toList();
    }

    /** Merges the saved lots into the stored ones by id, keeping the order they were granted in. */
    @Override
    public void save(Wallet wallet) {
      Key3<PracticeId, PatientId, PackageId> key = new Key3<>(wallet.practice(), wallet.patient(),
          wallet.packageId());
      Map<LotId, Lot> saved = new LinkedHashMap<>();
      wallet.lots().forEach(l -> saved.put(l.id(), l));
      List<Lot> lots = new ArrayList<>();
      for (Lot stored : rows.get(key).map(Wallet::lots).orElse(List.of())) {
        Lot now = saved.remove(stored.id());
        lots.add(now == null ? stored : now);
      }
      lots.addAll(saved.values());
      rows.put(key, ValueBuilders.wallet(wallet.practice(), wallet.patient(), wallet.packageId(), lots));
    }

    @Override
    public long lotsOf(PracticeId practice, PackageId packageId) {
      return rows.where(w -> w.practice().equals(practice) && w.packageId().equals(packageId)).stream()
          .mapToLong(w -> w.lots().size()).sum();
    }

    /**
     * Scans the practice's wallets, keeping the open lots of the patients after the cursor, and cuts
     * the page from them sorted by patient id.
     */
    @Override
    public Page<List<Lot>> openLotsByPatient(PracticeId practice, Optional<PackageId> packageId,
        PageRequest request) {
      TreeMap<PatientId, List<Lot>> byPatient = new TreeMap<>();
      Optional<String> after = request.after();
      for (Wallet w : rows.where(w -> w.practice().equals(practice)
          && packageId.map(p -> p.equals(w.packageId())).orElse(true)
          && after.map(a -> w.patient().value().compareTo(a) > 0).orElse(true))) {
        for (Lot lot : w.lots()) {
          if (lot.creditsRemaining() > 0) {
            byPatient.computeIfAbsent(w.patient(), p -> new ArrayList<>()).add(lot);
          }
        }
      }
      List<List<Lot>> patients = new ArrayList<>();
      for (List<Lot> lots : byPatient.values()) {
        if (patients.size() > request.size()) {
          break;
        }
        // Stored wallets keep their lots in the order granted; the sort is stable.
        lots.sort(Comparator.comparing(Lot::packageId));
        patients.add(lots);
      }
      return Page.of(patients, request, l -> l, l -> l.get(0).patient().value());
    }

    @Override
    public List<WalletKey> withExpiredCredits(PracticeId practice, LocalDate day) {
      return rows.where(w -> w.practice().equals(practice) && w.lots().stream().anyMatch(
              (Lot l) -> l.creditsRemaining() > 0 && l.expiresOn().map(d -> d.isBefore(day)).orElse(false)))
          .stream().map(w -> new WalletKey(w.patient(), w.packageId())).toList();
    }
  }

  static final class InMemoryAppointments implements Appointments {
    private final Table<Key2<PracticeId, AppointmentId>, Appointment> rows;

    InMemoryAppointments(Store store) {
      rows = new Table<>(store);
    }

    @Override
    public Optional<Appointment> find(PracticeId practice, AppointmentId id) {
      return rows.get(new Key2<>(practice, id));
    }

    @Override
    public Optional<Appointment> lock(PracticeId practice, AppointmentId id) {
      return find(practice, id);
    }

    @Override
    public void insert(Appointment appointment) {
      Key2<PracticeId, AppointmentId> key = new Key2<>(appointment.practice(), appointment.id());
      if (rows.contains(key)) {
        throw new TransientException("appointment " + appointment.id() + " exists", null);
      }
      rows.put(key, appointment);
    }

    @Override
    public void update(Appointment appointment) {
      rows.put(new Key2<>(appointment.practice(), appointment.id()), appointment);
    }
  }

  static final class InMemoryGrantReceipts implements GrantReceipts {
    private final Table<Key3<PracticeId, GrantReceipt.Kind, String>, GrantReceipt> rows;

    InMemoryGrantReceipts(Store store) {
      rows = new Table<>(store);
    }

    @Override
    public Optional<GrantReceipt> find(PracticeId practice, GrantReceipt.Kind kind, String key) {
      return rows.get(new Key3<>(practice, kind, key));
    }

    @Override
    public void insert(GrantReceipt receipt) {
      Key3<PracticeId, GrantReceipt.Kind, String> key = new Key3<>(receipt.practice(), receipt.kind(), receipt.key());
      if (rows.contains(key)) {
        throw new TransientException("receipt " + receipt.kind() + " " + receipt.key() + " exists", null);
      }
      rows.put(key, receipt);
    }
  }

  static final class InMemoryReversals implements Reversals {
    private final Table<Key2<PracticeId, ReversalId>, PaymentReversal> rows;
    private final Table<Key2<PracticeId, InvoiceId>, PaymentReversal> byPayment;

    InMemoryReversals(Store store) {
      rows = new Table<>(store);
      byPayment = new Table<>(store);
    }

    @Override
    public Optional<PaymentReversal> find(PracticeId practice, ReversalId reversalId) {
      return rows.get(new Key2<>(practice, reversalId));
    }

    @Override
    public Optional<PaymentReversal> ofPayment(PracticeId practice, InvoiceId invoiceId) {
      return byPayment.get(new Key2<>(practice, invoiceId));
    }

    @Override
    public void insert(PaymentReversal reversal) {
      Key2<PracticeId, ReversalId> key = new Key2<>(reversal.practice(), reversal.reversalId());
      Key2<PracticeId, InvoiceId> payment = new Key2<>(reversal.practice(), reversal.invoiceId());
      if (rows.contains(key) || byPayment.contains(payment)) {
        throw new TransientException("reversal " + reversal.reversalId() + " of invoice " + reversal.invoiceId()
            + " exists", null);
      }
      rows.put(key, reversal);
      byPayment.put(payment, reversal);
    }
  }

  static final class InMemoryTransfers implements Transfers {
    private final Table<Key2<PracticeId, TransferId>, CreditTransfer> rows;

    InMemoryTransfers(Store store) {
      rows = new Table<>(store);
    }

    @Override
    public Optional<CreditTransfer> find(PracticeId practice, TransferId transferId) {
      return rows.get(new Key2<>(practice, transferId));
    }

    @Override
    public void insert(CreditTransfer transfer) {
      Key2<PracticeId, TransferId> key = new Key2<>(transfer.practice(), transfer.transferId());
      if (rows.contains(key)) {
        throw new TransientException("transfer " + transfer.transferId() + " exists", null);
      }
      rows.put(key, transfer);
    }
  }

  static final class InMemoryRefunds implements nl.pakketten.spi.Refunds {
    private final Table<Key2<PracticeId, nl.pakketten.wallet.RefundId>, nl.pakketten.wallet.Refund> rows;

    InMemoryRefunds(Store store) {
      rows = new Table<>(store);
    }

    @Override
    public Optional<nl.pakketten.wallet.Refund> find(PracticeId practice, nl.pakketten.wallet.RefundId refundId) {
      return rows.get(new Key2<>(practice, refundId));
    }

    @Override
    public void insert(nl.pakketten.wallet.Refund refund) {
      Key2<PracticeId, nl.pakketten.wallet.RefundId> key = new Key2<>(refund.practice(), refund.refundId());
      if (rows.contains(key)) {
        throw new TransientException("refund " + refund.refundId() + " exists", null);
      }
      rows.put(key, refund);
    }
  }

  static final class InMemoryExpiryNotices implements nl.pakketten.spi.ExpiryNotices {
    private final Table<Key3<PracticeId, nl.pakketten.common.LotId, java.time.LocalDate>, Boolean> rows;

    InMemoryExpiryNotices(Store store) {
      rows = new Table<>(store);
    }

    @Override
    public boolean contains(PracticeId practice, nl.pakketten.common.LotId lot, java.time.LocalDate day) {
      return rows.contains(new Key3<>(practice, lot, day));
    }

    @Override
    public void insert(PracticeId practice, nl.pakketten.common.LotId lot, java.time.LocalDate day) {
      Key3<PracticeId, nl.pakketten.common.LotId, java.time.LocalDate> key = new Key3<>(practice, lot, day);
      if (rows.contains(key)) {
        throw new TransientException("expiry notice of " + lot + " on " + day + " exists", null);
      }
      rows.put(key, Boolean.TRUE);
    }
  }

  static final class InMemoryHistory implements History {
    private final AppendLog<Key2<PracticeId, PatientId>, Movement> rows;

    private final InMemoryJournal journal;
    private final InMemoryWallets wallets;

    InMemoryHistory(Store store, InMemoryJournal journal, InMemoryWallets wallets) {
      rows = new AppendLog<>(store, m -> new Key2<>(m.practice(), m.patient()));
      this.journal = journal;
      this.wallets = wallets;
    }

    @Override
    public void append(Movement movement) {
      rows.append(movement);
    }

    @Override
    public Page<Movement> ofPatient(PracticeId practice, PatientId patient, PageRequest request) {
      return Page.of(rows.after(new Key2<>(practice, patient), request.afterSequence(), request.size() + 1), request,
          AppendLog.Entry::value, e -> PageRequest.sequenceCursor(e.seq()));
    }

    @Override
    public SortedMap<PackageId, CreditBalance> balancesBefore(PracticeId practice, PatientId patient,
        Instant before) {
      SortedMap<PackageId, CreditBalance> balances = new TreeMap<>();
      for (ValuedMovement v : valued(practice, patient, Instant.MIN, before, Integer.MAX_VALUE)) {
        Movement m = v.movement();
        balances.merge(m.packageId(), new CreditBalance(m.balanceEffect(), v.valueIn().minus(v.valueOut())),
            CreditBalance::plus);
      }
      return balances;
    }

    @Override
    public List<ValuedMovement> valuedBetween(PracticeId practice, PatientId patient, Instant from, Instant to,
        int limit) {
      return valued(practice, patient, from, to, limit);
    }

    /**
     * The movements of the period with their values: the journal entries booked for them are found
     * in one pass over the practice's journal (an in-memory storage holds no index on entry ids).
     */
    private List<ValuedMovement> valued(PracticeId practice, PatientId patient, Instant from, Instant to,
        int limit) {
      List<Movement> movements = new ArrayList<>();
      rows.forEach(new Key2<>(practice, patient), (seq, m) -> {
        if (movements.size() < limit && !m.at().isBefore(from) && m.at().isBefore(to)) {
          movements.add(m);
        }
      });
      Map<String, JournalEntry> entries = journal.byId(practice,
          movements.stream().map(Movement::id).collect(java.util.stream.Collectors.toSet()));
      List<ValuedMovement> result = new ArrayList<>(movements.size());
      for (Movement m : movements) {
        Money zero = Money.zero(m.revenue().getCurrencyUnit());
        Money in = zero;
        Money out = zero;
        JournalEntry entry = entries.get(m.id());
        if (entry != null) {
          for (JournalLine line : entry.lines()) {
            if (line.role() != AccountRole.DEFERRED_REVENUE) {
              continue;
            }
            if (line.side() == Side.DEBIT) {
              out = out.plus(line.amount());
            } else if (m.kind() != MovementKind.TRANSFERRED_OUT) { // its credit line is the receiver's
              in = in.plus(line.amount());
            }
          }
        }
        if (m.kind() == MovementKind.TRANSFERRED_IN) {
          in = in.plus(wallets.find(practice, patient, m.packageId()).flatMap(w -> w.lot(m.lotId()))
              .map(Lot::deferredValue).orElse(zero));
        }
        result.add(new ValuedMovement(m, in, out));
      }
      return result;
    }
  }

  static final class InMemoryJournal implements Journal {
    private static final Comparator<AppendLog.Entry<JournalEntry>> ORDER =
        Comparator.<AppendLog.Entry<JournalEntry>, Instant>comparing(e -> e.value().at())
            .thenComparingLong(AppendLog.Entry::seq);

    private final AppendLog<PracticeId, JournalEntry> rows;

    InMemoryJournal(Store store) {
      rows = new AppendLog<>(store, JournalEntry::practice);
    }

    @Override
    public void append(JournalEntry entry) {
      rows.append(entry);
    }

    /** The practice's entries with the given ids, by id: one pass over the practice's journal. */
    Map<String, JournalEntry> byId(PracticeId practice, Set<String> ids) {
      Map<String, JournalEntry> found = new HashMap<>();
      if (!ids.isEmpty()) {
        rows.forEach(practice, (seq, e) -> {
          if (ids.contains(e.id())) {
            found.put(e.id(), e);
          }
        });
      }
      return found;
    }

    /** Scans the practice's entries once, keeping only the page's worth with the smallest keys. */
    @Override
    public Page<JournalEntry> entries(PracticeId practice, Instant from, Instant to, PageRequest request) {
      Optional<PageRequest.TimeKey> after = request.afterTimeKey();
      TreeSet<AppendLog.Entry<JournalEntry>> smallest = new TreeSet<>(ORDER);
      rows.forEach(practice, (seq, e) -> {
        if (e.at().isBefore(from) || !e.at().isBefore(to)) {
          return;
        }
        if (after.isPresent() && (e.at().isBefore(after.get().at())
            || e.at().equals(after.get().at()) && seq <= after.get().seq())) {
          return;
        }
        smallest.add(new AppendLog.Entry<>(seq, e));
        if (smallest.size() > request.size() + 1) {
          smallest.pollLast();
        }
      });
      return Page.of(new ArrayList<>(smallest), request, AppendLog.Entry::value,
          e -> new PageRequest.TimeKey(e.value().at(), e.seq()).cursor());
    }

    /**
     * Picks the period's entries of the practice (references to the stored values, not copies) and
     * sorts them by (at, booking order); TimSort is linear on the usual journal, booked in time
     * order.
     */
    @Override
    public void forEach(PracticeId practice, Instant from, Instant to, Consumer<JournalEntry> sink) {
      List<AppendLog.Entry<JournalEntry>> window = new ArrayList<>();
      rows.forEach(practice, (seq, e) -> {
        if (!e.at().isBefore(from) && e.at().isBefore(to)) {
          window.add(new AppendLog.Entry<>(seq, e));
        }
      });
      window.sort(ORDER);
      for (AppendLog.Entry<JournalEntry> e : window) {
        sink.accept(e.value());
      }
    }
  }

  static final class InMemoryPracticeProfiles implements PracticeProfiles {
    private final Table<PracticeId, PracticeProfile> rows;

    InMemoryPracticeProfiles(Store store) {
      rows = new Table<>(store);
    }

    @Override
    public Optional<PracticeProfile> find(PracticeId practice) {
      return rows.get(practice);
    }

    @Override
    public void save(PracticeProfile profile) {
      rows.put(profile.practice(), profile);
    }
  }

  static final class InMemoryMailTemplates implements MailTemplates {
    private final Table<Key3<PracticeId, DocumentKind, String>, MailTemplate> rows;

    InMemoryMailTemplates(Store store) {
      rows = new Table<>(store);
    }

    @Override
    public Optional<MailTemplate> find(PracticeId practice, DocumentKind kind, Locale language) {
      return rows.get(new Key3<>(practice, kind, language.toLanguageTag()));
    }

    @Override
    public void save(PracticeId practice, MailTemplate template) {
      rows.put(new Key3<>(practice, template.kind(), template.language().toLanguageTag()), template);
    }
  }

  static final class InMemoryInvoices implements Invoices {
    private final Table<Key2<PracticeId, InvoiceId>, ProductInvoice> rows;
    private final Table<Key2<PracticeId, PaymentReference>, InvoiceId> payments;
    private final Table<PracticeId, Long> counters;
    private final Table<Key2<PracticeId, String>, nl.pakketten.sale.RefundCreditNote> creditNotes;

    InMemoryInvoices(Store store) {
      rows = new Table<>(store);
      payments = new Table<>(store);
      counters = new Table<>(store);
      creditNotes = new Table<>(store);
    }

    @Override
    public void insertCreditNote(nl.pakketten.sale.RefundCreditNote note) {
      Key2<PracticeId, String> key = new Key2<>(note.practice(), note.number());
      if (creditNotes.contains(key)) {
        throw new TransientException("credit note " + note.number() + " exists", null);
      }
      creditNotes.put(key, note);
    }

    @Override
    public List<nl.pakketten.sale.RefundCreditNote> creditNotes(PracticeId practice, InvoiceId invoice) {
      return creditNotes.where(n -> n.practice().equals(practice) && n.invoiceId().equals(invoice));
    }

    @Override
    public List<nl.pakketten.sale.RefundCreditNote> creditNotesOfRefund(PracticeId practice,
        nl.pakketten.wallet.RefundId refund) {
      return creditNotes.where(n -> n.practice().equals(practice) && n.refundId().equals(refund));
    }

    @Override
    public Optional<ProductInvoice> find(PracticeId practice, InvoiceId id) {
      return rows.get(new Key2<>(practice, id));
    }

    @Override
    public Optional<ProductInvoice> lock(PracticeId practice, InvoiceId id) {
      return find(practice, id); // the store's single lock holds every invoice for the whole transaction
    }

    @Override
    public void insert(ProductInvoice draft) {
      Key2<PracticeId, InvoiceId> key = new Key2<>(draft.practice(), draft.id());
      if (rows.contains(key)) {
        throw new TransientException("invoice " + draft.id() + " exists", null);
      }
      rows.put(key, draft);
    }

    @Override
    public void update(ProductInvoice invoice) {
      Key2<PracticeId, InvoiceId> key = new Key2<>(invoice.practice(), invoice.id());
      ProductInvoice stored = rows.get(key).orElseThrow(() -> new IllegalStateException("No invoice " + invoice.id()));
      // Lines and payments are not this call's to change, as in the database adapters.
      rows.put(key, ValueBuilders.productInvoice().from(invoice).lines(stored.lines()).payments(stored.payments())
          .build());
    }

    @Override
    public void addPayment(PracticeId practice, InvoiceId invoice, InvoicePayment payment) {
      Key2<PracticeId, PaymentReference> ref = new Key2<>(practice, payment.reference());
      if (payments.contains(ref)) {
        throw new TransientException("payment " + payment.reference() + " exists", null);
      }
      Key2<PracticeId, InvoiceId> key = new Key2<>(practice, invoice);
      ProductInvoice stored = rows.get(key).orElseThrow(() -> new IllegalStateException("No invoice " + invoice));
      payments.put(ref, invoice);
      rows.put(key, ValueBuilders.productInvoice().from(stored).addPayments(payment).build());
    }

    @Override
    public Optional<InvoiceId> paidWith(PracticeId practice, PaymentReference reference) {
      return payments.get(new Key2<>(practice, reference));
    }

    @Override
    public long nextNumber(PracticeId practice) {
      long next = counters.get(practice).orElse(0L) + 1;
      counters.put(practice, next);
      return next;
    }
  }
}
