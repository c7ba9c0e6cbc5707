package io.mcpiac.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where this program is and where a user's own state lives: what {@code install} writes, what
 * {@code serve} falls back to in a directory it cannot write, and what {@code demo} prints for an
 * MCP client (absolute paths, since a client starts servers from anywhere, often {@code /}).
 */
public final class Installation {
  /** Set by {@code bin/mcp-iac}: its own absolute path. */
  public static final String LAUNCHER_VARIABLE = "MCP_IAC_LAUNCHER";

  private Installation() {}

  /**
   * {@code bin/mcp-iac} of this checkout: the one that started us, else the one above the jar (or
   * classes) this code runs from.
   */
  public static Optional<Path> launcher() {
    String set = System.getenv(LAUNCHER_VARIABLE);
    if (set != null && !set.isBlank() && Files.isExecutable(Path.of(set))) {
      return Optional.of(Path.of(set).toAbsolutePath().normalize());
    }
    for (Path dir = codeSource().orElse(null); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("bin").resolve("mcp-iac");
      if (Files.isExecutable(candidate) && Files.isRegularFile(candidate)) {
        return Optional.of(candidate.toAbsolutePath().normalize());
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> codeSource() {
    try {
      return Optional.of(
          Path.of(Installation.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .toAbsolutePath());
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The fat jar this code runs from, when it runs from one. */
  public static Optional<Path> jar() {
    return codeSource().filter(p -> p.toString().endsWith(".jar"));
  }

  /** The command that starts this program from anywhere: on the PATH, else an absolute path. */
  public static String command() {
    Optional<Path> onPath = onPath("mcp-iac");
    if (onPath.isPresent()) {
      return onPath.get().toString();
    }
    return launcher()
        .map(Path::toString)
        .orElseGet(() -> "java -jar " + jar().map(Path::toString).orElse("mcp-iac.jar"));
  }

  /** Whether {@code mcp-iac} can be typed as it is. */
  public static boolean onPath() {
    return onPath("mcp-iac").isPresent();
  }

  static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate.toAbsolutePath());
      }
    }
    return Optional.empty();
  }

  /** {@code $XDG_STATE_HOME/mcp-iac/state.db}, else {@code ~/.local/state/mcp-iac/state.db}. */
  public static Path userStateFile() {
    String xdg = System.getenv("XDG_STATE_HOME");
    Path base =
        xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".local", "state");
    return base.resolve("mcp-iac").resolve("state.db");
  }

  /**
   * True when a file can be created at {@code file}: its directory exists or can be made, and is
   * writable. Tried, not guessed from permissions (root may "write" where nothing can be created,
   * e.g. under {@code /proc}).
   */
  public static boolean canCreate(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".mcp-iac-", ".probe");
      Files.delete(probe);
      return true;
    } catch (java.io.IOException | RuntimeException e) {
      return false;
    }
  }
}
