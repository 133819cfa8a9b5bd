/**
 * What every part of the domain shares: identifiers of practices, patients and users, the acting
 * {@link nl.pakketten.common.Actor}, the exception hierarchy rooted at {@link
 * nl.pakketten.common.PakkettenException}, and the event and transaction ports.
 */
@NullMarked
package nl.pakketten.common;

import org.jspecify.annotations.NullMarked;
