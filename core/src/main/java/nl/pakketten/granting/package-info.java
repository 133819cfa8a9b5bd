/**
 * Granting: credits arrive when a paid invoice is registered ({@link
 * nl.pakketten.granting.RegisterPayment}) or when an owner imports them ({@link
 * nl.pakketten.granting.ImportCredits}); each is idempotent on its invoice or import id.
 */
@DomainStyle
@NullMarked
package nl.pakketten.granting;

import nl.pakketten.internal.style.DomainStyle;
import org.jspecify.annotations.NullMarked;
