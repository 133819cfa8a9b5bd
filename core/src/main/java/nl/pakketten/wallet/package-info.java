/**
 * Wallets and lots: the credits each patient holds per package. A {@link nl.pakketten.wallet.Lot}
 * is what one paid invoice line or one import granted, with its rate, deferred value, accounts and
 * last day fixed when granted; a {@link nl.pakketten.wallet.Wallet} is a patient's lots of one
 * package, spent in {@link nl.pakketten.wallet.SpendingOrder}. Every change of a lot is a
 * {@link nl.pakketten.wallet.Movement} in the history and a {@link nl.pakketten.wallet.CreditEvents}
 * event. Expiry ({@link nl.pakketten.wallet.ExpireCredits}) lives here too: it is a rule of lots.
 */
@DomainStyle
@NullMarked
package nl.pakketten.wallet;

import nl.pakketten.internal.style.DomainStyle;
import org.jspecify.annotations.NullMarked;
