/**
 * Internal: the durable form of domain events, for a transactional outbox that stores an event with
 * the change that caused it and publishes it later, possibly from another process. Not part of the
 * API: not exported by the module, left out of the Javadoc.
 */
@NullMarked
package nl.pakketten.internal.outbox;

import org.jspecify.annotations.NullMarked;
