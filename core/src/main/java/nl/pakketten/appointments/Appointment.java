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

  public abstract PracticeId practice();

  public abstract AppointmentId id();

  public abstract PatientId patient();

  /** Its current type. */
  public abstract AppointmentTypeId typeId();

  /** The type it was first scheduled with: part of what makes a replay of the schedule call a true one. */
  public abstract AppointmentTypeId scheduledTypeId();

  public abstract Instant start();

  public abstract Status status();

  public abstract Coverage coverage();

  /** The package whose credits it spent or would have spent. */
  public abstract Optional<PackageId> packageId();

  /** The credits its type cost when it was scheduled (0 when the type was not linked). */
  public abstract int cost();

  /** Where its credits came from; empty unless covered. */
  public abstract List<Allocation> allocations();

  /**
   * What ending it did with its credits, once ended: its cancellation's outcome when {@link
   * Status#CANCELLED}, its no-show's when {@link Status#NO_SHOW}; empty while scheduled.
   */
  public abstract Optional<CancelOutcome> cancelOutcome();

  /**
   * The answer its schedule call gave, kept so that a replay of that call answers the same whatever
   * happened since (a type change, a cancellation). Empty for an appointment stored before the SDK
   * kept it (a JDBC row written before migration V2): a replay then answers from its current state.
   */
  public abstract Optional<ScheduleResult> scheduleAnswer();

  public abstract UserId changedBy();

  public abstract Instant changedAt();

  /** Whether it is scheduled, cancelled, or was marked a no-show. */
  public enum Status {
    SCHEDULED,
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
    GIVEN_BACK,
    /** Kept under the late-cancellation or the no-show policy. */
    FORFEITED,
    /** There were no credits to give back. */
    NOTHING_TO_GIVE_BACK
  }

  /** Total credits taken. */
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
