package nl.pakketten.internal.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import nl.pakketten.access.AccessPolicy;
import nl.pakketten.access.Action;
import nl.pakketten.appointments.Appointment;
import nl.pakketten.appointments.AppointmentChanged;
import nl.pakketten.appointments.CancelAppointment;
import nl.pakketten.appointments.CancelResult;
import nl.pakketten.appointments.ChangeAppointmentType;
import nl.pakketten.appointments.CreditsDecision;
import nl.pakketten.appointments.InsufficientCreditsException;
import nl.pakketten.appointments.LateCancellationPolicy;
import nl.pakketten.appointments.MarkNoShow;
import nl.pakketten.appointments.NoShowPolicy;
import nl.pakketten.appointments.NoShowResult;
import nl.pakketten.appointments.ScheduleAppointment;
import nl.pakketten.appointments.ScheduleResult;
import nl.pakketten.appointments.Shortfall;
import nl.pakketten.appointments.ShortfallDecision;
import nl.pakketten.appointments.ShortfallPolicy;
import nl.pakketten.catalog.AppointmentType;
import nl.pakketten.catalog.AppointmentTypeLink;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.ConflictException;
import nl.pakketten.common.DomainEvent;
import nl.pakketten.common.LotId;
import nl.pakketten.common.NotFoundException;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.UserId;
import nl.pakketten.internal.CommandValidator;
import nl.pakketten.internal.TransactionRunner;
import nl.pakketten.revenue.Bookkeeping;
import nl.pakketten.spi.AppointmentTypes;
import nl.pakketten.spi.Appointments;
import nl.pakketten.spi.History;
import nl.pakketten.spi.Journal;
import nl.pakketten.spi.ValueBuilders;
import nl.pakketten.spi.Wallets;
import nl.pakketten.wallet.Allocation;
import nl.pakketten.wallet.CreditEvents;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.MovementKind;
import nl.pakketten.wallet.SpendingOrder;
import nl.pakketten.wallet.Wallet;

/**
 * Use cases that spend and give back credits: scheduling an appointment, cancelling it, marking it
 * a no-show, and changing its type. Each is idempotent on the appointment id. What happens to the
 * credits when the patient has too few, cancels, or does not come is decided by a policy ({@link
 * ShortfallPolicy}, {@link LateCancellationPolicy}, {@link NoShowPolicy}); these use cases only
 * carry the decision out.
 */
public final class Spending {
  private final AppointmentTypes types;
  private final Wallets wallets;
  private final Appointments appointments;
  private final Bookings bookings;
  private final AccessPolicy access;
  private final TransactionRunner tx;
  private final CommandValidator validator;
  private final ShortfallPolicy shortfall;
  private final LateCancellationPolicy lateCancellation;
  private final NoShowPolicy noShowPolicy;
  private final SpendingOrder order;

  public Spending(
      AppointmentTypes types,
      Wallets wallets,
      Appointments appointments,
      History history,
      Journal journal,
      Bookkeeping bookkeeping,
      AccessPolicy access,
      TransactionRunner tx,
      CommandValidator validator,
      Clock clock,
      ShortfallPolicy shortfall,
      LateCancellationPolicy lateCancellation,
      NoShowPolicy noShowPolicy,
      SpendingOrder order) {
    this.types = types;
    this.wallets = wallets;
    this.appointments = appointments;
    this.bookings = new Bookings(history, journal, bookkeeping, clock);
    this.access = access;
    this.tx = tx;
    this.validator = validator;
    this.shortfall = shortfall;
    this.lateCancellation = lateCancellation;
    this.noShowPolicy = noShowPolicy;
    this.order = order;
  }

