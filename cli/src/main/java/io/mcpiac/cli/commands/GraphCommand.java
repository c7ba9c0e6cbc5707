package io.mcpiac.cli.commands;

import io.mcpiac.cli.ServersOptions;
import io.mcpiac.cli.StateOptions;
import io.mcpiac.cli.UsageException;
import io.mcpiac.cli.Workspace;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.LoadedDeployment;
import io.mcpiac.engine.plans.graph.GraphFormats;
import io.mcpiac.engine.plans.graph.PlanGraph;
import io.mcpiac.engine.plans.graph.SvgLayout;
import io.mcpiac.engine.states.DeploymentState;
import io.mcpiac.engine.states.StateStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mcp-iac graph}: the plan's dependency graph as DOT, Mermaid or SVG. */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    description = {
      "Draw the dependency graph of the plan for a file (the action on each node: + create,"
          + " ~ update, -/+ replace, - delete; the stage of each change), or of a deployment as"
          + " state recorded it (NAME). Arrows point from what runs first.",
      "svg needs no tool: Graphviz's dot is used when it is on the PATH, a built-in layered"
          + " layout otherwise (--layout builtin forces it)."
    })
public final class GraphCommand implements Callable<Integer> {
  /** The output formats. */
  public enum Format {
    dot,
    mermaid,
    svg
  }

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description = "A deployment file: the graph of its plan.")
  Path file;

  @Parameters(
      arity = "0..1",
      paramLabel = "NAME",
      description = "A deployment in state: its recorded graph.")
  String name;

  @Option(
      names = "--format",
      defaultValue = "dot",
      description = "dot, mermaid or svg (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--layout",
      defaultValue = "auto",
      description = "For svg: auto (Graphviz when installed), builtin or graphviz.")
  String layout;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "OUT",
      description = "Write to this file instead of stdout.")
  Path output;

  @Mixin PlanningOptions planning;
  @Mixin StateOptions state;
  @Mixin ServersOptions servers;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if ((file == null) == (name == null)) {
      throw new UsageException("name a deployment file with -f FILE, or a deployment NAME");
    }
    PlanGraph graph = file != null ? ofFile() : ofState();
    String text =
        switch (format) {
          case dot -> GraphFormats.dot(graph);
          case mermaid -> GraphFormats.mermaid(graph);
          case svg -> svg(graph);
        };
    if (output != null) {
      Files.writeString(output, text, StandardCharsets.UTF_8);
    } else {
      spec.commandLine().getOut().print(text);
    }
    return 0;
  }

  private PlanGraph ofFile() {
    LoadedDeployment loaded = DeploymentFiles.read(file);
    Deployment deployment = DeploymentFiles.deployment(loaded);
    try (Workspace ws = Workspace.forDeployment(state.readOnly(), servers, deployment)) {
      DeploymentFiles.validate(loaded, ws.registry());
      return PlanGraph.of(ws.engine().plan(deployment, planning.request(loaded)));
    }
  }

  private PlanGraph ofState() {
    try (StateStore store = state.openExisting()) {
      DeploymentState s =
          store
              .load(name)
              .orElseThrow(
                  () ->
                      new UsageException(
                          "no deployment named '" + name + "' in " + store.location()));
      return PlanGraph.ofState(s);
    }
  }

  private String svg(PlanGraph graph) {
    boolean builtin = "builtin".equals(layout);
    if (!builtin) {
      String viaDot = graphviz(GraphFormats.dot(graph));
      if (viaDot != null) {
        return viaDot;
      }
      if ("graphviz".equals(layout)) {
        throw new UsageException("--layout graphviz: Graphviz's dot is not on the PATH");
      }
    }
    return SvgLayout.render(graph);
  }

  /** SVG from Graphviz's {@code dot}, or null when it is not installed or fails. */
  private static String graphviz(String dot) {
    try {
      Process p = new ProcessBuilder("dot", "-Tsvg").redirectErrorStream(false).start();
      try (var in = p.getOutputStream()) {
        in.write(dot.getBytes(StandardCharsets.UTF_8));
      }
      String svg = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? svg : null;
    } catch (IOException e) {
      return null; // not installed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
