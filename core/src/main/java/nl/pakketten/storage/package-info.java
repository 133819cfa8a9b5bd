/**
 * What a host learns about whether a write was stored: {@link
 * nl.pakketten.storage.TransactionFailedException} (not stored; safe to retry) and {@link
 * nl.pakketten.storage.OutcomeUnknownException} (perhaps stored; replay with the same idempotency
 * key), both {@link nl.pakketten.storage.StorageException}s.
 */
@NullMarked
package nl.pakketten.storage;

import org.jspecify.annotations.NullMarked;
