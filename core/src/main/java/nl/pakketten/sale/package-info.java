/**
 * The sale: product invoices with a life. A draft of lines by product code becomes an issued
 * invoice with a number from the practice's gapless series and a snapshot of the practice and the
 * patient as they were; it is sent, then partially paid or paid, and once fully paid its linked
 * products grant their credits, once. An unpaid issued invoice is cancelled by a credit note with
 * its own number; an issued invoice is never changed or deleted.
 */
@DomainStyle
@NullMarked
package nl.pakketten.sale;

import nl.pakketten.internal.style.DomainStyle;
import org.jspecify.annotations.NullMarked;
