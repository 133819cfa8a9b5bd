package nl.pakketten.granting;

import java.util.List;
import nl.pakketten.common.Answer;
import nl.pakketten.common.InvoiceId;

/** The answer to a payment registration. */
public sealed interface PaymentResult extends Answer {
  InvoiceId invoiceId();

  /** One per invoice line of a linked product; empty when no line was linked. */
  List<LotGrant> grants();

  /** True for {@link AlreadyGranted}: a replay, answered with what the first registration granted. */
  default boolean replay() {
    return this instanceof AlreadyGranted;
  }

  /** Total credits granted. */
  default int credits() {
    return grants().stream().mapToInt(LotGrant::credits).sum();
  }

  /** The payment was new: these lots were granted now. */
  record Granted(InvoiceId invoiceId, List<LotGrant> grants) implements PaymentResult {
    public Granted {
      grants = List.copyOf(grants);
    }
  }

  /**
   * The payment was registered before: nothing was granted now; these are the lots it granted then,
   * as granted (their credits, rate and value then, whatever was spent or expired since).
   */
  record AlreadyGranted(InvoiceId invoiceId, List<LotGrant> grants) implements PaymentResult {
    public AlreadyGranted {
      grants = List.copyOf(grants);
    }
  }
}
