package io.mcpiac.engine.dag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Properties of random graphs: a DAG (edges only from a higher to a lower index, names shuffled so
 * insertion order tells nothing) always has a consistent order and waves; one added edge that
 * closes a cycle is always found, and the cycle printed is a real closed path of the graph.
 */
class DependencyGraphPropertiesTest {
  private static final int MAX_NODES = 40;

  /** A random DAG: a node count, edge codes, and a seed for shuffling the names. */
  record RandomDag(int size, List<Integer> edgeCodes, long seed) {
    List<String> names() {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        names.add("r" + i);
      }
      Collections.shuffle(names, new Random(seed));
      return names;
    }

    /** Node {@code i} depends on node {@code j} only when {@code i > j}: no cycle possible. */
    DependencyGraph build() {
      List<String> names = names();
      DependencyGraph g = new DependencyGraph();
      names.forEach(g::addNode);
      for (int code : edgeCodes) {
        int a = (code / MAX_NODES) % size;
        int b = code % MAX_NODES % size;
        if (a != b) {
          g.addEdge(names.get(Math.max(a, b)), names.get(Math.min(a, b)));
        }
      }
      return g;
    }
  }

  private static Gen<RandomDag> dags() {
    return integers()
        .between(1, MAX_NODES)
        .zip(
            lists().of(integers().between(0, MAX_NODES * MAX_NODES - 1)).ofSizeBetween(0, 120),
            longs().all(),
            RandomDag::new);
  }

  @Test
  void everyNodeComesAfterItsDependenciesAndWavesAreConsistent() {
    qt().withExamples(300)
        .forAll(dags())
        .checkAssert(
            dag -> {
              DependencyGraph g = dag.build();
              assertThat(g.findCycle()).isEmpty();

              List<String> order = g.order();
              assertThat(order).containsExactlyInAnyOrderElementsOf(g.nodes());
              Map<String, Integer> position = new HashMap<>();
              for (int i = 0; i < order.size(); i++) {
                position.put(order.get(i), i);
              }
              for (String node : g.nodes()) {
                for (String dependency : g.dependenciesOf(node)) {
                  assertThat(position.get(dependency)).isLessThan(position.get(node));
                }
              }

              Map<String, Integer> wave = new HashMap<>();
              List<List<String>> waves = g.waves();
              for (int w = 0; w < waves.size(); w++) {
                assertThat(waves.get(w)).isNotEmpty();
                for (String node : waves.get(w)) {
                  assertThat(wave.put(node, w)).as("%s in one wave only", node).isNull();
                }
              }
              assertThat(wave.keySet()).isEqualTo(g.nodes());
              for (String node : g.nodes()) {
                // each node's wave is exactly one after its latest dependency: as early as possible
                int expected =
                    g.dependenciesOf(node).stream().mapToInt(wave::get).max().orElse(-1) + 1;
                assertThat(wave.get(node)).as("wave of %s", node).isEqualTo(expected);
              }
            });
  }

  @Test
  void anEdgeClosingACycleIsAlwaysFoundAndPrintedAsARealClosedPath() {
    qt().withExamples(300)
        .forAll(dags(), longs().all())
        .checkAssert(
            (dag, walkSeed) -> {
              DependencyGraph g = dag.build();
              closeACycle(g, dag.names(), new Random(walkSeed));

              assertThat(g.findCycle()).hasValueSatisfying(c -> assertClosedPath(g, c));
              CycleException e = catchThrowableOfType(CycleException.class, g::waves);
              assertThat(e).as("waves() refuses the cycle").isNotNull();
              assertClosedPath(g, e.cycle());
              assertThat(g.findCycles()).isNotEmpty().allSatisfy(c -> assertClosedPath(g, c));
            });
  }

  /**
   * Walks down from a node with dependencies to one of its transitive dependencies and adds the
   * back-edge; a graph without edges gets a self-loop or a two-node circle.
   */
  private static void closeACycle(DependencyGraph g, List<String> names, Random random) {
    List<String> withDependencies =
        g.nodes().stream().filter(n -> !g.dependenciesOf(n).isEmpty()).toList();
    if (withDependencies.isEmpty()) {
      if (names.size() == 1) {
        g.addEdge(names.get(0), names.get(0));
      } else {
        g.addEdge(names.get(0), names.get(1)).addEdge(names.get(1), names.get(0));
      }
      return;
    }
    String top = withDependencies.get(random.nextInt(withDependencies.size()));
    String current = top;
    int steps = 1 + random.nextInt(g.size());
    for (int i = 0; i < steps && !g.dependenciesOf(current).isEmpty(); i++) {
      List<String> next = new ArrayList<>(g.dependenciesOf(current));
      current = next.get(random.nextInt(next.size()));
    }
    g.addEdge(current, top);
  }

  private static void assertClosedPath(DependencyGraph g, List<String> cycle) {
    assertThat(cycle).hasSizeGreaterThanOrEqualTo(2);
    assertThat(cycle.get(cycle.size() - 1)).isEqualTo(cycle.get(0));
    assertThat(cycle.subList(0, cycle.size() - 1)).doesNotHaveDuplicates();
    for (int i = 0; i + 1 < cycle.size(); i++) {
      assertThat(g.dependenciesOf(cycle.get(i)))
          .as("%s depends on %s", cycle.get(i), cycle.get(i + 1))
          .contains(cycle.get(i + 1));
    }
  }
}
