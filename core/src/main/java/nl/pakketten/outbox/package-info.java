/**
 * The transactional outbox: the mails the SDK sends and the domain events it publishes, written in
 * the same transaction as the change that caused them, and delivered after its commit. A message
 * is never lost between the commit and the delivery (a crash leaves it queued; a dispatcher
 * delivers it later) and never delivered for a transaction that rolled back (it was never stored).
 *
 * <p>Mails ({@link nl.pakketten.outbox.MessageKind#MAIL}) are delivered by a dispatcher the host
 * runs ({@code Pakketten.dispatchOutbox()} from its scheduler, or {@code
 * Pakketten.startOutboxDispatcher(...)}); each attempt is recorded, failures are retried with
 * backoff, and a message stays visible as {@linkplain nl.pakketten.outbox.OutboxState queued, sent
 * or failed} and can be resent. Domain events ({@link nl.pakketten.outbox.MessageKind#EVENT}) are
 * published on the calling thread right after the commit, as before; only those whose publishing
 * did not happen (a crash, a listener that threw) are left for the dispatcher.
 */
@DomainStyle
@NullMarked
package nl.pakketten.outbox;

import nl.pakketten.internal.style.DomainStyle;
import org.jspecify.annotations.NullMarked;