  /**
   * Records a scheduled appointment. If its type is linked to a package, takes the type's credits
   * from the patient's lots of that package (earliest expiry first, then oldest; expired lots
   * skipped). Too few credits: {@link InsufficientCreditsException} when the {@link
   * ShortfallPolicy} decides {@link ShortfallDecision.Reject} (as {@link ShortfallPolicy#REJECT}
   * does), {@link ScheduleResult.Uncovered} when it decides {@link ShortfallDecision.RecordUncovered}. A replay answers as the first call did, whatever happened to
   * the appointment since (a type change, a cancellation), marked {@link ScheduleResult#replay()}; the
   * same id with another patient, type or start is a {@link ConflictException}.
   */
  public ScheduleResult schedule(ScheduleAppointment command) {
    CommandValidator.Check check = validator.check(command);
    return tx.run("schedule", command.practice(), command.appointmentId(), () -> {
      check.requireSupported("start", command.start()).orThrow();
      access.check(command.actor(), Action.SCHEDULE_APPOINTMENTS);
    }, answer -> answer.withReplay(false), events -> {
      PracticeId practice = command.practice();
      Optional<Appointment> earlier = appointments.find(practice, command.appointmentId());
      if (earlier.isPresent()) {
        return replay(earlier.get(), command);
      }
      AppointmentType type = requireType(practice, command.typeId());
      Appointment.Builder draft = ValueBuilders.appointment()
          .practice(practice)
          .id(command.appointmentId())
          .patient(command.patient())
          .typeId(type.id())
          .scheduledTypeId(type.id())
          .start(command.start())
          .status(Appointment.Status.SCHEDULED)
          .changedBy(command.actor().userId())
          .changedAt(bookings.now());
      Appointment appointment;
      if (type.link().isEmpty()) {
        appointment = draft.coverage(Appointment.Coverage.NOT_LINKED).cost(0).build();
      } else {
        AppointmentTypeLink link = type.link().get();
        // A concurrent call with the same id may commit while this one waits for the wallet: then
        // storing the appointment fails on its unique key (TransientException) and the retry
        // answers as a replay. Not looking again here saves a round trip on every spend.
        Wallet wallet = wallets.lock(practice, command.patient(), link.packageId());
        Map<PackageId, Wallet> locked = new TreeMap<>(Map.of(link.packageId(), wallet));
        appointment = cover(draft, command.appointmentId(), link, locked, command.actor().userId(), events);
        saveChanged(Map.of(link.packageId(), wallet), locked);
      }
      ScheduleResult answer = ScheduleResult.of(appointment);
      appointment = appointment.withScheduleAnswer(answer);
      appointments.insert(appointment);
      events.add(new AppointmentChanged(practice, appointment.changedAt(),
          command.actor().userId(), appointment));
      return answer;
    });
  }

  /**
   * Cancels an appointment: its credits go back to exactly the lots they came from, unless the
   * {@link LateCancellationPolicy} decides to keep them (recorded as forfeited). Idempotent: a second
   * cancellation answers as the first, marked {@link CancelResult#replay()}. An appointment marked a
   * no-show cannot be cancelled ({@link ConflictException}).
   */
  public CancelResult cancel(CancelAppointment command) {
    CommandValidator.Check check = validator.check(command);
    return tx.run("cancel", command.practice(), command.appointmentId(), () -> {
      check.orThrow();
      access.check(command.actor(), Action.SCHEDULE_APPOINTMENTS);
    }, answer -> answer.withReplay(false), events -> {
      PracticeId practice = command.practice();
      Appointment appointment = appointments.lock(practice, command.appointmentId())
          .orElseThrow(() -> new NotFoundException("appointment", command.appointmentId(), practice));
      if (appointment.status() == Appointment.Status.CANCELLED) {
        return CancelResult.of(appointment).withReplay(true);
      }
      requireScheduled(appointment, "cancelled");
      String reason = command.reason().map(String::strip).filter(r -> !r.isEmpty())
          .orElse("appointment " + appointment.id() + " cancelled");
      Appointment cancelled = end(appointment, Appointment.Status.CANCELLED, lateCancellation::decide,
          command.actor().userId(), reason, events);
      return CancelResult.of(cancelled);
    });
  }

  /**
   * Marks a scheduled appointment a no-show: the patient did not come. The {@link NoShowPolicy}
   * decides whether its credits stay spent (recorded as forfeited; the default) or go back to
   * exactly the lots they came from. Idempotent: marking it again answers as the first call, marked
   * {@link NoShowResult#replay()}. A cancelled appointment cannot be marked a no-show ({@link
   * ConflictException}).
   */
  public NoShowResult markNoShow(MarkNoShow command) {
    CommandValidator.Check check = validator.check(command);
    return tx.run("markNoShow", command.practice(), command.appointmentId(), () -> {
      check.orThrow();
      access.check(command.actor(), Action.SCHEDULE_APPOINTMENTS);
    }, answer -> answer.withReplay(false), events -> {
      PracticeId practice = command.practice();
      Appointment appointment = appointments.lock(practice, command.appointmentId())
          .orElseThrow(() -> new NotFoundException("appointment", command.appointmentId(), practice));
      if (appointment.status() == Appointment.Status.NO_SHOW) {
        return NoShowResult.of(appointment, true);
      }
      requireScheduled(appointment, "marked a no-show");
      String reason = command.reason().map(String::strip).filter(r -> !r.isEmpty())
          .orElse("appointment " + appointment.id() + " marked a no-show");
      Appointment noShow = end(appointment, Appointment.Status.NO_SHOW, noShowPolicy::decide,
          command.actor().userId(), reason, events);
      return NoShowResult.of(noShow, false);
    });
  }

