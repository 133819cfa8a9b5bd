/**
 * Appointments and spending: scheduling an appointment of a linked type takes credits from the
 * patient's wallet; cancelling, changing its type or marking a no-show gives them back or keeps them.
 * What happens at a shortfall, a late cancellation and a no-show is decided by policies ({@link
 * nl.pakketten.appointments.ShortfallPolicy}, {@link nl.pakketten.appointments.LateCancellationPolicy},
 * {@link nl.pakketten.appointments.NoShowPolicy}) that take the facts and return a decision.
 */
@DomainStyle
@NullMarked
package nl.pakketten.appointments;

import nl.pakketten.internal.style.DomainStyle;
import org.jspecify.annotations.NullMarked;
