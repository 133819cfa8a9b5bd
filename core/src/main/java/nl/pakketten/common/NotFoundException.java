package nl.pakketten.common;


/** Something a command refers to does not exist in the command's practice. */
public final class NotFoundException extends PakkettenException {
  private final String kind;
  private final String id;

  public NotFoundException(String kind, Object id, PracticeId practice) {
    super("Not found: " + kind + " '" + id + "' in practice '" + practice + "'");
    this.kind = kind;
    this.id = String.valueOf(id);
  }

  /** What kind of thing, for example {@code package} or {@code product}. */
  public String kind() {
    return kind;
  }

  /** Its identifier. */
  public String id() {
    return id;
  }
}
