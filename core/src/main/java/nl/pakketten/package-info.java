/**
 * Pakketten: prepaid appointment packages for care-practice software. Start at {@link
 * nl.pakketten.Pakketten}.
 */
@NullMarked
package nl.pakketten;

import org.jspecify.annotations.NullMarked;
