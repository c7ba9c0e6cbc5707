package io.mcpiac.engine.dag;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A directed graph of "depends on" edges between named nodes. Iteration order is insertion order,
 * so waves and orders are deterministic.
 */
public final class DependencyGraph {
  private final Map<String, Set<String>> dependencies = new LinkedHashMap<>();
  private final Map<String, Set<String>> dependents = new LinkedHashMap<>();

  public DependencyGraph addNode(String node) {
    dependencies.computeIfAbsent(node, k -> new LinkedHashSet<>());
    dependents.computeIfAbsent(node, k -> new LinkedHashSet<>());
    return this;
  }

  /** {@code node} depends on {@code dependency}: the dependency comes first. */
  public DependencyGraph addEdge(String node, String dependency) {
    addNode(node);
    addNode(dependency);
    dependencies.get(node).add(dependency);
    dependents.get(dependency).add(node);
    return this;
  }

  public boolean contains(String node) {
    return dependencies.containsKey(node);
  }

  public Set<String> nodes() {
    return Collections.unmodifiableSet(dependencies.keySet());
  }

  public int size() {
    return dependencies.size();
  }

  public Set<String> dependenciesOf(String node) {
    return Collections.unmodifiableSet(dependencies.getOrDefault(node, Set.of()));
  }

  public Set<String> dependentsOf(String node) {
    return Collections.unmodifiableSet(dependents.getOrDefault(node, Set.of()));
  }

  /**
   * Every node that depends on {@code node}, directly or through others, nearest first: what cannot
   * run once {@code node} failed.
   */
  public Set<String> downstreamOf(String node) {
    Set<String> out = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(dependentsOf(node));
    while (!todo.isEmpty()) {
      String next = todo.poll();
      if (out.add(next)) {
        todo.addAll(dependentsOf(next));
      }
    }
    return Collections.unmodifiableSet(out);
  }

  /** The same nodes with every edge turned round: the order for deletes. */
  public DependencyGraph reversed() {
    DependencyGraph out = new DependencyGraph();
    dependencies.keySet().forEach(out::addNode);
    dependencies.forEach((node, deps) -> deps.forEach(dep -> out.addEdge(dep, node)));
    return out;
  }

