package io.mcpiac.docker.resources;

import io.mcpiac.engine.providers.kit.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The files an image is built from: a context directory and its Dockerfile. A relative context
 * resolves against the deployment file's directory (the working directory when there is no file), a
 * relative Dockerfile against the context, as in Compose. Its {@link #digest()} covers every file's
 * path, mode and content plus the Dockerfile, so a rebuild is planned exactly when something the
 * build sees has changed.
 *
 * <p>{@code .dockerignore} is honoured for plain patterns ({@code node_modules}, {@code *.log},
 * {@code tmp/**}); exception lines ({@code !keep}) are not supported and are ignored.
 */
public final class BuildContext {
  /** Where a Dockerfile from outside the context goes inside the build's tar. */
  static final String OUTSIDE_DOCKERFILE = ".mcp-iac.Dockerfile";

  private final Path directory;
  private final Path dockerfile;
  private final List<PathMatcher> ignored;

  private BuildContext(Path directory, Path dockerfile) {
    this.directory = directory;
    this.dockerfile = dockerfile;
    this.ignored = ignorePatterns(directory);
  }

  /** A context whose relative path resolves against the working directory. */
  public static BuildContext of(String context, String dockerfile) {
    return of(null, context, dockerfile);
  }

  /**
   * @param baseDirectory what a relative context is relative to (the deployment file's directory);
   *     null: the working directory
   * @param context the context directory
   * @param dockerfile the Dockerfile, relative to the context; null: {@code Dockerfile}
   */
  public static BuildContext of(Path baseDirectory, String context, String dockerfile) {
    Path base = baseDirectory == null ? Path.of("") : baseDirectory;
    Path dir = base.resolve(context).toAbsolutePath().normalize();
    Path file = dir.resolve(dockerfile == null ? "Dockerfile" : dockerfile).normalize();
    return new BuildContext(dir, file);
  }

  /** Whether this context can be built, and if not why. */
  public Outcome problem() {
    if (!Files.isDirectory(directory)) {
      return Outcome.failed("the build context " + directory + " is not a directory");
    }
    if (!Files.isRegularFile(dockerfile)) {
      return Outcome.failed("the Dockerfile " + dockerfile + " does not exist");
    }
    return Outcome.DONE;
  }

  /**
   * Whether this context is inside {@code base}'s directory tree (symbolic links followed), and if
   * not why not. The whole context goes to the Docker Engine, so a shared deployment file naming
   * {@code /etc} or {@code ../../} must not send a directory its user did not mean to.
   */
  public Outcome outsideOf(Path baseDirectory) {
    Path base = (baseDirectory == null ? Path.of("") : baseDirectory).toAbsolutePath().normalize();
    try {
      Path realBase = base.toRealPath();
      Path realDir = directory.toRealPath();
      if (realDir.startsWith(realBase)) {
        return Outcome.DONE;
      }
    } catch (java.io.IOException e) {
      return Outcome.DONE; // problem() reports a context that cannot be read
    }
    return Outcome.failed(
        "the build context "
            + directory
            + " is outside the deployment's directory "
            + base
            + ": set allowContextOutside: true to build from it");
  }

  /** The Dockerfile's path inside the build's tar. */
  public String dockerfileInTar() {
    return dockerfile.startsWith(directory)
        ? directory.relativize(dockerfile).toString().replace('\\', '/')
        : OUTSIDE_DOCKERFILE;
  }

  /** {@code sha256:…} over the files the build sees and the Dockerfile. */
  public String digest() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Path p : files()) {
        String rel = relative(p);
        if (Files.isSymbolicLink(p)) {
          update(sha, "L\0" + rel + "\0" + Files.readSymbolicLink(p) + "\0");
        } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          update(sha, "D\0" + rel + "\0");
        } else {
          update(sha, "F\0" + rel + "\0" + (Files.isExecutable(p) ? "x" : "-") + "\0");
          updateFile(sha, p);
        }
      }
      update(sha, "DOCKERFILE\0" + dockerfileInTar() + "\0");
      updateFile(sha, dockerfile);
      return "sha256:" + HexFormat.of().formatHex(sha.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("reading the build context " + directory + " failed", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the context as the tar the Docker build API takes. */
  public void writeTar(OutputStream out) throws IOException {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    for (Path p : files()) {
      String rel = relative(p);
      if (Files.isSymbolicLink(p)) {
        TarArchiveEntry link = new TarArchiveEntry(rel, TarArchiveEntry.LF_SYMLINK);
        link.setLinkName(Files.readSymbolicLink(p).toString());
        tar.putArchiveEntry(link);
        tar.closeArchiveEntry();
      } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        tar.putArchiveEntry(new TarArchiveEntry(p.toFile(), rel + "/"));
        tar.closeArchiveEntry();
      } else {
        addFile(tar, p, rel);
      }
    }
    if (OUTSIDE_DOCKERFILE.equals(dockerfileInTar())) {
      addFile(tar, dockerfile, OUTSIDE_DOCKERFILE);
    }
    tar.finish();
  }

  private static void addFile(TarArchiveOutputStream tar, Path p, String name) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(p.toFile(), name);
    tar.putArchiveEntry(entry);
    Files.copy(p, tar);
    tar.closeArchiveEntry();
  }

  /** The context's entries the build sees, sorted, the context directory itself excluded. */
  private List<Path> files() throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(directory)) {
      walk.filter(p -> !p.equals(directory))
          .filter(p -> !isIgnored(directory.relativize(p)))
          .sorted()
          .forEach(out::add);
    }
    return out;
  }

  private String relative(Path p) {
    return directory.relativize(p).toString().replace('\\', '/');
  }

  private boolean isIgnored(Path rel) {
    // a pattern that matches a directory excludes everything below it
    for (Path p = rel; p != null; p = p.getParent()) {
      for (PathMatcher m : ignored) {
        if (m.matches(p)) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<PathMatcher> ignorePatterns(Path directory) {
    Path file = directory.resolve(".dockerignore");
    List<PathMatcher> out = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String pattern = line.strip();
        if (pattern.isEmpty() || pattern.startsWith("#") || pattern.startsWith("!")) {
          continue;
        }
        while (pattern.startsWith("/") || pattern.startsWith("./")) {
          pattern = pattern.substring(pattern.startsWith("/") ? 1 : 2);
        }
        if (pattern.endsWith("/")) {
          pattern = pattern.substring(0, pattern.length() - 1);
        }
        if (!pattern.isEmpty()) {
          out.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file + " failed", e);
    }
    return out;
  }

  private static void update(MessageDigest sha, String text) {
    sha.update(text.getBytes(StandardCharsets.UTF_8));
  }

  private static void updateFile(MessageDigest sha, Path p) throws IOException {
    byte[] buffer = new byte[65536];
    try (InputStream in = Files.newInputStream(p)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
      }
    }
  }
}
