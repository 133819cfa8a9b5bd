/** Who may do what: the replaceable {@link nl.pakketten.access.AccessPolicy}. */
package nl.pakketten.access;