  /**
   * One cycle if there is any, as the path that closes it: {@code [a, b, c, a]} means a depends on
   * b, b on c and c on a.
   */
  public Optional<List<String>> findCycle() {
    Map<String, Integer> colour = new HashMap<>(); // absent: unvisited, 1: on stack, 2: done
    for (String start : dependencies.keySet()) {
      if (colour.containsKey(start)) {
        continue;
      }
      // iterative DFS, so deep chains do not overflow the stack
      Deque<String> path = new ArrayDeque<>();
      Deque<Iterator<String>> iterators = new ArrayDeque<>();
      path.push(start);
      iterators.push(dependencies.get(start).iterator());
      colour.put(start, 1);
      while (!path.isEmpty()) {
        Iterator<String> it = iterators.peek();
        if (it.hasNext()) {
          String next = it.next();
          Integer c = colour.get(next);
          if (c == null) {
            colour.put(next, 1);
            path.push(next);
            iterators.push(dependencies.get(next).iterator());
          } else if (c == 1) {
            List<String> stack = new ArrayList<>(path);
            Collections.reverse(stack); // start ... current
            List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(next), stack.size()));
            cycle.add(next);
            return Optional.of(cycle);
          }
        } else {
          colour.put(path.pop(), 2);
          iterators.pop();
        }
      }
    }
    return Optional.empty();
  }

  /**
   * One cycle for each group of mutually dependent nodes (a strongly connected component with more
   * than one node, or a node that depends on itself), in the order of the groups' first nodes. A
   * deployment with two independent cycles thus gets both reported at once. Linear in the size of
   * the graph.
   */
  public List<List<String>> findCycles() {
    Map<String, Integer> position = new HashMap<>();
    for (String node : dependencies.keySet()) {
      position.put(node, position.size());
    }
    List<List<String>> components = stronglyConnectedComponents();
    List<List<String>> cycles = new ArrayList<>();
    components.stream()
        .filter(c -> c.size() > 1 || dependencies.get(c.get(0)).contains(c.get(0)))
        .map(c -> c.stream().sorted(Comparator.comparing(position::get)).toList())
        .sorted(Comparator.comparing(c -> position.get(c.get(0))))
        .forEach(c -> subgraph(c).findCycle().ifPresent(cycles::add));
    return cycles;
  }

  /** Tarjan's algorithm, iterative so that long chains do not overflow the stack. */
  private List<List<String>> stronglyConnectedComponents() {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new HashSet<>();
    List<List<String>> components = new ArrayList<>();
    for (String root : dependencies.keySet()) {
      if (index.containsKey(root)) {
        continue;
      }
      Deque<String> calls = new ArrayDeque<>();
      Deque<Iterator<String>> iterators = new ArrayDeque<>();
      visit(root, index, low, stack, onStack, calls, iterators);
      while (!calls.isEmpty()) {
        String node = calls.peek();
        Iterator<String> it = iterators.peek();
        if (it.hasNext()) {
          String next = it.next();
          if (!index.containsKey(next)) {
            visit(next, index, low, stack, onStack, calls, iterators);
          } else if (onStack.contains(next)) {
            low.merge(node, index.get(next), Math::min);
          }
          continue;
        }
        calls.pop();
        iterators.pop();
        if (!calls.isEmpty()) {
          low.merge(calls.peek(), low.get(node), Math::min);
        }
        if (low.get(node).equals(index.get(node))) {
          List<String> component = new ArrayList<>();
          String member;
          do {
            member = stack.pop();
            onStack.remove(member);
            component.add(member);
          } while (!member.equals(node));
          components.add(component);
        }
      }
    }
    return components;
  }

  private void visit(
      String node,
      Map<String, Integer> index,
      Map<String, Integer> low,
      Deque<String> stack,
      Set<String> onStack,
      Deque<String> calls,
      Deque<Iterator<String>> iterators) {
    index.put(node, index.size());
    low.put(node, index.get(node));
    stack.push(node);
    onStack.add(node);
    calls.push(node);
    iterators.push(dependencies.get(node).iterator());
  }

  /** The nodes given (in that order) with the edges between them. */
  private DependencyGraph subgraph(List<String> nodes) {
    Set<String> members = new HashSet<>(nodes);
    DependencyGraph out = new DependencyGraph();
    for (String node : nodes) {
      out.addNode(node);
      dependencies.get(node).stream().filter(members::contains).forEach(d -> out.addEdge(node, d));
    }
    return out;
  }

  /**
   * The seed's stages: wave 0 holds the nodes without dependencies, wave k the nodes whose
   * dependencies are all in earlier waves.
   *
   * @throws CycleException when the graph has a cycle
   */
  public List<List<String>> waves() {
    Map<String, Integer> remaining = new HashMap<>();
    List<String> current = new ArrayList<>();
    dependencies.forEach(
        (node, deps) -> {
          remaining.put(node, deps.size());
          if (deps.isEmpty()) {
            current.add(node);
          }
        });
    List<List<String>> waves = new ArrayList<>();
    int placed = 0;
    List<String> wave = current;
    while (!wave.isEmpty()) {
      waves.add(List.copyOf(wave));
      placed += wave.size();
      List<String> next = new ArrayList<>();
      for (String node : wave) {
        for (String dependent : dependents.get(node)) {
          if (remaining.merge(dependent, -1, Integer::sum) == 0) {
            next.add(dependent);
          }
        }
      }
      wave = next;
    }
    if (placed != dependencies.size()) {
      throw new CycleException(findCycle().orElse(List.of()));
    }
    return waves;
  }

  /** A topological order: every node after all of its dependencies. */
  public List<String> order() {
    List<String> out = new ArrayList<>(dependencies.size());
    waves().forEach(out::addAll);
    return out;
  }
}
