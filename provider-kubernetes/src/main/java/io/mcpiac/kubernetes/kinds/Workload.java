package io.mcpiac.kubernetes.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import java.util.List;

/**
 * Deployment and StatefulSet from friendly properties: one container named after the object with
 * {@code image}, {@code ports}, {@code env}, {@code resources}, {@code command}, {@code args}; pods
 * labelled {@code app.kubernetes.io/name: NAME}, which is also the selector (so a Service selects
 * them with that label). Anything else goes in {@code manifest}. A write waits for the rollout.
 */
record Workload(String type, String kind, boolean stateful) implements Kind {
  static final String POD_LABEL = "app.kubernetes.io/name";

  static List<Kind> all() {
    return List.of(
        new Workload("k8s:apps:deployment", "Deployment", false),
        new Workload("k8s:apps:statefulset", "StatefulSet", true));
  }

  @Override
  public String description() {
    return "A Kubernetes "
        + kind
        + " of one container; apply waits for its rollout"
        + (stateful ? " (serviceName defaults to the name)" : "");
  }

  @Override
  public String apiVersion() {
    return "apps/v1";
  }

  @Override
  public boolean rolls() {
    return true;
  }

  @Override
  public List<String> required() {
    return List.of("image");
  }

  @Override
  public String propertiesSchema() {
    return """
        {"image": {"type": "string", "minLength": 1, "description": "the container image"},
         "replicas": {"type": "integer", "minimum": 0, "default": 1},
         "ports": {"type": "array", "default": [], "items": {"type": "integer", "minimum": 1, "maximum": 65535},
                   "description": "container ports (TCP)"},
         "env": {"type": "object", "additionalProperties": {"type": ["string", "number", "boolean"]}, "default": {}},
         "resources": {"type": "object", "default": {},
                       "properties": {"limits": {"type": "object"}, "requests": {"type": "object"}},
                       "additionalProperties": false,
                       "description": "{limits, requests} of cpu and memory, in the API server's canonical form (500m, 128Mi)"},
         "command": {"type": "array", "items": {"type": "string"}},
         "args": {"type": "array", "items": {"type": "string"}}"""
        + (stateful ? ",\n \"serviceName\": {\"type\": \"string\"}}" : "}");
  }

  /** Env values are strings to Kubernetes: {@code 4} and {@code false} are written as text. */
  @Override
  public ObjectNode canonical(ObjectNode props) {
    if (!(props.get("env") instanceof ObjectNode env)) {
      return props;
    }
    ObjectNode out = props.deepCopy();
    ObjectNode texts = out.putObject("env");
    env.fields()
        .forEachRemaining(
            e ->
                texts.set(
                    e.getKey(),
                    e.getValue().isNumber() || e.getValue().isBoolean()
                        ? Json.MAPPER.getNodeFactory().textNode(e.getValue().asText())
                        : e.getValue()));
    return out;
  }

  @Override
  public void write(ObjectNode props, ObjectNode manifest) {
    String name = props.path("name").asText();
    ObjectNode spec = manifest.putObject("spec");
    spec.put("replicas", props.path("replicas").asInt(1));
    Fields.at(spec, "selector", "matchLabels").put(POD_LABEL, name);
    if (stateful) {
      spec.put("serviceName", props.path("serviceName").asText(name));
    }
    ObjectNode template = spec.putObject("template");
    Fields.at(template, "metadata", "labels").put(POD_LABEL, name);
    ObjectNode c = Fields.at(template, "spec").putArray("containers").addObject();
    c.put("name", containerName(name));
    c.put("image", props.path("image").asText());
    ArrayNode ports = c.putArray("ports");
    props.path("ports").forEach(p -> ports.addObject().put("containerPort", p.asInt()));
    c.set("env", Fields.nameValues(props.get("env")));
    c.set("resources", props.path("resources").isObject() ? props.get("resources") : Json.object());
    Fields.copy(props.get("command"), c, "command");
    Fields.copy(props.get("args"), c, "args");
  }

  @Override
  public void read(ObjectNode manifest, ObjectNode props) {
    JsonNode spec = manifest.path("spec");
    Fields.copy(spec.get("replicas"), props, "replicas");
    if (stateful) {
      Fields.copy(spec.get("serviceName"), props, "serviceName");
    }
    JsonNode c = spec.path("template").path("spec").path("containers").path(0);
    Fields.copy(c.get("image"), props, "image");
    ArrayNode ports = props.putArray("ports");
    c.path("ports").forEach(p -> ports.add(p.path("containerPort").asInt()));
    props.set("env", Fields.map(c.path("env")));
    props.set("resources", c.path("resources").isObject() ? c.get("resources") : Json.object());
    Fields.copy(c.get("command"), props, "command");
    Fields.copy(c.get("args"), props, "args");
  }

  /** A container name is a DNS label: the object's name cut to 63 characters. */
  private static String containerName(String name) {
    return name.length() > 63 ? name.substring(0, 63) : name;
  }
}
