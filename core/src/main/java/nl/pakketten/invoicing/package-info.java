/**
 * Invoicing: the sale itself. A practice profile, product invoices with a life (draft, issued with
 * a number from a gapless series, sent, partially paid, paid; cancelled by a credit note), payments
 * that grant credits once the invoice is fully paid, and the practice's e-mail templates. The
 * documents are rendered, printed and mailed by {@link nl.pakketten.spi.DocumentServices}.
 */
@DomainStyle
@NullMarked
package nl.pakketten.invoicing;

import nl.pakketten.internal.style.DomainStyle;
import org.jspecify.annotations.NullMarked;
