/**
 * Internal: the use cases, one per command, each built with only the ports it uses, and reached
 * through {@link nl.pakketten.Pakketten} only. Not part of the API: not exported by the module, left
 * out of the Javadoc.
 */
@DomainStyle
@NullMarked
package nl.pakketten.internal.usecase;

import nl.pakketten.internal.style.DomainStyle;
import org.jspecify.annotations.NullMarked;
