package io.mcpiac.engine.config;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The 1-based line of every value of a loaded document, by path: {@code ""} for the root, {@code
 * metadata.name}, {@code spec.resources[1].dependsOn[0]}, {@code
 * spec.resources[0].properties.servers[2].port}. Empty for documents without lines (the Java
 * builder, a JSON object from an MCP client).
 */
public final class SourceMap {
  public static final SourceMap EMPTY = new SourceMap(Map.of());

  // sorted, so the lines under a path are one range (copyUnder runs once per resource: a scan of
  // every line each time made loading N resources cost N squared)
  private final NavigableMap<String, Integer> lines;

  SourceMap(Map<String, Integer> lines) {
    this.lines = Collections.unmodifiableNavigableMap(new TreeMap<>(lines));
  }

  /** The line of exactly this path, or 0 when it was not in the document. */
  public int lineOf(String path) {
    return lines.getOrDefault(path, 0);
  }

  /**
   * The line of this path or of its nearest enclosing value that was in the document: a missing
   * {@code properties.host} is reported on the line of {@code properties}. 0 when none was.
   */
  public int nearestLineOf(String path) {
    for (String p = path; p != null; p = parentOf(p)) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
    }
    return 0;
  }

  /** Copies every line except those under {@code prefix} (its own line stays). */
  void copyExcept(String prefix, Builder into) {
    lines.forEach(
        (path, line) -> {
          if (path.equals(prefix) || !isUnder(path, prefix)) {
            into.put(path, line);
          }
        });
  }

  /** Copies the lines at or under {@code from}, moved to {@code to}. */
  void copyUnder(String from, String to, Builder into) {
    // every path under `from` starts with it: only that range of the sorted keys is read
    lines
        .subMap(from, true, from + Character.MAX_VALUE, true)
        .forEach(
            (path, line) -> {
              if (isUnder(path, from)) {
                into.put(to + path.substring(from.length()), line);
              }
            });
  }

  private static boolean isUnder(String path, String prefix) {
    return path.equals(prefix)
        || (path.startsWith(prefix)
            && (path.charAt(prefix.length()) == '.' || path.charAt(prefix.length()) == '['));
  }

  /** {@code a.b} for {@code a.b.c} and {@code a.b[3]}; {@code ""} for a root key; null for root. */
  static String parentOf(String path) {
    if (path.isEmpty()) {
      return null;
    }
    if (path.endsWith("]")) {
      int open = path.lastIndexOf('[');
      if (open > 0) {
        return path.substring(0, open);
      }
    }
    int dot = path.lastIndexOf('.');
    return dot < 0 ? "" : path.substring(0, dot);
  }

  /** Paths as the loader writes them: {@code parent.key}, {@code parent[index]}. */
  static String child(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  static String element(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /** Collects lines while a document is read. */
  static final class Builder {
    private final Map<String, Integer> lines = new HashMap<>();

    void put(String path, int line) {
      lines.putIfAbsent(path, line);
    }

    int get(String path) {
      return lines.getOrDefault(path, 0);
    }

    SourceMap build() {
      return new SourceMap(lines);
    }
  }
}
