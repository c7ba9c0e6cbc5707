package io.mcpiac.cli.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.PropertyChange;
import io.mcpiac.engine.refresh.RefreshPlan;
import io.mcpiac.engine.resources.Values;

/** A refresh plan for people ({@code refresh}, {@code plan --refresh-only}) and as JSON. */
public final class RefreshRenderer {
  private RefreshRenderer() {}

  public static String text(RefreshPlan plan) {
    StringBuilder out = new StringBuilder();
    if (!plan.hasChanges()) {
      return "No drift: '" + plan.deployment() + "' is as recorded.\n";
    }
    out.append("Refresh of '")
        .append(plan.deployment())
        .append("' (state version ")
        .append(plan.stateVersion())
        .append(") would record what really exists:\n");
    for (RefreshPlan.Entry e : plan.entries()) {
      String head = e.action().type() + " " + e.action().name();
      if (e.gone()) {
        out.append("  - ").append(head).append(": gone from the system (removed from state)\n");
        continue;
      }
      for (PropertyChange d : e.action().drift()) {
        out.append("  ~ ")
            .append(head)
            .append(": ")
            .append(d.path())
            .append(" recorded ")
            .append(Values.display(d.before()))
            .append(", now ")
            .append(Values.display(d.after()))
            .append('\n');
      }
      if (e.outputsMoved()) {
        out.append("  ~ ").append(head).append(": outputs read again\n");
      }
    }
    long gone = plan.gone();
    out.append("Refresh: ")
        .append(plan.entries().size() - gone)
        .append(" to update in state, ")
        .append(gone)
        .append(" to remove from state. Nothing changes on any system.\n");
    return out.toString();
  }

  public static ObjectNode json(RefreshPlan plan, boolean written, long version) {
    ObjectNode json = Json.object();
    json.put("deployment", plan.deployment());
    json.put("fromVersion", plan.stateVersion());
    json.put("written", written);
    json.put("version", version);
    var list = json.putArray("drift");
    for (RefreshPlan.Entry e : plan.entries()) {
      if (e.gone()) {
        var node = list.addObject();
        node.put("resource", e.action().name());
        node.put("type", e.action().type());
        node.put("gone", true);
        continue;
      }
      for (PropertyChange d : e.action().drift()) {
        var node = list.addObject();
        node.put("resource", e.action().name());
        node.put("type", e.action().type());
        node.put("property", d.path());
        node.set("recorded", Values.masked(d.before()));
        node.set("live", Values.masked(d.after()));
      }
    }
    return json;
  }
}
