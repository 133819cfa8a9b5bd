package nl.pakketten.granting;

import java.util.List;
import nl.pakketten.common.Answer;
import nl.pakketten.common.InvoiceId;

/** The answer to a payment registration. */
public sealed interface PaymentResult extends Answer {
  /** {@return the paid invoice} */
  InvoiceId invoiceId();

  /**
   * The lots the payment granted.
   *
   * @return one per invoice line of a linked product; empty when no line was linked
   */
  List<LotGrant> grants();

  /**
   * Whether this call was a replay.
   *
   * @return true for {@link AlreadyGranted}: a replay, answered with what the first registration
   *     granted
   */
  default boolean replay() {
    return this instanceof AlreadyGranted;
  }

  /** {@return the credits granted over all lots; 0 when no line was linked} */
  default int credits() {
    return grants().stream().mapToInt(LotGrant::credits).sum();
  }

  /**
   * The payment was new: these lots were granted now.
   *
   * @param invoiceId the paid invoice
   * @param grants the lots granted
   */
  record Granted(InvoiceId invoiceId, List<LotGrant> grants) implements PaymentResult {
    /**
     * The answer; the grants are copied.
     *
     * @param invoiceId the paid invoice
     * @param grants the lots granted
     */
    public Granted {
      grants = List.copyOf(grants);
    }
  }

  /**
   * The payment was registered before: nothing was granted now; these are the lots it granted then,
   * as granted (their credits, rate and value then, whatever was spent or expired since).
   *
   * @param invoiceId the paid invoice
   * @param grants the lots the first registration granted
   */
  record AlreadyGranted(InvoiceId invoiceId, List<LotGrant> grants) implements PaymentResult {
    /**
     * The answer; the grants are copied.
     *
     * @param invoiceId the paid invoice
     * @param grants the lots the first registration granted
     */
    public AlreadyGranted {
      grants = List.copyOf(grants);
    }
  }
}