  /**
   * Ends a scheduled appointment with {@code status}: a covered one's credits go as {@code policy}
   * decides. The decision is only carried out here; which rule made it is the policy's business.
   */
  private Appointment end(Appointment appointment, Appointment.Status status,
      BiFunction<Appointment, Instant, CreditsDecision> policy, UserId actor,
      String reason, List<DomainEvent> events) {
    Appointment.CancelOutcome outcome;
    if (appointment.coverage() != Appointment.Coverage.COVERED) {
      outcome = Appointment.CancelOutcome.NOTHING_TO_GIVE_BACK;
    } else {
      CreditsDecision decision = Objects.requireNonNull(policy.apply(appointment, bookings.now()),
          "the policy's decision");
      if (decision instanceof CreditsDecision.Forfeit forfeit) {
        outcome = Appointment.CancelOutcome.FORFEITED;
        forfeit(appointment, actor, reason + " (" + forfeit.reason() + ")", events);
      } else {
        outcome = Appointment.CancelOutcome.GIVEN_BACK;
        Map<PackageId, Wallet> locked = new TreeMap<>();
        giveBack(appointment, locked, actor, reason, events);
        saveChanged(Map.of(), locked);
      }
    }
    // One build, not with* steps: the status and its outcome only make sense together.
    Appointment ended = ValueBuilders.appointment().from(appointment).status(status).cancelOutcome(outcome)
        .changedBy(actor).changedAt(bookings.now()).build();
    appointments.update(ended);
    events.add(new AppointmentChanged(ended.practice(), ended.changedAt(), actor, ended));
    return ended;
  }

  /**
   * Records that a covered appointment's credits stay spent: a FORFEITED movement per lot, no
   * journal entry (its spend recognised the revenue).
   */
  private void forfeit(Appointment appointment, UserId actor, String reason, List<DomainEvent> events) {
    // The lots only name the accounts here; the credits stay taken, so nothing is saved.
    Wallet wallet = wallets.withLots(
        wallets.lock(appointment.practice(), appointment.patient(), appointment.packageId().orElseThrow()),
        lotIds(appointment));
    for (Allocation allocation : appointment.allocations()) {
      Lot lot = wallet.lot(allocation.lotId()).orElseThrow();
      bookings.book(events, lot, MovementKind.FORFEITED, allocation.credits(), allocation.revenue(), actor,
          reason, sourceKey(appointment));
    }
  }

  private static void requireScheduled(Appointment appointment, String what) {
    if (appointment.status() != Appointment.Status.SCHEDULED) {
      throw new ConflictException(appointment.id().value(), "an appointment that is "
          + appointment.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " cannot be "
          + what);
    }
  }

  /**
   * Gives an appointment another type and re-evaluates its credits in one step: the old credits go
   * back to their lots, the new type's are taken.
   *
   * <p>Setting the type it already has is a replay of the call that gave it that type (the schedule,
   * or the last change): it changes nothing and answers as that call did, marked {@link
   * ScheduleResult#replay()} — also after a cancellation, since a cancellation does not change what
   * covered the appointment. Another type for a cancelled or no-show appointment is a {@link
   * ConflictException}.
   * A change is keyed by the type it sets, so after A→B→A a change to B again is a real change.
   */
  public ScheduleResult changeType(ChangeAppointmentType command) {
    CommandValidator.Check check = validator.check(command);
    return tx.run("changeType", command.practice(), command.appointmentId(), () -> {
      check.orThrow();
      access.check(command.actor(), Action.SCHEDULE_APPOINTMENTS);
    }, answer -> answer.withReplay(false), events -> {
      PracticeId practice = command.practice();
      Appointment appointment = appointments.lock(practice, command.appointmentId())
          .orElseThrow(() -> new NotFoundException("appointment", command.appointmentId(), practice));
      if (appointment.typeId().equals(command.typeId())) {
        return ScheduleResult.of(appointment).withReplay(true);
      }
      requireScheduled(appointment, "given another type");
      AppointmentType type = requireType(practice, command.typeId());
      UserId actor = command.actor().userId();
      // Lock every wallet involved in package-id order, so two commands cannot deadlock on them.
      Map<PackageId, Wallet> locked = new TreeMap<>();
      appointment.packageId().filter(p -> appointment.coverage() == Appointment.Coverage.COVERED)
          .ifPresent(p -> locked.put(p, null));
      type.link().ifPresent(l -> locked.put(l.packageId(), null));
      locked.replaceAll((p, w) -> wallets.lock(practice, appointment.patient(), p));
      Map<PackageId, Wallet> before = Map.copyOf(locked);
      giveBack(appointment, locked, actor, "type of appointment " + appointment.id() + " changed to "
          + type.id(), events);
      Appointment.Builder draft = ValueBuilders.appointment()
          .from(appointment)
          .typeId(type.id())
          .allocations(List.of())
          .packageId(Optional.empty())
          .changedBy(actor)
          .changedAt(bookings.now());
      Appointment changed = type.link().isEmpty()
          ? draft.coverage(Appointment.Coverage.NOT_LINKED).cost(0).build()
          : cover(draft, appointment.id(), type.link().get(), locked, actor, events);
      saveChanged(before, locked);
      appointments.update(changed);
      events.add(new AppointmentChanged(practice, changed.changedAt(), actor, changed));
      return ScheduleResult.of(changed);
    });
  }

