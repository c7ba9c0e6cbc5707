package io.mcpiac.engine.plans;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.resources.Values;
import java.util.Locale;

/**
 * A plan as JSON for machines (the command line's {@code --json}, MCP answers): secrets as {@code
 * (sensitive)}, unknown values as {@code (known after apply)}.
 */
public final class PlanJson {
  private PlanJson() {}

  public static ObjectNode of(Plan plan) {
    ObjectNode out = Json.object();
    out.put("planId", plan.id());
    out.put("deployment", plan.deploymentName());
    out.put("createdAt", plan.createdAt().toString());
    out.put("stateVersion", plan.stateVersion());
    out.put("fingerprint", plan.fingerprint());
    out.put("hasChanges", plan.hasChanges());
    ObjectNode summary = out.putObject("summary");
    summary.put("create", plan.count(ActionType.CREATE));
    summary.put("update", plan.count(ActionType.UPDATE));
    summary.put("replace", plan.count(ActionType.REPLACE));
    summary.put("delete", plan.count(ActionType.DELETE));
    summary.put("noop", plan.count(ActionType.NO_OP));
    summary.put("activate", plan.activations().size());
    summary.put("text", plan.summary());
    ArrayNode stages = out.putArray("stages");
    plan.stages().forEach(stage -> stage.forEach(stages.addArray()::add));
    ArrayNode actions = out.putArray("actions");
    for (PlannedAction a : plan.actions()) {
      ObjectNode node = actions.addObject();
      node.put("resource", a.name());
      node.put("type", a.type());
      node.put("provider", a.provider());
      node.put("action", a.action().label());
      node.put("reason", a.reason());
      node.put("stage", a.stage() + 1);
      String instance = PlanRenderer.instanceOf(a.name());
      if (instance != null) {
        node.put("instance", instance);
      }
      if (a.id() != null) {
        node.put("id", a.id());
      }
      node.set("dependencies", Json.MAPPER.valueToTree(a.dependencies()));
      node.set("changes", changes(a.changes()));
      if (!a.drift().isEmpty()) {
        node.set("drift", changes(a.drift()));
      }
    }
    ArrayNode activations = out.putArray("activations");
    for (PendingActivation p : plan.activations()) {
      activations.addObject().put("provider", p.provider()).put("scope", p.scope());
    }
    out.set("warnings", Json.MAPPER.valueToTree(plan.warningTexts()));
    ArrayNode details = out.putArray("warningDetails");
    for (PlanWarning w : plan.warnings()) {
      ObjectNode node = details.addObject().put("kind", w.kind().name().toLowerCase(Locale.ROOT));
      node.put("resource", w.resource()).put("property", w.property()).put("message", w.message());
    }
    return out;
  }

  private static ArrayNode changes(java.util.List<PropertyChange> changes) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (PropertyChange c : changes) {
      ObjectNode node = out.addObject();
      node.put("property", c.path());
      node.set("before", Values.masked(c.before()));
      node.set("after", Values.masked(c.after()));
      if (c.forcesReplacement()) {
        node.put("forcesReplacement", true);
      }
    }
    return out;
  }
}
