package io.mcpiac.engine.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;

/** Turns a loaded {@code kind: Template} document into a {@link Template}, and back into JSON. */
public final class Templates {
  private Templates() {}

  static Template of(LoadedDeployment doc) {
    Declarations d = doc.declarations();
    return new Template(
        doc.deployment().name(),
        d.description(),
        d.variables(),
        doc.deployment().resources(),
        d.forEach(),
        d.outputs(),
        doc.deployment().location(),
        doc.sourceMap(),
        "spec.resources");
  }

  /**
   * What a user or an AI client needs to use a template: its parameters as JSON Schemas (with
   * description and default), its outputs and its resources.
   */
  public static ObjectNode describe(Template t) {
    ObjectNode node = Json.object();
    node.put("name", t.name());
    node.put("type", Template.TYPE_PREFIX + t.name());
    node.put("description", t.description());
    ObjectNode params = node.putObject("parameters");
    for (VariableDeclaration p : t.parameters().values()) {
      ObjectNode schema = Json.copy(p.schema());
      if (p.description() != null) {
        schema.put("description", p.description());
      }
      if (!p.required()) {
        schema.set("default", p.defaultValue());
      }
      params.set(p.name(), schema);
    }
    ObjectNode outputs = node.putObject("outputs");
    t.outputs().forEach(o -> outputs.put(o.name(), o.description()));
    ArrayNode resources = node.putArray("resources");
    t.resources().forEach(r -> resources.addObject().put("type", r.type()).put("name", r.name()));
    return node;
  }
}
