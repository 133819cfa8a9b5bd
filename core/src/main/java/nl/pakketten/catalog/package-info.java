/**
 * The package catalog: packages (pakketten) with their internal rate and bookkeeping accounts, and
 * the products and appointment types linked to them.
 */
@DomainStyle
@NullMarked
package nl.pakketten.catalog;

import nl.pakketten.internal.style.DomainStyle;
import org.jspecify.annotations.NullMarked;
