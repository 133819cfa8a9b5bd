package nl.pakketten.testing;

import static nl.pakketten.testing.Fixtures.OTHER_PRACTICE;
import static nl.pakketten.testing.Fixtures.OWNER;
import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.RECEPTIONIST;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import nl.pakketten.Pakketten;
import nl.pakketten.access.AccessDeniedException;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.Actor;
import nl.pakketten.common.ConflictException;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.LotId;
import nl.pakketten.common.NotFoundException;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.Role;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.granting.PaymentReversal;
import nl.pakketten.granting.ReversalId;
import nl.pakketten.granting.ReversalPolicy;
import nl.pakketten.granting.ReversalResult;
import nl.pakketten.granting.ReversePayment;
import nl.pakketten.revenue.AccountRole;
import nl.pakketten.revenue.JournalEntry;
import nl.pakketten.revenue.JournalLine;
import nl.pakketten.revenue.Side;
import nl.pakketten.spi.Storage;
import nl.pakketten.wallet.CreditEvents;
import nl.pakketten.wallet.CreditTransfer;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.Movement;
import nl.pakketten.wallet.MovementKind;
import nl.pakketten.wallet.NotEnoughCreditsException;
import nl.pakketten.wallet.TransferCredits;
import nl.pakketten.wallet.TransferId;
import nl.pakketten.wallet.TransferResult;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * Payment reversals and transfers between patients (issue 11, items 3 and 4), through the entry
 * point over any storage: every rule and every bad input, and after each change the books still
 * add up (each entry balances, the deferred-revenue account equals the unrecognised value of the
 * lots). Subclass it and implement {@link #newStorage()}.
 */
public abstract class CreditCorrectionsContract {
  /** A storage to test; called once per test. It may already hold data of other practices. */
  protected abstract Storage newStorage();

  private static final PatientId PARTNER = PatientId.of("patient-2");
  private static final Actor BOOKKEEPER = Actor.of("bookkeeper-1", Role.BOOKKEEPER);

  private Fixtures f;
  private PackageId pkg;

  private Fixtures fixtures(Pakketten.Builder builder) {
    f = new Fixtures(newStorage(), builder);
    pkg = f.createPackage("Fysio 10", eur("40.00")).id();
    f.linkProduct("FYSIO10", pkg, 10, eur("400.00"));
    f.linkType("fysio", pkg, 1);
    f.linkType("intake", pkg, 3);
    return f;
  }

  private Fixtures fixtures() {
    return fixtures(Pakketten.builder());
  }

  private static ReversePayment reversal(String key, PatientId patient, String invoice) {
    return ReversePayment.builder().practice(PRACTICE).actor(OWNER).reversalId(ReversalId.of(key)).patient(patient)
        .invoiceId(InvoiceId.of(invoice)).reason("direct debit bounced").build();
  }

  private ReversalResult reverse(String key, String invoice) {
    return f.pakketten.reversePayment(reversal(key, PATIENT, invoice));
  }

  private static TransferCredits transfer(String key, PatientId from, LotId lot, int credits, PatientId to) {
    return TransferCredits.builder().practice(PRACTICE).actor(RECEPTIONIST).transferId(TransferId.of(key))
        .from(from).lot(lot).credits(credits).to(to).build();
  }

  private LotId paidLot(String invoice) {
    return f.pay(invoice, PATIENT, InvoiceLine.of("FYSIO10", 1, eur("400.00"))).grants().get(0).lotId();
  }

  private List<Movement> movements(PatientId patient, MovementKind kind) {
    return f.history(patient).stream().filter(m -> m.kind() == kind).toList();
  }

  private List<JournalEntry> entries(String sourceKey) {
    return f.journal().stream().filter(e -> e.sourceKey().equals(sourceKey)).toList();
  }

  private static Money sum(List<JournalEntry> entries, AccountRole role, Side side) {
    return entries.stream().flatMap(e -> e.lines().stream())
        .filter(l -> l.role() == role && l.side() == side).map(JournalLine::amount)
        .reduce(Money::plus).orElse(eur(0));
  }

  /** Every entry balances (the record checks it) and deferred revenue equals the lots' unrecognised value. */
  private void booksAddUp() {
    List<JournalEntry> journal = f.journal();
    Money deferred = sum(journal, AccountRole.DEFERRED_REVENUE, Side.CREDIT)
        .minus(sum(journal, AccountRole.DEFERRED_REVENUE, Side.DEBIT));
    Money open = eur(0);
    for (PatientId patient : List.of(PATIENT, PARTNER)) {
      for (Lot lot : f.lots(patient)) {
        open = open.plus(lot.unrecognised());
        assertThat(lot.recognisedRevenue().plus(lot.valueOut()).plus(lot.unrecognised()))
            .isEqualTo(lot.deferredValue());
      }
    }
    assertThat(deferred).isEqualTo(open);
    for (JournalEntry e : journal) {
      assertThat(e.lines().stream().filter(l -> l.side() == Side.DEBIT).map(JournalLine::amount)
          .reduce(Money::plus).orElseThrow())
          .isEqualTo(e.lines().stream().filter(l -> l.side() == Side.CREDIT).map(JournalLine::amount)
              .reduce(Money::plus).orElseThrow());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Payment reversal

  @Test
  void reversingAnUnspentPaymentRevokesAllItsCredits() {
    fixtures();
    LotId lot = paidLot("F-1");

    ReversalResult result = reverse("R-1", "F-1");

    assertThat(result).isInstanceOf(ReversalResult.Reversed.class);
    assertThat(result.replay()).isFalse();
    PaymentReversal r = result.reversal();
    assertThat(r.creditsRevoked()).isEqualTo(10);
    assertThat(r.valueRevoked()).isEqualTo(eur("400.00"));
    assertThat(r.creditsKept()).isZero();
    assertThat(r.receivable()).isEqualTo(eur(0));
    assertThat(f.balance(PATIENT, pkg)).isZero();
    List<Movement> reversed = movements(PATIENT, MovementKind.REVERSED);
    assertThat(reversed).singleElement().satisfies(m -> {
      assertThat(m.lotId()).isEqualTo(lot);
      assertThat(m.credits()).isEqualTo(10);
      assertThat(m.revenue()).isEqualTo(eur(0));
      assertThat(m.sourceKey()).isEqualTo("reversal:R-1");
      assertThat(m.reason()).contains("F-1").contains("direct debit bounced");
    });
    List<JournalEntry> entries = entries("reversal:R-1");
    assertThat(entries).singleElement().satisfies(e -> assertThat(e.lines()).containsExactly(
        new JournalLine("1700", AccountRole.DEFERRED_REVENUE, Side.DEBIT, eur("400.00")),
        new JournalLine("1300", AccountRole.PAYMENTS_CLEARING, Side.CREDIT, eur("400.00"))));
    assertThat(f.events).filteredOn(CreditEvents.CreditsReversed.class::isInstance).hasSize(1);
    booksAddUp();
  }

  @Test
  void reversingAPartlySpentPaymentKeepsTheAppointmentsAndBooksAReceivable() {
    fixtures(Pakketten.builder().bookkeeping(nl.pakketten.revenue.Bookkeeping.defaults().withReceivables("1310")));
    paidLot("F-1");
    f.schedule("A-1", PATIENT, "intake");

    PaymentReversal r = reverse("R-1", "F-1").reversal();

    assertThat(r.creditsRevoked()).isEqualTo(7);
    assertThat(r.valueRevoked()).isEqualTo(eur("280.00"));
    assertThat(r.creditsKept()).isEqualTo(3);
    assertThat(r.receivable()).isEqualTo(eur("120.00"));
    assertThat(f.balance(PATIENT, pkg)).isZero();
    assertThat(movements(PATIENT, MovementKind.SPENT)).hasSize(1);
    List<JournalEntry> entries = entries("reversal:R-1");
    assertThat(sum(entries, AccountRole.RECEIVABLE, Side.DEBIT)).isEqualTo(eur("120.00"));
    assertThat(entries.stream().flatMap(e -> e.lines().stream()).filter(l -> l.role() == AccountRole.RECEIVABLE))
        .allSatisfy(l -> assertThat(l.account()).isEqualTo("1310"));
    assertThat(sum(entries, AccountRole.PAYMENTS_CLEARING, Side.CREDIT)).isEqualTo(eur("400.00"));
    // The appointment stays: the patient had the care, and now owes its value.
    assertThat(f.pakketten.findAppointment(PRACTICE, nl.pakketten.common.AppointmentId.of("A-1"))).isPresent();
    booksAddUp();
  }

  @Test
  void theRefusingPolicyRefusesAReversalOfUsedCreditsAndStoresNothing() {
    fixtures(Pakketten.builder().reversalPolicy(ReversalPolicy.refuseWhenUsed()));
    paidLot("F-1");
    f.schedule("A-1", PATIENT, "intake");
    int entries = f.journal().size();

    assertThatThrownBy(() -> reverse("R-1", "F-1"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("F-1").hasMessageContaining("3 credits were already used");

    assertThat(f.balance(PATIENT, pkg)).isEqualTo(7);
    assertThat(movements(PATIENT, MovementKind.REVERSED)).isEmpty();
    assertThat(f.journal()).hasSize(entries);
    assertThat(f.storage.transactions().inTransaction(() -> f.storage.reversals().ofPayment(PRACTICE,
        InvoiceId.of("F-1")))).isEmpty();
    booksAddUp();
  }

  @Test
  void theRefusingPolicyStillReversesAPaymentWhoseCreditsAreUnused() {
    fixtures(Pakketten.builder().reversalPolicy(ReversalPolicy.refuseWhenUsed()));
    paidLot("F-1");

    assertThat(reverse("R-1", "F-1").reversal().creditsRevoked()).isEqualTo(10);
  }

  @Test
  void theSameReversalAgainAnswersAsTheFirstAndChangesNothing() {
    fixtures();
    paidLot("F-1");
    ReversalResult first = reverse("R-1", "F-1");
    int entries = f.journal().size();
    int events = f.events.size();

    ReversalResult again = reverse("R-1", "F-1");

    assertThat(again).isInstanceOf(ReversalResult.AlreadyReversed.class);
    assertThat(again.replay()).isTrue();
    assertThat(again.reversal()).isEqualTo(first.reversal());
    assertThat(f.journal()).hasSize(entries);
    assertThat(f.events).hasSize(events);
    assertThat(movements(PATIENT, MovementKind.REVERSED)).hasSize(1);
  }

  @Test
  void theSameReversalKeyForAnotherPaymentIsAConflict() {
    fixtures();
    paidLot("F-1");
    paidLot("F-2");
    reverse("R-1", "F-1");

    assertThatThrownBy(() -> reverse("R-1", "F-2"))
        .isInstanceOf(ConflictException.class).hasMessageContaining("R-1");
    assertThat(f.balance(PATIENT, pkg)).isEqualTo(10);
  }

  @Test
  void anAlreadyReversedPaymentCannotBeReversedAgainWithAnotherKey() {
    fixtures();
    paidLot("F-1");
    reverse("R-1", "F-1");

    assertThatThrownBy(() -> reverse("R-2", "F-1"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("F-1").hasMessageContaining("already reversed").hasMessageContaining("R-1");
  }

  @Test
  void reversingAnUnknownPaymentIsNotFound() {
    fixtures();

    assertThatThrownBy(() -> reverse("R-1", "F-404"))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("F-404");
  }

  @Test
  void aPaymentOfAnotherPracticeIsNotFound() {
    fixtures();
    f.createPackage(OTHER_PRACTICE, "Fysio 10", eur("40.00"));
    f.linkProduct(OTHER_PRACTICE, "FYSIO10", PackageId.of("fysio-10"), 10, eur("400.00"));
    f.pakketten.registerPayment(Fixtures.invoice(OTHER_PRACTICE, "F-9", PATIENT,
        InvoiceLine.of("FYSIO10", 1, eur("400.00"))));

    assertThatThrownBy(() -> reverse("R-1", "F-9")).isInstanceOf(NotFoundException.class);
    assertThat(f.pakketten.balance(OTHER_PRACTICE, PATIENT, PackageId.of("fysio-10"))).isEqualTo(10);
  }

  @Test
  void reversingForAnotherPatientThanThePaymentsIsInvalidInputNamingPatient() {
    fixtures();
    paidLot("F-1");

    assertThatThrownBy(() -> f.pakketten.reversePayment(reversal("R-1", PARTNER, "F-1")))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("patient"));
    assertThat(f.balance(PATIENT, pkg)).isEqualTo(10);
  }

  @Test
  void aReceptionistMayNotReverseAPaymentButABookkeeperMay() {
    fixtures();
    paidLot("F-1");
    ReversePayment byReceptionist = ReversePayment.builder().from(reversal("R-1", PATIENT, "F-1"))
        .actor(RECEPTIONIST).build();

    assertThatThrownBy(() -> f.pakketten.reversePayment(byReceptionist))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("reverse payments");
    assertThat(f.balance(PATIENT, pkg)).isEqualTo(10);

    ReversePayment byBookkeeper = ReversePayment.builder().from(byReceptionist).actor(BOOKKEEPER).build();
    assertThat(f.pakketten.reversePayment(byBookkeeper).reversal().creditsRevoked()).isEqualTo(10);
  }

  @Test
  void aReversalWithoutAReasonOrKeyIsInvalidInputNamingThem() {
    fixtures();
    paidLot("F-1");

    assertThatThrownBy(() -> f.pakketten.reversePayment(ReversePayment.builder().practice(PRACTICE).actor(OWNER)
        .patient(PATIENT).invoiceId(InvoiceId.of("F-1")).reason(" ").build()))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(v -> v.field()).contains("reason", "reversalId"));
    assertThat(f.balance(PATIENT, pkg)).isEqualTo(10);
  }

  @Test
  void aPaymentWithCreditsTransferredAwayBooksTheirValueAsReceivable() {
    fixtures();
    LotId lot = paidLot("F-1");
    f.pakketten.transferCredits(transfer("T-1", PATIENT, lot, 4, PARTNER));

    PaymentReversal r = reverse("R-1", "F-1").reversal();

    assertThat(r.creditsRevoked()).isEqualTo(6);
    assertThat(r.receivable()).isEqualTo(eur("160.00"));
    assertThat(f.balance(PARTNER, pkg)).isEqualTo(4); // the partner's credits stay
    booksAddUp();
  }

  @Test
  void thePaymentOfAnInvoiceTheSdkIssuedIsReversedByItsInvoiceId() {
    InvoicingFixtures.Directory directory = new InvoicingFixtures.Directory().with(PATIENT, "Jan Jansen",
        java.util.Optional.of("jan@example.nl"), java.util.Optional.of(java.util.Locale.forLanguageTag("nl")));
    fixtures(Pakketten.builder().documents(new InvoicingFixtures.Documents()).patientDirectory(directory));
    f.pakketten.savePracticeProfile(InvoicingFixtures.profile(PRACTICE, OWNER).build());
    f.pakketten.createInvoice(nl.pakketten.sale.CreateInvoice.builder().practice(PRACTICE).actor(RECEPTIONIST)
        .invoiceId(InvoiceId.of("S-1")).patient(PATIENT).addLines(nl.pakketten.sale.DraftLine.of("FYSIO10", 1))
        .build());
    f.pakketten.issueInvoice(nl.pakketten.sale.IssueInvoice.builder().practice(PRACTICE).actor(RECEPTIONIST)
        .invoiceId(InvoiceId.of("S-1")).build());
    Money total = f.events.stream().filter(nl.pakketten.sale.InvoiceEvents.InvoiceIssued.class::isInstance)
        .map(e -> ((nl.pakketten.sale.InvoiceEvents.InvoiceIssued) e).total()).findFirst().orElseThrow();
    f.pakketten.registerInvoicePayment(nl.pakketten.sale.RegisterInvoicePayment.builder().practice(PRACTICE)
        .actor(RECEPTIONIST).invoiceId(InvoiceId.of("S-1")).reference(nl.pakketten.sale.PaymentReference.of("BANK-1"))
        .amount(total).paidOn(LocalDate.of(2026, 3, 3)).method(nl.pakketten.sale.PaymentMethod.BANK_TRANSFER)
        .build());
    assertThat(f.balance(PATIENT, pkg)).isEqualTo(10);

    PaymentReversal r = reverse("R-1", "S-1").reversal();

    assertThat(r.creditsRevoked()).isEqualTo(10);
    assertThat(f.balance(PATIENT, pkg)).isZero();
    booksAddUp();
  }

  // ---------------------------------------------------------------------------------------------
  // Transfer between patients

  @Test
  void aTransferMovesCreditsToTheOtherPatientAsANewLinkedLot() {
    fixtures();
    LocalDate last = LocalDate.of(2026, 12, 31);
    LotId origin = f.importCredits("I-1", PATIENT, pkg, 10, eur("40.00"), last).grant().lotId();

    TransferResult result = f.pakketten.transferCredits(transfer("T-1", PATIENT, origin, 4, PARTNER));

    assertThat(result).isInstanceOf(TransferResult.Transferred.class);
    CreditTransfer t = result.transfer();
    assertThat(t.credits()).isEqualTo(4);
    assertThat(t.value()).isEqualTo(eur("160.00"));
    assertThat(f.balance(PATIENT, pkg)).isEqualTo(6);
    assertThat(f.balance(PARTNER, pkg)).isEqualTo(4);
    Lot from = f.lots(PATIENT).get(0);
    Lot to = f.lots(PARTNER).get(0);
    assertThat(to.id()).isEqualTo(t.newLot());
    assertThat(to.transferredFrom()).contains(origin);
    assertThat(to.ratePerCredit()).isEqualTo(from.ratePerCredit());
    assertThat(to.deferredValue()).isEqualTo(eur("160.00"));
    assertThat(to.expiresOn()).contains(last);
    assertThat(to.deferredAccount()).isEqualTo(from.deferredAccount());
    assertThat(to.revenueAccount()).isEqualTo(from.revenueAccount());
    assertThat(to.source()).isEqualTo(from.source());
    assertThat(from.valueOut()).isEqualTo(eur("160.00"));
    assertThat(from.unrecognised().plus(to.unrecognised())).isEqualTo(eur("400.00"));
    assertThat(movements(PATIENT, MovementKind.TRANSFERRED_OUT)).singleElement()
        .satisfies(m -> assertThat(m.credits()).isEqualTo(4));
    assertThat(movements(PARTNER, MovementKind.TRANSFERRED_IN)).singleElement()
        .satisfies(m -> assertThat(m.lotId()).isEqualTo(to.id()));
    assertThat(entries("transfer:T-1")).singleElement().satisfies(e -> assertThat(e.lines()).containsExactly(
        new JournalLine("1700", AccountRole.DEFERRED_REVENUE, Side.DEBIT, eur("160.00")),
        new JournalLine("1700", AccountRole.DEFERRED_REVENUE, Side.CREDIT, eur("160.00"))));
    assertThat(f.events).filteredOn(CreditEvents.CreditsTransferred.class::isInstance).hasSize(2);
    booksAddUp();
  }

  @Test
  void transferringTheLastCreditsMovesAllThatIsLeftOfTheValueToTheCent() {
    fixtures();
    LotId origin = f.pay("F-1", PATIENT, InvoiceLine.of("FYSIO10", 1, eur("333.33"))).grants().get(0).lotId();
    f.schedule("A-1", PATIENT, "intake");

    CreditTransfer t = f.pakketten.transferCredits(transfer("T-1", PATIENT, origin, 7, PARTNER)).transfer();

    assertThat(t.value()).isEqualTo(eur("213.33"));
    assertThat(f.lots(PATIENT).get(0).unrecognised()).isEqualTo(eur(0));
    booksAddUp();
  }

  @Test
  void theReceiverSpendsTransferredCredits() {
    fixtures();
    LotId origin = paidLot("F-1");
    f.pakketten.transferCredits(transfer("T-1", PATIENT, origin, 2, PARTNER));

    f.schedule("A-1", PARTNER, "fysio");
    f.schedule("A-2", PARTNER, "fysio");

    assertThat(f.balance(PARTNER, pkg)).isZero();
    assertThat(f.lots(PARTNER).get(0).recognisedRevenue()).isEqualTo(eur("80.00"));
    booksAddUp();
  }

  @Test
  void theSameTransferAgainAnswersAsTheFirstAndChangesNothing() {
    fixtures();
    LotId origin = paidLot("F-1");
    TransferResult first = f.pakketten.transferCredits(transfer("T-1", PATIENT, origin, 4, PARTNER));
    int entries = f.journal().size();

    TransferResult again = f.pakketten.transferCredits(transfer("T-1", PATIENT, origin, 4, PARTNER));

    assertThat(again).isInstanceOf(TransferResult.AlreadyTransferred.class);
    assertThat(again.replay()).isTrue();
    assertThat(again.transfer()).isEqualTo(first.transfer());
    assertThat(f.balance(PARTNER, pkg)).isEqualTo(4);
    assertThat(f.journal()).hasSize(entries);
  }

  @Test
  void theSameTransferKeyWithOtherContentIsAConflict() {
    fixtures();
    LotId origin = paidLot("F-1");
    f.pakketten.transferCredits(transfer("T-1", PATIENT, origin, 4, PARTNER));

    assertThatThrownBy(() -> f.pakketten.transferCredits(transfer("T-1", PATIENT, origin, 5, PARTNER)))
        .isInstanceOf(ConflictException.class).hasMessageContaining("T-1");
    assertThat(f.balance(PARTNER, pkg)).isEqualTo(4);
  }

  @Test
  void aTransferToTheSamePatientIsInvalidInputNamingTo() {
    fixtures();
    LotId origin = paidLot("F-1");

    assertThatThrownBy(() -> f.pakketten.transferCredits(transfer("T-1", PATIENT, origin, 4, PATIENT)))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("to"));
    assertThat(f.balance(PATIENT, pkg)).isEqualTo(10);
  }

  @Test
  void transferringMoreCreditsThanRemainIsRefusedAndStoresNothing() {
    fixtures();
    LotId origin = paidLot("F-1");
    f.schedule("A-1", PATIENT, "intake");
    int entries = f.journal().size();

    assertThatThrownBy(() -> f.pakketten.transferCredits(transfer("T-1", PATIENT, origin, 8, PARTNER)))
        .isInstanceOfSatisfying(NotEnoughCreditsException.class, e -> {
          assertThat(e.lot()).isEqualTo(origin);
          assertThat(e.remaining()).isEqualTo(7);
          assertThat(e.requested()).isEqualTo(8);
        });
    assertThat(f.balance(PATIENT, pkg)).isEqualTo(7);
    assertThat(f.balance(PARTNER, pkg)).isZero();
    assertThat(f.lots(PARTNER)).isEmpty();
    assertThat(f.journal()).hasSize(entries);
    assertThat(f.storage.transactions().inTransaction(() -> f.storage.transfers().find(PRACTICE,
        TransferId.of("T-1")))).isEmpty();
  }

  @Test
  void aTransferOfZeroCreditsIsInvalidInputNamingCredits() {
    fixtures();
    LotId origin = paidLot("F-1");

    assertThatThrownBy(() -> f.pakketten.transferCredits(transfer("T-1", PATIENT, origin, 0, PARTNER)))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("credits"));
  }

  @Test
  void aLotTheGiverDoesNotHoldIsNotFound() {
    fixtures();
    LotId origin = paidLot("F-1");

    assertThatThrownBy(() -> f.pakketten.transferCredits(transfer("T-1", PARTNER, origin, 1, PATIENT)))
        .isInstanceOf(NotFoundException.class).hasMessageContaining(origin.value());
    assertThatThrownBy(() -> f.pakketten.transferCredits(transfer("T-2", PATIENT, LotId.of("no-such-lot"), 1,
        PARTNER))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aLotOfAnotherPracticeIsNeverTransferred() {
    fixtures();
    LotId origin = paidLot("F-1");
    TransferCredits elsewhere = TransferCredits.builder().practice(OTHER_PRACTICE).actor(RECEPTIONIST)
        .transferId(TransferId.of("T-1")).from(PATIENT).lot(origin).credits(1).to(PARTNER).build();

    assertThatThrownBy(() -> f.pakketten.transferCredits(elsewhere)).isInstanceOf(NotFoundException.class);
    assertThat(f.balance(PATIENT, pkg)).isEqualTo(10);
  }

  @Test
  void creditsOfAnExpiredLotAreNotTransferred() {
    fixtures();
    LotId origin = f.importCredits("I-1", PATIENT, pkg, 10, eur("40.00"), LocalDate.of(2026, 3, 10)).grant().lotId();
    f.clock.advance(Duration.ofDays(30));

    assertThatThrownBy(() -> f.pakketten.transferCredits(transfer("T-1", PATIENT, origin, 1, PARTNER)))
        .isInstanceOf(ConflictException.class).hasMessageContaining("expired");
    assertThat(f.balance(PARTNER, pkg)).isZero();
  }

  @Test
  void anActorWithoutRolesMayNotTransfer() {
    fixtures();
    LotId origin = paidLot("F-1");
    TransferCredits noRole = TransferCredits.builder().practice(PRACTICE).actor(Actor.of("nobody"))
        .transferId(TransferId.of("T-1")).from(PATIENT).lot(origin).credits(1).to(PARTNER).build();

    assertThatThrownBy(() -> f.pakketten.transferCredits(noRole)).isInstanceOf(AccessDeniedException.class);
  }
}
