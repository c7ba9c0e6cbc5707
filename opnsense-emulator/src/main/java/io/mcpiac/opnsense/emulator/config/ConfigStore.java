package io.mcpiac.opnsense.emulator.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.opnsense.emulator.persistence.ConfigFile;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The configuration with OPNsense's lock discipline: writers hold an exclusive lock (like {@code
 * Config::lock()}) so concurrent writes serialise; every save makes a new revision (kept in memory,
 * and on disk when a data directory is set); each subsystem keeps what it last applied.
 */
public final class ConfigStore {
  /** OPNsense's default {@code system/backupcount}. */
  public static final int RETENTION = 100;

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
  private final ConfigFile file;
  private Config config;
  private final Map<Subsystem, ObjectNode> applied = new EnumMap<>(Subsystem.class);
  private final Deque<Map.Entry<Revision, ObjectNode>> memoryRevisions = new ArrayDeque<>();
  private Revision revision;

  public ConfigStore(Config initial, ConfigFile file) {
    this.file = file;
    ObjectNode saved = file == null ? null : file.load();
    if (saved != null) {
      this.config = new Config((ObjectNode) saved.get("config"));
      JsonNode rev = saved.get("revision");
      this.revision =
          rev == null
              ? null
              : new Revision(
                  rev.path("time").asText(),
                  rev.path("username").asText(),
                  rev.path("description").asText());
      JsonNode app = saved.path("applied");
      for (Subsystem s : Subsystem.values()) {
        JsonNode a = app.get(s.id());
        applied.put(s, a instanceof ObjectNode o ? o : snapshot(s));
      }
    } else {
      this.config = initial;
      for (Subsystem s : Subsystem.values()) {
        applied.put(s, snapshot(s));
      }
      persistCurrent();
    }
  }

  /** Runs a read under the shared lock. */
  public <T> T read(Function<Config, T> reader) {
    lock.readLock().lock();
    try {
      return reader.apply(config);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The outcome of a write: whether to save, and the answer to give. */
  public record Outcome<T>(boolean save, T value) {
    public static <T> Outcome<T> saved(T value) {
      return new Outcome<>(true, value);
    }

    public static <T> Outcome<T> unchanged(T value) {
      return new Outcome<>(false, value);
    }
  }

  /**
   * Runs a write under the exclusive lock on a working copy; only a saving outcome replaces the
   * configuration (so failures and exceptions leave nothing behind) and makes a new revision.
   */
  public <T> T write(String username, String description, Function<Config, Outcome<T>> writer) {
    lock.writeLock().lock();
    try {
      Config work = config.copy();
      Outcome<T> out = writer.apply(work);
      if (out.save()) {
        config = work;
        saveRevision(username, description);
      }
      return out.value();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** {@code Config::save()} without changes (the savepoint action): a new revision only. */
  public Revision saveUnchanged(String username, String description) {
    lock.writeLock().lock();
    try {
      saveRevision(username, description);
      return revision;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Replaces the whole configuration (rollback) in one locked step, saving a new revision. */
  public void replace(
      java.util.function.UnaryOperator<Config> replacement, String username, String description) {
    lock.writeLock().lock();
    try {
      config = replacement.apply(config.copy());
      saveRevision(username, description);
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void saveRevision(String username, String description) {
    revision = new Revision(nextRevisionTime(), username, description);
    for (Subsystem s : Subsystem.values()) {
      if (s.appliesOnSave()) {
        applied.put(s, snapshot(s));
      }
    }
    ObjectNode copy = config.json().deepCopy();
    if (file != null) {
      file.saveBackup(revision.time(), copy);
    } else {
      memoryRevisions.addLast(Map.entry(revision, copy));
      while (memoryRevisions.size() > RETENTION) {
        memoryRevisions.removeFirst();
      }
    }
    persistCurrent();
  }

  /** {@code sprintf('%0.2f', microtime(true))}, bumped so two saves never share a revision. */
  private String nextRevisionTime() {
    BigDecimal now =
        BigDecimal.valueOf(System.currentTimeMillis())
            .movePointLeft(3)
            .setScale(2, RoundingMode.DOWN);
    if (revision != null) {
      BigDecimal last = new BigDecimal(revision.time());
      if (now.compareTo(last) <= 0) {
        now = last.add(new BigDecimal("0.01"));
      }
    }
    return String.format(Locale.ROOT, "%.2f", now);
  }

  /** The configuration saved as {@code rev}, or null when no such backup exists. */
  public Config revision(String rev) {
    lock.readLock().lock();
    try {
      if (file != null) {
        ObjectNode n = file.loadBackup(rev);
        return n == null ? null : new Config(n);
      }
      for (Map.Entry<Revision, ObjectNode> e : memoryRevisions) {
        if (e.getKey().time().equals(rev)) {
          return new Config(e.getValue().deepCopy());
        }
      }
      return null;
    } finally {
      lock.readLock().unlock();
    }
  }

  public Revision currentRevision() {
    return read(c -> revision);
  }

  /** Makes the pending configuration of a subsystem live (its apply/reconfigure). */
  public void apply(Subsystem s) {
    lock.writeLock().lock();
    try {
      applied.put(s, snapshot(s));
      persistCurrent();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Whether saved changes wait for the subsystem's apply. */
  public boolean dirty(Subsystem s) {
    return read(c -> !snapshot(s).equals(applied.get(s)));
  }

  public ObjectNode applied(Subsystem s) {
    return read(c -> applied.get(s).deepCopy());
  }

  private ObjectNode snapshot(Subsystem s) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (String c : s.collections()) {
      out.set(c, config.collection(c).deepCopy());
    }
    for (String st : s.settings()) {
      out.set("settings:" + st, config.settings(st).deepCopy());
    }
    return out;
  }

  /** Dump for {@code GET /__emulator/state}. */
  public ObjectNode state() {
    return read(
        c -> {
          ObjectNode out = JsonNodeFactory.instance.objectNode();
          if (revision != null) {
            out.putObject("revision")
                .put("time", revision.time())
                .put("username", revision.username())
                .put("description", revision.description());
          }
          out.set("pending", c.json().deepCopy());
          ObjectNode app = out.putObject("applied");
          ObjectNode dirty = out.putObject("dirty");
          for (Subsystem s : Subsystem.values()) {
            app.set(s.id(), applied.get(s).deepCopy());
            dirty.put(s.id(), !snapshot(s).equals(applied.get(s)));
          }
          return out;
        });
  }

  private void persistCurrent() {
    if (file == null) {
      return;
    }
    ObjectNode state = JsonNodeFactory.instance.objectNode();
    if (revision != null) {
      state
          .putObject("revision")
          .put("time", revision.time())
          .put("username", revision.username())
          .put("description", revision.description());
    }
    state.set("config", config.json());
    ObjectNode app = state.putObject("applied");
    applied.forEach((k, v) -> app.set(k.id(), v));
    file.saveCurrent(state);
  }
}