  /** Saves the wallets that differ from how they were locked; an untouched (or empty) wallet is not written. */
  private void saveChanged(Map<PackageId, Wallet> before, Map<PackageId, Wallet> after) {
    after.forEach((packageId, wallet) -> {
      if (!wallet.equals(before.get(packageId))) {
        wallets.save(wallet);
      }
    });
  }

  /** Takes the link's credits from the locked wallet, or carries out the shortfall policy's decision. */
  private Appointment cover(Appointment.Builder draft, AppointmentId id, AppointmentTypeLink link,
      Map<PackageId, Wallet> locked, UserId actor, List<DomainEvent> events) {
    Wallet wallet = locked.get(link.packageId());
    int cost = link.creditsPerAppointment();
    draft.packageId(link.packageId()).cost(cost);
    Optional<Wallet.Taking> taking = wallet.take(cost, bookings.today(), order);
    if (taking.isEmpty()) {
      int spendable = wallet.spendableOn(bookings.today());
      ShortfallDecision decision = Objects.requireNonNull(shortfall.decide(new Shortfall(id,
          wallet.patient(), link.packageId(), cost, spendable)), "the shortfall policy's decision");
      if (decision instanceof ShortfallDecision.Reject) {
        throw new InsufficientCreditsException(wallet.patient(), link.packageId(), spendable, cost);
      }
      return draft.coverage(Appointment.Coverage.UNCOVERED).build();
    }
    Appointment appointment = draft.coverage(Appointment.Coverage.COVERED)
        .allocations(taking.get().allocations()).build();
    Wallet after = taking.get().after();
    List<Allocation> allocations = taking.get().allocations();
    for (int i = 0; i < allocations.size(); i++) {
      Allocation allocation = allocations.get(i);
      Lot lot = taking.get().lotsTaken().get(i);
      bookings.book(events, lot, MovementKind.SPENT, allocation.credits(), allocation.revenue(), actor,
          "appointment " + appointment.id() + " of type " + appointment.typeId() + " scheduled",
          sourceKey(appointment));
    }
    locked.put(link.packageId(), after);
    return appointment;
  }

  /** Gives a covered appointment's allocations back to their lots in the locked wallets. */
  private void giveBack(Appointment appointment, Map<PackageId, Wallet> locked, UserId actor, String reason,
      List<DomainEvent> events) {
    if (appointment.coverage() != Appointment.Coverage.COVERED) {
      return;
    }
    PackageId packageId = appointment.packageId().orElseThrow();
    // A lot the credits came from may have been used up since, so it is not among the locked
    // wallet's open lots: load exactly the appointment's lots.
    Wallet wallet = wallets.withLots(locked.computeIfAbsent(packageId,
        p -> wallets.lock(appointment.practice(), appointment.patient(), p)), lotIds(appointment));
    for (Allocation allocation : appointment.allocations()) {
      wallet = wallet.giveBack(allocation);
      bookings.book(events, wallet.lot(allocation.lotId()).orElseThrow(), MovementKind.GIVEN_BACK,
          allocation.credits(), allocation.revenue(), actor, reason, sourceKey(appointment));
    }
    locked.put(packageId, wallet);
  }

  private ScheduleResult replay(Appointment earlier, ScheduleAppointment command) {
    List<String> differences = new ArrayList<>();
    if (!earlier.patient().equals(command.patient())) {
      differences.add("patient");
    }
    if (!earlier.scheduledTypeId().equals(command.typeId())) {
      differences.add("appointment type");
    }
    if (!earlier.start().equals(command.start())) {
      differences.add("start");
    }
    if (!differences.isEmpty()) {
      throw new ConflictException(earlier.id().value(),
          "this appointment was already scheduled with another " + String.join(" and ", differences));
    }
    return earlier.scheduleAnswer().orElseGet(() -> ScheduleResult.of(earlier)).withReplay(true);
  }

  private AppointmentType requireType(PracticeId practice, nl.pakketten.catalog.AppointmentTypeId id) {
    return types.find(practice, id).orElseThrow(() -> new NotFoundException("appointment type", id, practice));
  }

  private static List<LotId> lotIds(Appointment appointment) {
    return appointment.allocations().stream().map(Allocation::lotId).toList();
  }

  private static String sourceKey(Appointment appointment) {
    return "appointment:" + appointment.id();
  }
}
