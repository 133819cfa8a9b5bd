package nl.pakketten.common;


/** Something a command refers to does not exist in the command's practice. */
public final class NotFoundException extends PakkettenException {
  /** What kind of thing was not found. */
  private final String kind;
  /** Its identifier, as text. */
  private final String id;

  /**
   * Nothing of {@code kind} with {@code id} exists in {@code practice}.
   *
   * @param kind what kind of thing, for example {@code package} or {@code product}
   * @param id its identifier; its text is kept
   * @param practice the practice of the command, for the message
   */
  public NotFoundException(String kind, Object id, PracticeId practice) {
    super("Not found: " + kind + " '" + id + "' in practice '" + practice + "'");
    this.kind = kind;
    this.id = String.valueOf(id);
  }

  /**
   * What kind of thing was not found.
   *
   * @return for example {@code package} or {@code product}
   */
  public String kind() {
    return kind;
  }

  /**
   * The identifier that was not found.
   *
   * @return the identifier as text
   */
  public String id() {
    return id;
  }
}
