/**
 * Pakketten: prepaid appointment packages for care-practice software. Start at {@link
 * nl.pakketten.Pakketten}.
 */
package nl.pakketten;
