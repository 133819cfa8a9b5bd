package nl.pakketten.appointments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.UserId;
import nl.pakketten.internal.style.Makers;
import nl.pakketten.wallet.Allocation;
import org.immutables.value.Value;

/**
 * An appointment as the SDK knows it: which type, whether a package covered it, and the credits it
 * took from which lots, so that a cancellation gives back exactly those.
 */
@Value.Immutable
public abstract class Appointment {
  Appointment() {}

  /** {@return the practice it belongs to} */
  public abstract PracticeId practice();

  /** {@return the host's appointment id, the key of its schedule and cancel calls} */
  public abstract AppointmentId id();

  /** {@return the patient it is for} */
  public abstract PatientId patient();

  /** {@return its current type} */
  public abstract AppointmentTypeId typeId();

  /**
   * {@return the type it was first scheduled with: part of what makes a replay of the schedule call
   * a true one}
   */
  public abstract AppointmentTypeId scheduledTypeId();

  /** {@return when it starts; the late-cancellation policy measures from it} */
  public abstract Instant start();

  /** {@return whether it is scheduled, cancelled or a no-show} */
  public abstract Status status();

  /**
   * {@return whether a package paid for it, as decided when it was scheduled or its type changed}
   */
  public abstract Coverage coverage();

  /** {@return the package whose credits it spent or would have spent} */
  public abstract Optional<PackageId> packageId();

  /** {@return the credits its type cost when it was scheduled (0 when the type was not linked)} */
  public abstract int cost();

  /** {@return where its credits came from; empty unless covered} */
  public abstract List<Allocation> allocations();

  /**
   * What ending it did with its credits, once ended: its cancellation's outcome when {@link
   * Status#CANCELLED}, its no-show's when {@link Status#NO_SHOW}; empty while scheduled.
   *
   * @return given back, forfeited or nothing to give back; empty while scheduled
   */
  public abstract Optional<CancelOutcome> cancelOutcome();

  /**
   * The answer its schedule call gave, kept so that a replay of that call answers the same whatever
   * happened since (a type change, a cancellation). Empty for an appointment stored before the SDK
   * kept it (a JDBC row written before migration V2): a replay then answers from its current state.
   *
   * @return the first answer of its schedule call; empty for an appointment stored before V2
   */
  public abstract Optional<ScheduleResult> scheduleAnswer();

  /** {@return who made its last change} */
  public abstract UserId changedBy();

  /** {@return when it last changed, by the SDK's clock} */
  public abstract Instant changedAt();

  /** Whether it is scheduled, cancelled, or was marked a no-show. */
  public enum Status {
    /** Scheduled and not cancelled: its credits, if any, are spent. */
    SCHEDULED,
    /** Cancelled; see {@link Appointment#cancelOutcome()} for its credits. */
    CANCELLED,
    /** The patient did not come; see {@link NoShowPolicy}. */
    NO_SHOW
  }

  /** Whether a package paid for it. */
  public enum Coverage {
    /** Its credits were taken from the patient's lots. */
    COVERED,
    /** Its type is not linked to a package. */
    NOT_LINKED,
    /** Its type is linked but the patient had too few credits (under {@link ShortfallPolicy#ALLOW_UNCOVERED}). */
    UNCOVERED
  }

  /** What a cancellation, or marking a no-show, did with the credits. */
  public enum CancelOutcome {
    /** The credits went back to the lots they came from. */
    GIVEN_BACK,
    /** Kept under the late-cancellation or the no-show policy. */
    FORFEITED,
    /** There were no credits to give back. */
    NOTHING_TO_GIVE_BACK
  }

  /** {@return the credits taken over all its allocations; 0 unless covered} */
  public int creditsTaken() {
    int credits = 0;
    for (Allocation allocation : allocations()) {
      credits += allocation.credits();
    }
    return credits;
  }

  @Value.Check
  void check() {
    if (cancelOutcome().isPresent() == (status() == Status.SCHEDULED)) {
      throw new IllegalStateException("Appointment " + id() + " is " + status()
          + (cancelOutcome().isPresent() ? " but has an outcome" : " but has no outcome"));
    }
    scheduleAnswer().ifPresent(answer -> {
      boolean ownType = !(answer instanceof ScheduleResult.NotCovered n) || n.typeId().equals(scheduledTypeId());
      if (answer.replay() || !answer.appointmentId().equals(id()) || !ownType) {
        throw new IllegalStateException("The schedule answer of appointment " + id()
            + " must be the first answer for its own id and scheduled type, not " + answer);
      }
    });
  }

  /**
   * A copy that keeps the answer of its schedule call.
   *
   * @param answer the first answer for this appointment's id and scheduled type
   * @return the changed copy
   * @throws IllegalStateException when {@code answer} is a replay or of another appointment
   */
  public abstract Appointment withScheduleAnswer(ScheduleResult answer);

  static {
    Makers.register(Builder.class, Builder::new);
  }

  /**
   * Builds a {@link Appointment}; {@code build()} checks its invariants. Adapters get one from {@code
   * nl.pakketten.spi.ValueBuilders}; hosts read values and never build them.
   */
  public static final class Builder extends ImmutableAppointment.Builder {
    Builder() {}
  }
}
