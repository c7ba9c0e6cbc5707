package io.mcpiac.opnsense.emulator.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The on-disk form of the emulated firewall under {@code --data DIR}: {@code config.json} (current
 * configuration, applied state and revision, replaced atomically) and {@code
 * backup/config-<revision>.json} (one per write, the newest {@code retention} kept), mirroring
 * {@code /conf/config.xml} and {@code /conf/backup}.
 */
public final class ConfigFile {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path dir;
  private final Path backups;
  private final int retention;

  /** Revisions on disk, oldest first (listed once, then maintained here). */
  private final java.util.Deque<String> revisions = new java.util.ArrayDeque<>();

  public ConfigFile(Path dir, int retention) {
    this.dir = dir;
    this.backups = dir.resolve("backup");
    this.retention = retention;
    try {
      Files.createDirectories(backups);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data directory " + dir, e);
    }
    revisions.addAll(backupRevisions());
  }

  public Path directory() {
    return dir;
  }

  /** The saved state, or null on first start. */
  public ObjectNode load() {
    Path file = dir.resolve("config.json");
    if (!Files.exists(file)) {
      return null;
    }
    try {
      return (ObjectNode) MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  public void saveCurrent(ObjectNode state) {
    writeAtomically(dir.resolve("config.json"), state);
  }

  public synchronized void saveBackup(String revision, ObjectNode config) {
    writeAtomically(backups.resolve("config-" + revision + ".json"), config);
    revisions.addLast(revision);
    prune();
  }

  /** The backup of a revision, or null when it does not exist (any more). */
  public ObjectNode loadBackup(String revision) {
    Path file = backups.resolve("config-" + revision + ".json");
    if (!revision.matches("[0-9.]+") || !Files.exists(file)) {
      return null;
    }
    try {
      return (ObjectNode) MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  public List<String> backupRevisions() {
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(backups)) {
      s.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("config-") && n.endsWith(".json"))
          .map(n -> n.substring(7, n.length() - 5))
          .sorted((a, b) -> new java.math.BigDecimal(a).compareTo(new java.math.BigDecimal(b)))
          .forEach(out::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private void prune() {
    while (revisions.size() > retention) {
      try {
        Files.deleteIfExists(backups.resolve("config-" + revisions.removeFirst() + ".json"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Write to a temporary file in the same directory, then rename over the target. */
  private static void writeAtomically(Path target, ObjectNode content) {
    try {
      Path tmp = Files.createTempFile(target.getParent(), ".tmp-", ".json");
      try {
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), content);
        try {
          Files.move(
              tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }
}
