package io.mcpiac.engine.states;

/**
 * The state database itself failed: it is corrupt, the disk under it fails, or it is full. Unlike a
 * passing failure, nothing written after this can be trusted to be there: an apply stops at once.
 */
public class StateDamagedException extends StateStoreException {
  private static final long serialVersionUID = 1L;

  /** What went wrong with the database. */
  public enum Damage {
    /** The file's content is not a valid database any more. */
    CORRUPT("is corrupt"),
    /** Reading or writing the file failed. */
    IO_ERROR("cannot be read or written (I/O error)"),
    /** The disk or quota is full: what is there is intact, nothing more can be added. */
    FULL("is full (no space left for state)");

    private final String words;

    Damage(String words) {
      this.words = words;
    }

    /** {@code is corrupt}: completes "the state at X …". */
    public String words() {
      return words;
    }
  }

  private final Damage damage;
  private final String location;

  public StateDamagedException(Damage damage, String location, String detail, Throwable cause) {
    super("the state at " + location + " " + damage.words() + ": " + detail, cause);
    this.damage = damage;
    this.location = location;
  }

  public Damage damage() {
    return damage;
  }

  public String location() {
    return location;
  }
}
