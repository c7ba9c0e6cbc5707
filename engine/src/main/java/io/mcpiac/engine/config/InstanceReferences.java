package io.mcpiac.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.mcpiac.engine.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The last step of {@link DeploymentExpansion}, once every resource is expanded: references to
 * instances become plain references. {@code ${vlan[*].device}} becomes the list of every instance's
 * reference, {@code ${web.url}} the template output's value, {@code ${web.backend.uuid}} {@code
 * ${(web.backend).uuid}}; {@code dependsOn: [web]} names every resource of the instance, {@code
 * dependsOn: [vlan]} every forEach instance.
 */
final class InstanceReferences {
  // outputs may refer to other instances' outputs: resolved in rounds, as deep as nesting goes
  private static final int MAX_ROUNDS = 8;

  private final Map<String, DeploymentExpansion.InstanceInfo> instances;
  private final Map<String, List<String>> forEachInstances;
  private final List<Diagnostic> problems;

  InstanceReferences(
      Map<String, DeploymentExpansion.InstanceInfo> instances,
      Map<String, List<String>> forEachInstances,
      List<Diagnostic> problems) {
    this.instances = instances;
    this.forEachInstances = forEachInstances;
    this.problems = problems;
  }

  private void problem(
      String code, SourceLocation where, String resource, String property, String message) {
    problems.add(new Diagnostic(code, where, resource, property, message));
  }

  /** After everything is expanded: references to instances become plain references. */
  ResourceConfig rewrite(ResourceConfig r) {
    ObjectNode props = (ObjectNode) finalValue(r.properties(), r.location(), r.name());
    List<String> dependsOn = new ArrayList<>();
    for (String dep : r.dependsOn()) {
      if (instances.containsKey(dep)) {
        dependsOn.addAll(instances.get(dep).resources());
      } else if (forEachInstances.containsKey(dep)) {
        dependsOn.addAll(forEachInstances.get(dep));
      } else {
        dependsOn.add(dep);
      }
    }
    return new ResourceConfig(
        r.type(), r.name(), props, dependsOn, r.provider(), r.location(), r.propertyLines());
  }

  JsonNode finalValue(JsonNode value, SourceLocation where, String resource) {
    PropertyPaths.forEachText(
        value,
        "properties",
        (path, text) -> {
          boolean splat =
              References.find(TextNode.valueOf(text)).stream()
                  .anyMatch(r -> !r.isExternal() && r.name().endsWith("[*]"));
          if (splat && !References.isWholeReference(text)) {
            problem(
                DiagnosticCodes.INVALID_REFERENCE,
                where,
                resource,
                path,
                "'[*]' gives a list: it must be the whole value, not part of a text");
          }
        });
    JsonNode current = value;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      boolean[] changed = {false};
      current =
          References.substitute(
              current,
              ref -> {
                JsonNode v = instanceValue(ref, where, resource);
                if (v != null) {
                  changed[0] = true;
                }
                return v;
              });
      if (!changed[0]) {
        break;
      }
    }
    return current;
  }

  private JsonNode instanceValue(Reference ref, SourceLocation where, String resource) {
    if (ref.isExternal()) {
      return null;
    }
    String name = ref.name();
    if (name.endsWith("[*]")) {
      List<String> all = forEachInstances.get(name.substring(0, name.length() - 3));
      if (all == null) {
        return null;
      }
      ArrayNode out = Json.MAPPER.createArrayNode();
      all.forEach(n -> out.add(DeploymentExpansion.rewritten(ref, n, ref.attribute())));
      return out;
    }
    DeploymentExpansion.InstanceInfo instance = instances.get(name);
    if (instance == null) {
      if (forEachInstances.containsKey(name)) {
        problem(
            DiagnosticCodes.INVALID_REFERENCE,
            where,
            resource,
            null,
            "'"
                + ref.text()
                + "': '"
                + name
                + "' has forEach; refer to one instance ("
                + name
                + "[KEY]) or to all ("
                + name
                + "[*])");
        return TextNode.valueOf("");
      }
      return null;
    }
    JsonNode output = instance.outputs().get(ref.attributeRoot());
    if (output != null) {
      return DeploymentExpansion.deeper(output, ref.attribute());
    }
    int dot = ref.attribute().indexOf('.');
    String inner = name + "." + ref.attributeRoot();
    if (dot > 0 && (instance.resources().contains(inner) || instances.containsKey(inner))) {
      return TextNode.valueOf(
          DeploymentExpansion.rewritten(ref, inner, ref.attribute().substring(dot + 1)));
    }
    problem(
        DiagnosticCodes.INVALID_REFERENCE,
        where,
        resource,
        null,
        "'"
            + ref.text()
            + "': template instance '"
            + name
            + "' ("
            + instance.template().name()
            + ") has no output '"
            + ref.attributeRoot()
            + "'"
            + Suggestions.didYouMean(ref.attributeRoot(), instance.outputs().keySet())
            + "; outputs: "
            + String.join(", ", instance.outputs().keySet()));
    return TextNode.valueOf("");
  }
}
