package io.mcpiac.kubernetes.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * networking.k8s.io/v1 Ingress from a flat list of rules {@code {host, path, pathType, service,
 * port}}, each one rule of the object with one path (the shape {@code kubectl create ingress
 * --rule} writes); TLS and defaults go in {@code manifest}.
 */
final class IngressKind implements Kind {
  @Override
  public String type() {
    return "k8s:networking:ingress";
  }

  @Override
  public String description() {
    return "A Kubernetes Ingress: HTTP rules from host and path to a service port";
  }

  @Override
  public String apiVersion() {
    return "networking.k8s.io/v1";
  }

  @Override
  public String kind() {
    return "Ingress";
  }

  @Override
  public String propertiesSchema() {
    return """
        {"className": {"type": "string", "description": "spec.ingressClassName"},
         "rules": {"type": "array", "default": [],
                   "items": {"type": "object", "required": ["service", "port"], "additionalProperties": false,
                             "properties": {"host": {"type": "string"},
                                            "path": {"type": "string", "default": "/"},
                                            "pathType": {"type": "string", "enum": ["Prefix", "Exact", "ImplementationSpecific"]},
                                            "service": {"type": "string"},
                                            "port": {"type": ["integer", "string"]}}}}}""";
  }

  /** Each rule's {@code path} ({@code /}) and {@code pathType} ({@code Prefix}) written out. */
  @Override
  public ObjectNode canonical(ObjectNode props) {
    if (!props.path("rules").isArray()) {
      return props;
    }
    ObjectNode out = props.deepCopy();
    for (JsonNode r : out.path("rules")) {
      if (r instanceof ObjectNode rule) {
        if (!rule.has("path")) {
          rule.put("path", "/");
        }
        if (!rule.has("pathType")) {
          rule.put("pathType", "Prefix");
        }
      }
    }
    return out;
  }

  @Override
  public void write(ObjectNode props, ObjectNode manifest) {
    ObjectNode spec = manifest.putObject("spec");
    Fields.copy(props.get("className"), spec, "ingressClassName");
    ArrayNode rules = spec.putArray("rules");
    for (JsonNode r : props.path("rules")) {
      ObjectNode rule = rules.addObject();
      Fields.copy(r.get("host"), rule, "host");
      ObjectNode path = Fields.at(rule, "http").putArray("paths").addObject();
      path.put("path", r.path("path").asText("/"));
      path.put("pathType", r.path("pathType").asText("Prefix"));
      ObjectNode service = Fields.at(path, "backend", "service");
      service.put("name", r.path("service").asText());
      JsonNode port = r.get("port");
      if (port.isIntegralNumber()) {
        Fields.at(service, "port").put("number", port.intValue());
      } else {
        Fields.at(service, "port").put("name", port.asText());
      }
    }
  }

  @Override
  public void read(ObjectNode manifest, ObjectNode props) {
    JsonNode spec = manifest.path("spec");
    Fields.copy(spec.get("ingressClassName"), props, "className");
    ArrayNode rules = props.putArray("rules");
    for (JsonNode rule : spec.path("rules")) {
      for (JsonNode p : rule.path("http").path("paths")) {
        ObjectNode r = rules.addObject();
        Fields.copy(rule.get("host"), r, "host");
        r.put("path", p.path("path").asText("/"));
        Fields.copy(p.get("pathType"), r, "pathType");
        JsonNode service = p.path("backend").path("service");
        r.put("service", service.path("name").asText());
        JsonNode port = service.path("port");
        if (port.has("number")) {
          r.put("port", port.path("number").asInt());
        } else {
          r.put("port", port.path("name").asText());
        }
      }
    }
  }
}
