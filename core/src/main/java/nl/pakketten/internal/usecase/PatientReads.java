package nl.pakketten.internal.usecase;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.FieldViolation;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.Page;
import nl.pakketten.common.PageRequest;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.TransactionRunner;
import nl.pakketten.spi.History;
import nl.pakketten.spi.History.ValuedMovement;
import nl.pakketten.spi.Wallets;
import nl.pakketten.wallet.CreditBalance;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.Movement;
import nl.pakketten.wallet.OutstandingLot;
import nl.pakketten.wallet.PatientCredits;
import nl.pakketten.wallet.PatientStatement;
import nl.pakketten.wallet.StatementLine;
import nl.pakketten.wallet.WalletStatement;
import org.joda.money.Money;

/**
 * Reports on patients' credits (issue 11, item 5): the outstanding credits per patient, and a
 * patient's statement with a running balance. Reads: they take no actor.
 *
 * @param wallets the open lots read
 * @param history the movements and their values read
 * @param tx runs each read in a read transaction
 * @param clock decides what "today" is, for lots past their last day
 */
public record PatientReads(Wallets wallets, History history, TransactionRunner tx, Clock clock) {
  /**
   * The most movements one statement holds; a period with more is refused, naming {@code to}: ask
   * for shorter periods.
   */
  public static final int STATEMENT_LIMIT = PageRequest.MAX_SIZE;

  /** A page of the practice's patients with open lots, each with those lots and their totals. */
  public Page<PatientCredits> outstandingCredits(PracticeId practice, Optional<PackageId> packageId,
      PageRequest request) {
    List<FieldViolation> problems = new ArrayList<>();
    if (practice == null) {
      problems.add(FieldViolation.of("practice", null, "must not be null"));
    }
    if (packageId == null) {
      problems.add(FieldViolation.of("packageId", null, "must not be null"));
    }
    if (request == null) {
      problems.add(FieldViolation.of("request", null, "must not be null: use PageRequest.first()"));
    } else if (request.after().isPresent()) {
      try {
        PatientId.of(request.after().get());
      } catch (InvalidInputException e) {
        problems.add(FieldViolation.of("after", request.after().get(), "is not a cursor this read returned"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return tx.read("outstandingCredits", practice, () -> {
      LocalDate today = LocalDate.now(clock);
      Page<List<Lot>> page = wallets.openLotsByPatient(practice, packageId, request);
      List<PatientCredits> items = new ArrayList<>(page.items().size());
      for (List<Lot> lots : page.items()) {
        items.add(PatientCredits.of(lots.get(0).patient(),
            lots.stream().map(l -> OutstandingLot.of(l, today)).toList()));
      }
      return new Page<>(items, page.next());
    });
  }

  /** The patient's statement for {@code from <= at < to}, per package. */
  public PatientStatement statement(PracticeId practice, PatientId patient, Instant from, Instant to) {
    List<FieldViolation> problems = Periods.problems(practice, from, to);
    if (patient == null) {
      problems.add(FieldViolation.of("patient", null, "must not be null"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return tx.read("patientStatement", practice, () -> {
      SortedMap<PackageId, CreditBalance> opening = history.balancesBefore(practice, patient, from);
      List<ValuedMovement> movements = history.valuedBetween(practice, patient, from, to, STATEMENT_LIMIT + 1);
      if (movements.size() > STATEMENT_LIMIT) {
        throw InvalidInputException.of("to", to, "the period from " + from + " holds more than "
            + STATEMENT_LIMIT + " movements of patient " + patient + ": ask for a shorter period");
      }
      Map<PackageId, List<ValuedMovement>> byPackage = new TreeMap<>();
      for (ValuedMovement v : movements) {
        byPackage.computeIfAbsent(v.movement().packageId(), p -> new ArrayList<>()).add(v);
      }
      TreeSet<PackageId> packages = new TreeSet<>(byPackage.keySet());
      opening.forEach((p, b) -> {
        if (!b.isZero()) {
          packages.add(p);
        }
      });
      List<WalletStatement> parts = new ArrayList<>();
      for (PackageId p : packages) {
        parts.add(part(p, opening.get(p), byPackage.getOrDefault(p, List.of())));
      }
      return new PatientStatement(practice, patient, from, to, parts);
    });
  }

  /** A package's part: the opening, each movement with the running balance after it, the closing. */
  private static WalletStatement part(PackageId packageId, CreditBalance opening, List<ValuedMovement> movements) {
    CreditBalance start = opening != null ? opening
        : CreditBalance.zero(movements.get(0).movement().revenue().getCurrencyUnit());
    CreditBalance balance = start;
    List<StatementLine> lines = new ArrayList<>(movements.size());
    for (ValuedMovement v : movements) {
      Movement m = v.movement();
      int effect = m.balanceEffect();
      Money net = v.valueIn().minus(v.valueOut());
      balance = new CreditBalance(balance.credits() + effect, balance.value().plus(net));
      lines.add(new StatementLine(m.at(), m.kind(), m.lotId(), m.reason(), m.sourceKey(), Math.max(effect, 0),
          Math.max(-effect, 0), v.valueIn(), v.valueOut(), balance));
    }
    return new WalletStatement(packageId, start, lines, balance);
  }
}
