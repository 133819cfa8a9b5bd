package nl.pakketten.testevents;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import nl.pakketten.appointments.Appointment;
import nl.pakketten.appointments.ScheduleResult;
import nl.pakketten.common.DomainEvent;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.UserId;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * A domain event of the tests only, in a package the codec allows, with the kinds of components no
 * event of the core has yet: nullable ones, a set, a {@code long}, a {@code BigDecimal}, a {@code
 * boolean}, a sealed answer and a list of dates.
 *
 * @param practice the practice
 * @param at when
 * @param actor who
 * @param note free text, or null
 * @param fee an amount, or null
 * @param outcome an enum, or null
 * @param sequence a long
 * @param share an exact decimal, its scale kept
 * @param urgent a flag
 * @param patients a set
 * @param days a list of dates
 * @param answer a sealed type's value, or null
 */
public record SampleEvent(PracticeId practice, Instant at, UserId actor, @Nullable String note, @Nullable Money fee,
    Appointment.@Nullable CancelOutcome outcome, long sequence, BigDecimal share, boolean urgent,
    Set<PatientId> patients, List<LocalDate> days, @Nullable ScheduleResult answer) implements DomainEvent {}
