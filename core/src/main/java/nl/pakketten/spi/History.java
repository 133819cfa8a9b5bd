package nl.pakketten.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.Page;
import nl.pakketten.common.PageRequest;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.wallet.CreditBalance;
import nl.pakketten.wallet.Movement;
import org.joda.money.Money;

/** Port: the append-only history of credit movements. */
public interface History {
  /**
   * Appends a movement; it is never changed afterwards.
   *
   * @param movement the movement, in its own practice and patient
   */
  void append(Movement movement);

  /**
   * A page of the patient's movements in the order they were appended (keyset on the append
   * sequence: a movement appended while a caller pages is read on a later page, never twice). An
   * unusable cursor is an {@link nl.pakketten.common.InvalidInputException} naming {@code after}.
   *
   * @param practice the practice
   * @param patient the patient
   * @param request which page
   * @return the page; empty when the patient has no (more) movements
   */
  Page<Movement> ofPatient(PracticeId practice, PatientId patient, PageRequest request);

  /**
   * Per package, the patient's balance after every movement with {@code at < before}: the credits
   * (the sum of each movement's {@link Movement#balanceEffect()}) and the deferred value of the
   * patient's lots (the sum of each movement's value in less its value out, as {@link
   * #valuedBetween} defines them). Summed by the storage (the JDBC adapter in one aggregate query),
   * never by reading the movements one by one into the caller.
   *
   * @param practice the practice
   * @param patient the patient
   * @param before the first instant not counted
   * @return the balances, sorted by package id; a package appears when the patient has a movement
   *     of it before {@code before}; empty when none
   */
  SortedMap<PackageId, CreditBalance> balancesBefore(PracticeId practice, PatientId patient, Instant before);

  /**
   * The patient's movements with {@code from <= at < to}, in the order they were appended, each with
   * the deferred value it moved. The value of a movement is read from the balance-sheet lines
   * (role {@code DEFERRED_REVENUE}) of the journal entry booked for it (the entry whose id is the
   * movement's id): credited lines are value in, debited lines value out. Two exceptions: a transfer's
   * entry, booked on the giver's {@code TRANSFERRED_OUT} movement, also credits the receiver, so only
   * its debit counts there; and the receiver's {@code TRANSFERRED_IN} movement, which has no entry,
   * brings in the deferred value of the lot it created. A movement without an entry (a forfeit, a
   * grant of zero value) moves no value.
   *
   * @param practice the practice
   * @param patient the patient
   * @param from the first instant included
   * @param to the first instant no longer included
   * @param limit at most this many movements, from 1
   * @return the movements, oldest first; empty when there are none in the period
   */
  List<ValuedMovement> valuedBetween(PracticeId practice, PatientId patient, Instant from, Instant to, int limit);

  /**
   * A movement with the deferred value it moved in and out of the patient's lots.
   *
   * @param movement the movement
   * @param valueIn deferred value it brought in; zero or positive
   * @param valueOut deferred value that left with it; zero or positive
   */
  record ValuedMovement(Movement movement, Money valueIn, Money valueOut) {
    /**
     * A valued movement.
     *
     * @param movement the movement
     * @param valueIn value in
     * @param valueOut value out
     * @throws NullPointerException when a reference is missing
     */
    public ValuedMovement {
      Objects.requireNonNull(movement, "movement");
      Objects.requireNonNull(valueIn, "valueIn");
      Objects.requireNonNull(valueOut, "valueOut");
    }
  }
}
