package io.mcpiac.kubernetes.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/** The core/v1 kinds: Namespace, ConfigMap, Secret, Service. */
final class CoreKinds {
  private CoreKinds() {}

  static final Kind NAMESPACE =
      new Kind() {
        public String type() {
          return "k8s:core:namespace";
        }

        public String description() {
          return "A Kubernetes Namespace";
        }

        public String apiVersion() {
          return "v1";
        }

        public String kind() {
          return "Namespace";
        }

        public boolean namespaced() {
          return false;
        }

        public String propertiesSchema() {
          return "{}";
        }

        public void write(ObjectNode props, ObjectNode manifest) {}

        public void read(ObjectNode manifest, ObjectNode props) {}
      };

  static final Kind CONFIG_MAP =
      new Kind() {
        public String type() {
          return "k8s:core:configmap";
        }

        public String description() {
          return "A Kubernetes ConfigMap: data as key/value strings";
        }

        public String apiVersion() {
          return "v1";
        }

        public String kind() {
          return "ConfigMap";
        }

        public String propertiesSchema() {
          return """
              {"data": {"type": "object", "additionalProperties": {"type": "string"},
                        "default": {}, "description": "the ConfigMap's data"}}""";
        }

        public void write(ObjectNode props, ObjectNode manifest) {
          manifest.set("data", Fields.strings(props.get("data")));
        }

        public void read(ObjectNode manifest, ObjectNode props) {
          props.set("data", Fields.strings(manifest.get("data")));
        }
      };

  static final Kind SECRET =
      new Kind() {
        public String type() {
          return "k8s:core:secret";
        }

        public String description() {
          return "A Kubernetes Secret: data as secrets, never stored, shown or logged";
        }

        public String apiVersion() {
          return "v1";
        }

        public String kind() {
          return "Secret";
        }

        public String propertiesSchema() {
          return """
              {"data": {"type": "object", "additionalProperties": {"type": "string"},
                        "default": {}, "description": "the Secret's values, in clear (use ${secret.env:NAME})"},
               "type": {"type": "string", "default": "Opaque", "description": "the Secret's type"}}""";
        }

        public Set<String> secrets() {
          return Set.of("data");
        }

        public Set<String> replaceOnChange() {
          return Set.of("type");
        }

        public void write(ObjectNode props, ObjectNode manifest) {
          ObjectNode data = manifest.putObject("data");
          Fields.strings(props.get("data"))
              .fields()
              .forEachRemaining(
                  e ->
                      data.put(
                          e.getKey(),
                          Base64.getEncoder()
                              .encodeToString(
                                  e.getValue().asText().getBytes(StandardCharsets.UTF_8))));
          manifest.put("type", props.path("type").asText("Opaque"));
        }

        /** The data decoded from the live Secret differs from the configured values. */
        public Set<String> changedSecrets(ObjectNode live, ObjectNode configured) {
          JsonNode want = configured.get("data");
          if (want == null || !want.isObject()) {
            return Set.of();
          }
          ObjectNode have = Json.object();
          live.path("data")
              .fields()
              .forEachRemaining(
                  e ->
                      have.put(
                          e.getKey(),
                          new String(
                              Base64.getDecoder().decode(e.getValue().asText()),
                              StandardCharsets.UTF_8)));
          return have.equals(Fields.strings(want)) ? Set.of() : Set.of("data");
        }

        public void read(ObjectNode manifest, ObjectNode props) {
          // the data is a secret: never read back (the engine compares digests of what it wrote)
          Fields.copy(manifest.get("type"), props, "type");
        }
      };

  static final Kind SERVICE =
      new Kind() {
        public String type() {
          return "k8s:core:service";
        }

        public String description() {
          return "A Kubernetes Service: type, selector and ports";
        }

        public String apiVersion() {
          return "v1";
        }

        public String kind() {
          return "Service";
        }

        public String propertiesSchema() {
          return """
              {"type": {"type": "string", "enum": ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"],
                        "default": "ClusterIP"},
               "selector": {"type": "object", "additionalProperties": {"type": "string"}, "default": {},
                            "description": "pod labels; a deployment of this provider labels its pods app.kubernetes.io/name: NAME"},
               "ports": {"type": "array", "default": [], "description": "numbers, or {port, targetPort, protocol, name, nodePort}",
                         "items": {"anyOf": [{"type": "integer", "minimum": 1, "maximum": 65535},
                                             {"type": "object", "required": ["port"],
                                              "properties": {"port": {"type": "integer", "minimum": 1, "maximum": 65535},
                                                             "targetPort": {"type": ["integer", "string"]},
                                                             "protocol": {"type": "string", "enum": ["TCP", "UDP", "SCTP"]},
                                                             "name": {"type": "string"},
                                                             "nodePort": {"type": "integer"}},
                                              "additionalProperties": false}]}}}""";
        }

        /** A port number is {@code {port: N}}: the one form planned and recorded. */
        public ObjectNode canonical(ObjectNode props) {
          JsonNode ports = props.get("ports");
          if (ports == null || !ports.isArray()) {
            return props;
          }
          ObjectNode out = props.deepCopy();
          ArrayNode list = out.putArray("ports");
          for (JsonNode p : ports) {
            list.add(p.isIntegralNumber() ? Json.object().put("port", p.intValue()) : p);
          }
          return out;
        }

        public void write(ObjectNode props, ObjectNode manifest) {
          ObjectNode spec = manifest.putObject("spec");
          spec.put("type", props.path("type").asText("ClusterIP"));
          spec.set("selector", Fields.strings(props.get("selector")));
          spec.set("ports", props.path("ports").isArray() ? props.get("ports").deepCopy() : null);
          if (!spec.path("ports").isArray()) {
            spec.putArray("ports");
          }
        }

        public void read(ObjectNode manifest, ObjectNode props) {
          JsonNode spec = manifest.path("spec");
          Fields.copy(spec.get("type"), props, "type");
          props.set("selector", Fields.strings(spec.get("selector")));
          props.set(
              "ports",
              spec.path("ports").isArray() ? spec.get("ports") : Json.MAPPER.createArrayNode());
        }
      };

  static List<Kind> all() {
    return List.of(NAMESPACE, CONFIG_MAP, SECRET, SERVICE);
  }
}
