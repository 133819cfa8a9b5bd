package nl.pakketten.wallet;

import nl.pakketten.common.LotId;
import org.joda.money.Money;

/**
 * Credits an appointment took from one lot, and the revenue that recognised. A cancellation gives
 * back exactly these credits to exactly this lot and reverses exactly this revenue.
 *
 * @param lotId the lot the credits came from
 * @param credits how many, at least 1
 * @param revenue the revenue taking them recognised
 */
public record Allocation(LotId lotId, int credits, Money revenue) {}
