package io.mcpiac.engine.plans.graph;

import java.util.Locale;

/** DOT (Graphviz) and Mermaid text of a {@link PlanGraph}. */
public final class GraphFormats {
  private GraphFormats() {}

  public static String dot(PlanGraph g) {
    StringBuilder out = new StringBuilder();
    out.append("digraph \"").append(esc(g.deployment())).append("\" {\n");
    out.append(
        "  rankdir=TB;\n  node [shape=box, style=\"rounded,filled\", fontname=Helvetica];\n");
    for (int layer = 0; layer < g.layers(); layer++) {
      out.append("  { rank=same;");
      for (PlanGraph.Node n : g.nodes()) {
        if (n.layer() == layer) {
          out.append(" \"").append(esc(n.name())).append('"');
        }
      }
      out.append(" }\n");
    }
    for (PlanGraph.Node n : g.nodes()) {
      out.append("  \"")
          .append(esc(n.name()))
          .append("\" [label=\"")
          .append(esc(label(n)))
          .append("\\n")
          .append(esc(n.type()))
          .append(n.stage() > 0 ? "\\nstage " + n.stage() : "")
          .append("\", fillcolor=\"")
          .append(Palette.fill(n.action()))
          .append("\", color=\"")
          .append(Palette.stroke(n.action()))
          .append("\"];\n");
    }
    for (PlanGraph.Edge e : g.edges()) {
      out.append("  \"")
          .append(esc(e.from()))
          .append("\" -> \"")
          .append(esc(e.to()))
          .append("\";\n");
    }
    return out.append("}\n").toString();
  }

  public static String mermaid(PlanGraph g) {
    StringBuilder out = new StringBuilder("flowchart TD\n");
    java.util.Map<String, String> ids = new java.util.HashMap<>();
    int i = 0;
    for (PlanGraph.Node n : g.nodes()) {
      String id = "n" + i++;
      ids.put(n.name(), id);
      out.append("  ")
          .append(id)
          .append("[\"")
          .append(mermaidText(label(n)))
          .append("<br/>")
          .append(mermaidText(n.type()))
          .append(n.stage() > 0 ? "<br/>stage " + n.stage() : "")
          .append("\"]:::")
          .append(n.action().name().toLowerCase(Locale.ROOT).replace("_", ""))
          .append('\n');
    }
    for (PlanGraph.Edge e : g.edges()) {
      out.append("  ").append(ids.get(e.from())).append(" --> ").append(ids.get(e.to()));
      out.append('\n');
    }
    for (var a : io.mcpiac.engine.plans.ActionType.values()) {
      out.append("  classDef ")
          .append(a.name().toLowerCase(Locale.ROOT).replace("_", ""))
          .append(" fill:")
          .append(Palette.fill(a))
          .append(",stroke:")
          .append(Palette.stroke(a))
          .append('\n');
    }
    return out.toString();
  }

  /** {@code + name}, or the bare name for a no-op. */
  static String label(PlanGraph.Node n) {
    return n.symbol().isEmpty() ? n.name() : n.symbol() + " " + n.name();
  }

  private static String esc(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static String mermaidText(String s) {
    return s.replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
  }
}
