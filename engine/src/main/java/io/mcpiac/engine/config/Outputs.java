package io.mcpiac.engine.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code spec.outputs}: a deployment's named results. They become one resource of the built-in type
 * {@code core:outputs} named {@code outputs}, whose properties are the outputs' values, so the
 * engine plans, applies, records, versions and checkpoints them like anything else: a changed
 * output shows as an update of {@code outputs}, an unchanged one plans nothing, {@code state show}
 * and other deployments ({@code ${deployment:NAME.outputs.x}}) read them from state. A sensitive
 * output is kept as a digest only.
 */
public final class Outputs {
  public static final String TYPE = "core:outputs";
  public static final String RESOURCE = "outputs";

  private Outputs() {}

  /** The resource that holds {@code outputs}; null when there are none. */
  static ResourceConfig resource(List<OutputDeclaration> outputs, SourceLocation location) {
    if (outputs.isEmpty()) {
      return null;
    }
    ObjectNode properties = Json.object();
    Map<String, Integer> lines = new LinkedHashMap<>();
    for (OutputDeclaration o : outputs) {
      properties.set(o.name(), o.value());
      lines.put(o.name(), o.location().line());
    }
    return new ResourceConfig(TYPE, RESOURCE, properties, List.of(), null, location, lines);
  }

  /** The names of the outputs declared sensitive. */
  static Set<String> sensitive(List<OutputDeclaration> outputs) {
    Set<String> out = new TreeSet<>();
    outputs.stream().filter(OutputDeclaration::sensitive).forEach(o -> out.add(o.name()));
    return out;
  }

  /** The recorded values of the outputs resource's properties (secrets as digests). */
  public static ObjectNode values(ObjectNode recordedProperties) {
    return recordedProperties == null ? Json.object() : Json.copy(recordedProperties);
  }
}
