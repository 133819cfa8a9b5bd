/** Internal: the Immutables styles of the API's values and commands. Not part of the API. */
@NullMarked
package nl.pakketten.internal.style;

import org.jspecify.annotations.NullMarked;
