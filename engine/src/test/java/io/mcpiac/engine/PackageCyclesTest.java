package io.mcpiac.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine's packages form no circle: each package's sources name (by import or fully qualified)
 * only packages that never name it back, directly or through others. Read from the sources, so a
 * cycle fails here before anyone has to untangle it.
 */
class PackageCyclesTest {
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");
  private static final Pattern REFERENCE =
      Pattern.compile("\\b(io\\.mcpiac\\.engine(?:\\.[a-z]\\w*)*)\\.[A-Z]\\w*");

  /** Edges allowed to close a cycle: none; one added here needs a reason. */
  private static final Set<String> ALLOWED = Set.of();

  @Test
  void theEnginesPackagesHaveNoCycle() throws IOException {
    Map<String, Set<String>> graph = packageGraph(Path.of("src/main/java"));
    assertThat(graph).containsKeys("io.mcpiac.engine", "io.mcpiac.engine.checkpoints");
    assertThat(cycles(graph)).isEmpty();
  }

  @Test
  void aCycleIsFound() {
    Map<String, Set<String>> graph = new TreeMap<>();
    graph.put("a", Set.of("b"));
    graph.put("b", Set.of("c"));
    graph.put("c", Set.of("a"));
    graph.put("d", Set.of("a"));
    assertThat(cycles(graph)).containsExactly(List.of("a", "b", "c"));
  }

  static Map<String, Set<String>> packageGraph(Path sources) throws IOException {
    Map<String, Set<String>> graph = new TreeMap<>();
    try (Stream<Path> files = Files.walk(sources)) {
      files
          .filter(f -> f.toString().endsWith(".java"))
          .forEach(
              f -> {
                String text = read(f);
                Matcher p = PACKAGE.matcher(text);
                if (!p.find()) {
                  return;
                }
                String from = p.group(1);
                Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
                Matcher r = REFERENCE.matcher(text);
                while (r.find()) {
                  String target = r.group(1);
                  if (!target.equals(from) && !ALLOWED.contains(from + " -> " + target)) {
                    to.add(target);
                  }
                }
              });
    }
    return graph;
  }

  /** The strongly connected components with more than one package (Tarjan), each sorted. */
  static List<List<String>> cycles(Map<String, Set<String>> graph) {
    return new Tarjan(graph).run();
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Tarjan {
    private final Map<String, Set<String>> graph;
    private final Map<String, Integer> index = new TreeMap<>();
    private final Map<String, Integer> low = new TreeMap<>();
    private final List<String> stack = new ArrayList<>();
    private final List<List<String>> found = new ArrayList<>();

    Tarjan(Map<String, Set<String>> graph) {
      this.graph = graph;
    }

    List<List<String>> run() {
      graph
          .keySet()
          .forEach(
              v -> {
                if (!index.containsKey(v)) {
                  visit(v);
                }
              });
      return found;
    }

    private void visit(String v) {
      index.put(v, index.size());
      low.put(v, index.get(v));
      stack.add(v);
      for (String w : graph.getOrDefault(v, Set.of())) {
        if (!index.containsKey(w)) {
          visit(w);
          low.put(v, Math.min(low.get(v), low.get(w)));
        } else if (stack.contains(w)) {
          low.put(v, Math.min(low.get(v), index.get(w)));
        }
      }
      if (low.get(v).equals(index.get(v))) {
        List<String> component = new ArrayList<>();
        String w;
        do {
          w = stack.remove(stack.size() - 1);
          component.add(w);
        } while (!w.equals(v));
        if (component.size() > 1) {
          found.add(component.stream().sorted().toList());
        }
      }
    }
  }
}
