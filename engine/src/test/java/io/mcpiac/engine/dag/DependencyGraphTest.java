package io.mcpiac.engine.dag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {

  /** app needs db and net, db needs net, web needs app; cache stands alone. */
  private static DependencyGraph sample() {
    return new DependencyGraph()
        .addNode("net")
        .addEdge("db", "net")
        .addEdge("app", "db")
        .addEdge("app", "net")
        .addEdge("web", "app")
        .addNode("cache");
  }

  @Test
  void wavesGroupNodesWhoseDependenciesAreAllInEarlierWaves() {
    assertThat(sample().waves())
        .containsExactly(List.of("net", "cache"), List.of("db"), List.of("app"), List.of("web"));
  }

  @Test
  void orderPutsEveryNodeAfterItsDependencies() {
    assertThat(sample().order()).containsExactly("net", "cache", "db", "app", "web");
  }

  @Test
  void reversedTurnsEveryEdgeRoundForDeletes() {
    DependencyGraph reversed = sample().reversed();

    assertThat(reversed.nodes()).containsExactlyInAnyOrder("net", "db", "app", "web", "cache");
    assertThat(reversed.dependenciesOf("net")).containsExactlyInAnyOrder("db", "app");
    assertThat(reversed.order()).containsExactly("web", "cache", "app", "db", "net");
  }

  @Test
  void knowsDependenciesAndDependents() {
    DependencyGraph g = sample();

    assertThat(g.dependenciesOf("app")).containsExactly("db", "net");
    assertThat(g.dependentsOf("net")).containsExactly("db", "app");
    assertThat(g.dependenciesOf("unknown")).isEmpty();
    assertThat(g.contains("cache")).isTrue();
    assertThat(g.size()).isEqualTo(5);
  }

  @Test
  void anEmptyGraphHasNoWaves() {
    assertThat(new DependencyGraph().waves()).isEmpty();
    assertThat(new DependencyGraph().findCycle()).isEmpty();
  }

  @Test
  void findCycleGivesTheClosedPathInDependencyDirection() {
    DependencyGraph g = new DependencyGraph().addEdge("a", "b").addEdge("b", "c").addEdge("c", "a");

    assertThat(g.findCycle()).contains(List.of("a", "b", "c", "a"));
  }

  @Test
  void findCycleIgnoresTheAcyclicPartBeforeTheCycle() {
    DependencyGraph g =
        new DependencyGraph().addEdge("start", "x").addEdge("x", "y").addEdge("y", "x");

    assertThat(g.findCycle()).contains(List.of("x", "y", "x"));
  }

  @Test
  void aNodeDependingOnItselfIsACycle() {
    DependencyGraph g = new DependencyGraph().addEdge("a", "a");

    assertThat(g.findCycle()).contains(List.of("a", "a"));
    assertThat(g.findCycles()).containsExactly(List.of("a", "a"));
  }

  @Test
  void wavesRefuseACycleAndPrintIt() {
    DependencyGraph g =
        new DependencyGraph().addEdge("a", "b").addEdge("b", "c").addEdge("c", "a").addNode("d");

    assertThatThrownBy(g::waves)
        .isInstanceOfSatisfying(
            CycleException.class, e -> assertThat(e.cycle()).containsExactly("a", "b", "c", "a"))
        .hasMessage("dependency cycle: a -> b -> c -> a");
    assertThatThrownBy(g::order).isInstanceOf(CycleException.class);
  }

  @Test
  void findCyclesReportsOneCycleForEachGroupOfMutuallyDependentNodes() {
    DependencyGraph g =
        new DependencyGraph()
            .addEdge("a", "b")
            .addEdge("b", "a")
            .addEdge("b", "free")
            .addEdge("x", "y")
            .addEdge("y", "z")
            .addEdge("z", "x")
            .addEdge("z", "y")
            .addEdge("after", "x");

    assertThat(g.findCycles()).containsExactly(List.of("a", "b", "a"), List.of("x", "y", "z", "x"));
  }

  @Test
  void deepChainsNeedNoDeepStack() {
    DependencyGraph g = new DependencyGraph();
    for (int i = 1; i < 50_000; i++) {
      g.addEdge("n" + i, "n" + (i - 1));
    }
    assertThat(g.findCycle()).isEmpty();
    assertThat(g.findCycles()).isEmpty();
    assertThat(g.waves()).hasSize(50_000);

    g.addEdge("n0", "n49999");
    assertThat(g.findCycle()).hasValueSatisfying(c -> assertThat(c).hasSize(50_001));
  }

  @Test
  void downstreamOfIsEveryDirectAndIndirectDependentNearestFirst() {
    DependencyGraph g =
        new DependencyGraph()
            .addEdge("b", "a")
            .addEdge("c", "b")
            .addEdge("d", "a")
            .addEdge("e", "c")
            .addEdge("e", "d")
            .addNode("unrelated");

    assertThat(g.downstreamOf("a")).containsExactly("b", "d", "c", "e");
    assertThat(g.downstreamOf("c")).containsExactly("e");
    assertThat(g.downstreamOf("e")).isEmpty();
    assertThat(g.downstreamOf("unrelated")).isEmpty();
  }
}
