package nl.pakketten.wallet;

import java.time.Instant;
import nl.pakketten.common.DomainEvent;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.UserId;

/**
 * The events of credits: one per movement in the history. An appointment's own change is told by
 * {@code nl.pakketten.appointments.AppointmentChanged}.
 */
public final class CreditEvents {
  private CreditEvents() {}

  /** An event that stands for one movement of the history. */
  public sealed interface CreditEvent extends DomainEvent {
    /** {@return the movement of the history this event stands for} */
    Movement movement();

    @Override
    default PracticeId practice() {
      return movement().practice();
    }

    @Override
    default Instant at() {
      return movement().at();
    }

    @Override
    default UserId actor() {
      return movement().actor();
    }
  }

  /**
   * Credits granted by a paid invoice line.
   *
   * @param movement the movement of the history it stands for
   */
  public record CreditsGranted(Movement movement) implements CreditEvent {}

  /**
   * Credits imported by hand.
   *
   * @param movement the movement of the history it stands for
   */
  public record CreditsImported(Movement movement) implements CreditEvent {}

  /**
   * Credits spent by an appointment.
   *
   * @param movement the movement of the history it stands for
   */
  public record CreditsSpent(Movement movement) implements CreditEvent {}

  /**
   * Credits given back by a cancellation, a type change or a no-show (under its policy).
   *
   * @param movement the movement of the history it stands for
   */
  public record CreditsGivenBack(Movement movement) implements CreditEvent {}

  /**
   * Credits kept by the late-cancellation or the no-show policy.
   *
   * @param movement the movement of the history it stands for
   */
  public record CreditsForfeited(Movement movement) implements CreditEvent {}

  /**
   * Credits of a lot past its expiry date removed.
   *
   * @param movement the movement of the history it stands for
   */
  public record CreditsExpired(Movement movement) implements CreditEvent {}

  /**
   * Unspent credits revoked because the payment that granted them was reversed.
   *
   * @param movement the movement of the history it stands for
   */
  public record CreditsReversed(Movement movement) implements CreditEvent {}

  /**
   * Credits moved between two patients of the practice: one event for the giver's movement
   * ({@link MovementKind#TRANSFERRED_OUT}) and one for the receiver's ({@link
   * MovementKind#TRANSFERRED_IN}).
   *
   * @param movement the movement of the history it stands for
   */
  public record CreditsTransferred(Movement movement) implements CreditEvent {}

  /**
   * Unused credits of a lot refunded to the patient.
   *
   * @param movement the movement of the history it stands for
   */
  public record CreditsRefunded(Movement movement) implements CreditEvent {}

  /**
   * A spend left a wallet's balance at or below its package's low-balance threshold ({@code
   * CreditPackage.lowBalanceThreshold}), so the host may tell the patient. Raised by every such
   * spend (a schedule or a type change), not only the first to cross the threshold.
   *
   * @param practice the practice
   * @param at when the spend happened
   * @param actor who scheduled or changed the appointment
   * @param patient the patient
   * @param packageId the package
   * @param balance the wallet's balance after the spend
   * @param threshold the package's threshold at the time
   */
  public record CreditsLow(PracticeId practice, Instant at, UserId actor, nl.pakketten.common.PatientId patient,
      nl.pakketten.catalog.PackageId packageId, int balance, int threshold) implements DomainEvent {}

  /**
   * A lot's credits can be spent only until {@code lastDay}, which is near: raised by {@code
   * NotifyExpiringCredits} once per lot and run day, so the host can remind the patient.
   *
   * @param practice the practice
   * @param at when the notice was raised
   * @param actor who ran the command
   * @param patient the patient
   * @param packageId the package
   * @param lot the lot
   * @param credits its credits remaining
   * @param lastDay the last day they can be spent
   */
  public record CreditsExpiringSoon(PracticeId practice, Instant at, UserId actor,
      nl.pakketten.common.PatientId patient, nl.pakketten.catalog.PackageId packageId, nl.pakketten.common.LotId lot,
      int credits, java.time.LocalDate lastDay) implements DomainEvent {}

  /**
   * The event that stands for {@code movement}, by its kind.
   *
   * @param movement a movement of the history
   * @return the event of its kind, for example {@link CreditsSpent} for a spend
   */
  public static CreditEvent of(Movement movement) {
    return switch (movement.kind()) {
      case GRANTED -> new CreditsGranted(movement);
      case IMPORTED -> new CreditsImported(movement);
      case SPENT -> new CreditsSpent(movement);
      case GIVEN_BACK -> new CreditsGivenBack(movement);
      case FORFEITED -> new CreditsForfeited(movement);
      case EXPIRED -> new CreditsExpired(movement);
      case REVERSED -> new CreditsReversed(movement);
      case TRANSFERRED_OUT, TRANSFERRED_IN -> new CreditsTransferred(movement);
      case REFUNDED -> new CreditsRefunded(movement);
    };
  }
}
