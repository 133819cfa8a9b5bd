package nl.pakketten.granting;

import nl.pakketten.common.Answer;
import nl.pakketten.common.ImportId;

/** The answer to an import. */
public sealed interface ImportResult extends Answer {
  /** {@return the import's key} */
  ImportId importId();

  /** {@return the lot the import granted, as granted} */
  LotGrant grant();

  /**
   * Whether this call was a replay.
   *
   * @return true for {@link AlreadyImported}: a replay, answered with what the first import granted
   */
  default boolean replay() {
    return this instanceof AlreadyImported;
  }

  /**
   * The import was new: this lot was granted now.
   *
   * @param importId the import's key
   * @param grant the lot granted
   */
  record Imported(ImportId importId, LotGrant grant) implements ImportResult {}

  /**
   * The import was done before: nothing was granted now; this is the lot it granted then, as
   * granted (whatever was spent or expired since).
   *
   * @param importId the import's key
   * @param grant the lot the first import granted
   */
  record AlreadyImported(ImportId importId, LotGrant grant) implements ImportResult {}
}
