/**
 * Credits: each patient's wallet of lots per package, granted by paid invoices and imports, spent
 * by scheduled appointments and given back by cancellations, with every movement in the history.
 */
@DomainStyle
@NullMarked
package nl.pakketten.credits;

import nl.pakketten.internal.DomainStyle;
import org.jspecify.annotations.NullMarked;
