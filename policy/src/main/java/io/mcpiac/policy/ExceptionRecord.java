package io.mcpiac.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.ResourceConfig;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.core.CoreProvider;
import io.mcpiac.engine.states.DeploymentState;
import io.mcpiac.engine.states.ResourceRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Policy exceptions are never silent: the resources' {@code policyExceptions} are planned and
 * applied as one {@code core:data} resource named {@value #NAME}, so the plan shows them (created,
 * changed, removed), state records them with every apply and checkpoints keep them. Each entry says
 * which resource and rule, why, who recorded it and since when; {@code recordedBy} and {@code
 * since} are kept from the previous apply while the exception is unchanged, so an unchanged
 * exception plans nothing.
 */
public final class ExceptionRecord {
  public static final String NAME = "policy-exceptions";

  private ExceptionRecord() {}

  /** The deployment with the record added; unchanged when no resource has an exception. */
  public static Deployment withRecord(
      Deployment d, PolicySet set, DeploymentState recorded, String user, Instant now) {
    ObjectNode entries = Json.object();
    JsonNode before = previous(recorded);
    for (ResourceConfig r : d.resources()) {
      List<Subject.Exemption> list = set.exemptions().get(r.name());
      if (list == null) {
        continue;
      }
      ArrayNode out = entries.putArray(r.name());
      for (Subject.Exemption e : list) {
        ObjectNode entry = out.addObject();
        entry.put("rule", e.rule());
        entry.put("reason", e.reason());
        JsonNode same = find(before.path(r.name()), e);
        entry.put("recordedBy", same != null ? same.path("recordedBy").asText(user) : user);
        entry.put(
            "since", same != null ? same.path("since").asText(now.toString()) : now.toString());
      }
    }
    if (entries.isEmpty() || d.resource(NAME).isPresent()) {
      return d;
    }
    ObjectNode properties = Json.object();
    properties.set("input", entries);
    List<ResourceConfig> resources = new ArrayList<>(d.resources());
    resources.add(
        new ResourceConfig(
            CoreProvider.DATA, NAME, properties, List.of(), null, d.location(), Map.of()));
    return new Deployment(
        d.name(),
        d.providers(),
        resources,
        d.location(),
        d.sensitiveValues(),
        d.sensitiveProperties());
  }

  private static JsonNode previous(DeploymentState recorded) {
    if (recorded == null) {
      return Json.object();
    }
    return recorded
        .resource(NAME)
        .map(ResourceRecord::properties)
        .map(p -> (JsonNode) p.path("input"))
        .orElse(Json.object());
  }

  private static JsonNode find(JsonNode list, Subject.Exemption e) {
    for (JsonNode n : list) {
      if (e.rule().equals(n.path("rule").asText())
          && e.reason().equals(n.path("reason").asText())) {
        return n;
      }
    }
    return null;
  }
}
