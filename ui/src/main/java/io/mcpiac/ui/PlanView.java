package io.mcpiac.ui;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlanJson;
import io.mcpiac.engine.plans.PlanRenderer;
import io.mcpiac.engine.plans.PlanWarning;
import io.mcpiac.engine.plans.PlannedAction;
import io.mcpiac.engine.plans.graph.PlanGraph;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A plan as the page shows it: the CLI's JSON plan (secrets masked), its summary line and text, the
 * dependency graph with each node's layer and mark, and the digest the user approves. The digest is
 * of the JSON the page received: applying with another digest is refused, so what runs is what was
 * shown (the CLI's rule: the plan on screen is the plan confirmed).
 */
final class PlanView {
  /** A resource named by a policy violation: the policy engine's warnings name it. */
  static final String POLICY_MARK = "policy-violation";

  private PlanView() {}

  static String digest(Plan plan) {
    return Json.sha256(Json.canonical(PlanJson.of(plan)));
  }

  static ObjectNode of(Plan plan, String origin) {
    ObjectNode out = Json.object();
    out.put("origin", origin);
    out.put("digest", digest(plan));
    out.set("plan", PlanJson.of(plan));
    out.put("text", new PlanRenderer(false).render(plan));
    out.set("graph", graph(plan));
    return out;
  }

  /** The plan's dependency graph, each node with its layer, action and marks. */
  static ObjectNode graph(Plan plan) {
    PlanGraph g = PlanGraph.of(plan);
    Map<String, PlannedAction> byName = new HashMap<>();
    plan.actions().forEach(a -> byName.put(a.name(), a));
    Set<String> violations = new HashSet<>();
    for (PlanWarning w : plan.warnings()) {
      if (w.resource() != null && w.kind().name().toLowerCase(Locale.ROOT).contains("polic")) {
        violations.add(w.resource());
      }
    }
    ObjectNode out = Json.object();
    out.put("layers", g.layers());
    ArrayNode nodes = out.putArray("nodes");
    for (PlanGraph.Node n : g.nodes()) {
      ObjectNode node = nodes.addObject();
      node.put("name", n.name());
      node.put("type", n.type());
      node.put("action", n.action().name().toLowerCase(Locale.ROOT).replace("_", ""));
      node.put("symbol", n.symbol());
      node.put("stage", n.stage());
      node.put("layer", n.layer());
      PlannedAction a = byName.get(n.name());
      node.put("drift", a != null && !a.drift().isEmpty());
      node.put(POLICY_MARK, violations.contains(n.name()));
    }
    ArrayNode edges = out.putArray("edges");
    g.edges().forEach(e -> edges.addObject().put("from", e.from()).put("to", e.to()));
    return out;
  }
}
