/** Who may do what: the replaceable {@link nl.pakketten.access.AccessPolicy}. */
@NullMarked
package nl.pakketten.access;

import org.jspecify.annotations.NullMarked;
