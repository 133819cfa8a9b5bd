package nl.pakketten.credits;

/** The answer to an import. */
public sealed interface ImportResult {
  ImportId importId();

  LotGrant grant();

  /** The import was new: this lot was granted now. */
  record Imported(ImportId importId, LotGrant grant) implements ImportResult {}

  /** The import was done before: nothing was granted now; this is the lot it granted then. */
  record AlreadyImported(ImportId importId, LotGrant grant) implements ImportResult {}
}
