package io.mcpiac.engine.plans.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A layered drawing of a {@link PlanGraph} as SVG, with no tool installed: one row per layer (what
 * runs first at the top), nodes in a row ordered by the mean position of their predecessors so that
 * edges cross little, edges as curves with arrowheads, each node coloured by its action. Reusable
 * wherever the plan is shown (the command line, a web page).
 */
public final class SvgLayout {
  private static final int CHAR_WIDTH = 7;
  private static final int NODE_HEIGHT = 46;
  private static final int ROW_GAP = 60;
  private static final int COLUMN_GAP = 24;
  private static final int MARGIN = 20;
  private static final int LEGEND_HEIGHT = 30;

  private SvgLayout() {}

  private record Box(PlanGraph.Node node, double x, double y, double width) {
    double centerX() {
      return x + width / 2;
    }
  }

  public static String render(PlanGraph g) {
    List<List<PlanGraph.Node>> rows = new ArrayList<>();
    for (int i = 0; i < g.layers(); i++) {
      rows.add(new ArrayList<>());
    }
    g.nodes().forEach(n -> rows.get(n.layer()).add(n));
    Map<String, List<String>> predecessors = new HashMap<>();
    g.edges()
        .forEach(e -> predecessors.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e.from()));
    Map<String, Box> boxes = new HashMap<>();
    double width = 0;
    for (int r = 0; r < rows.size(); r++) {
      List<PlanGraph.Node> row = rows.get(r);
      if (r > 0) {
        // barycentre ordering: under the mean x of what the node waits for
        row.sort(
            Comparator.comparingDouble(
                n ->
                    predecessors.getOrDefault(n.name(), List.of()).stream()
                        .map(boxes::get)
                        .filter(java.util.Objects::nonNull)
                        .mapToDouble(Box::centerX)
                        .average()
                        .orElse(Double.MAX_VALUE)));
      }
      double x = MARGIN;
      double y = MARGIN + LEGEND_HEIGHT + r * (NODE_HEIGHT + ROW_GAP);
      for (PlanGraph.Node n : row) {
        double w = nodeWidth(n);
        boxes.put(n.name(), new Box(n, x, y, w));
        x += w + COLUMN_GAP;
      }
      width = Math.max(width, x - COLUMN_GAP + MARGIN);
    }
    width = Math.max(width, 520);
    double height =
        MARGIN * 2 + LEGEND_HEIGHT + Math.max(1, rows.size()) * (NODE_HEIGHT + ROW_GAP) - ROW_GAP;
    StringBuilder svg = new StringBuilder();
    svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(fmt(width))
        .append("\" height=\"")
        .append(fmt(height))
        .append("\" viewBox=\"0 0 ")
        .append(fmt(width))
        .append(' ')
        .append(fmt(height))
        .append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n")
        .append("  <title>")
        .append(xml("Plan of " + g.deployment()))
        .append("</title>\n")
        .append("  <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\"")
        .append(" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
        .append("<path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555\"/></marker></defs>\n");
    legend(svg);
    for (PlanGraph.Edge e : g.edges()) {
      Box a = boxes.get(e.from());
      Box b = boxes.get(e.to());
      double x1 = a.centerX();
      double y1 = a.y() + NODE_HEIGHT;
      double x2 = b.centerX();
      double y2 = b.y();
      double mid = (y1 + y2) / 2;
      svg.append("  <path class=\"edge\" d=\"M ")
          .append(fmt(x1))
          .append(' ')
          .append(fmt(y1))
          .append(" C ")
          .append(fmt(x1))
          .append(' ')
          .append(fmt(mid))
          .append(", ")
          .append(fmt(x2))
          .append(' ')
          .append(fmt(mid))
          .append(", ")
          .append(fmt(x2))
          .append(' ')
          .append(fmt(y2))
          .append("\" fill=\"none\" stroke=\"#555\" marker-end=\"url(#arrow)\"/>\n");
    }
    for (PlanGraph.Node n : g.nodes()) {
      Box b = boxes.get(n.name());
      svg.append("  <g class=\"node ")
          .append(n.action().name().toLowerCase(java.util.Locale.ROOT))
          .append("\"><title>")
          .append(xml(n.type() + " " + n.name()))
          .append("</title><rect x=\"")
          .append(fmt(b.x()))
          .append("\" y=\"")
          .append(fmt(b.y()))
          .append("\" width=\"")
          .append(fmt(b.width()))
          .append("\" height=\"")
          .append(NODE_HEIGHT)
          .append("\" rx=\"6\" fill=\"")
          .append(Palette.fill(n.action()))
          .append("\" stroke=\"")
          .append(Palette.stroke(n.action()))
          .append("\"/>");
      text(svg, b.centerX(), b.y() + 18, GraphFormats.label(n), "bold");
      text(
          svg,
          b.centerX(),
          b.y() + 35,
          n.type() + (n.stage() > 0 ? "  · stage " + n.stage() : ""),
          "normal");
      svg.append("</g>\n");
    }
    return svg.append("</svg>\n").toString();
  }

  private static void legend(StringBuilder svg) {
    double x = MARGIN;
    for (var a : io.mcpiac.engine.plans.ActionType.values()) {
      String label =
          switch (a) {
            case CREATE -> "+ create";
            case UPDATE -> "~ update";
            case REPLACE -> "-/+ replace";
            case DELETE -> "- delete";
            case NO_OP -> "no change";
          };
      svg.append("  <rect x=\"")
          .append(fmt(x))
          .append("\" y=\"")
          .append(MARGIN)
          .append("\" width=\"14\" height=\"14\" rx=\"3\" fill=\"")
          .append(Palette.fill(a))
          .append("\" stroke=\"")
          .append(Palette.stroke(a))
          .append("\"/>");
      svg.append("<text x=\"")
          .append(fmt(x + 20))
          .append("\" y=\"")
          .append(MARGIN + 11)
          .append("\">")
          .append(xml(label))
          .append("</text>\n");
      x += 20 + label.length() * CHAR_WIDTH + 16;
    }
  }

  private static void text(StringBuilder svg, double x, double y, String s, String weight) {
    svg.append("<text x=\"")
        .append(fmt(x))
        .append("\" y=\"")
        .append(fmt(y))
        .append("\" text-anchor=\"middle\" font-weight=\"")
        .append(weight)
        .append("\">")
        .append(xml(s))
        .append("</text>");
  }

  private static double nodeWidth(PlanGraph.Node n) {
    int chars =
        Math.max(GraphFormats.label(n).length(), n.type().length() + (n.stage() > 0 ? 11 : 0));
    return Math.max(90, chars * CHAR_WIDTH + 20);
  }

  private static String fmt(double v) {
    return v == Math.rint(v)
        ? Long.toString((long) v)
        : String.format(java.util.Locale.ROOT, "%.1f", v);
  }

  static String xml(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
