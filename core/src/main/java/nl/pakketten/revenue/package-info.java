/**
 * Internal-rate revenue: the journal the SDK books every grant, spend, give-back and expiry in,
 * and the reports a bookkeeper reads from it.
 */
@DomainStyle
@NullMarked
package nl.pakketten.revenue;

import nl.pakketten.internal.style.DomainStyle;
import org.jspecify.annotations.NullMarked;
