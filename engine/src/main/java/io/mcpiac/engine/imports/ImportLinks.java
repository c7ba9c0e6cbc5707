package io.mcpiac.engine.imports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.config.Reference;
import io.mcpiac.engine.config.ReferenceRecovery;
import io.mcpiac.engine.config.References;
import io.mcpiac.engine.providers.LiveResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imported objects that refer to each other (a rule to an alias by its name, a frontend to a
 * backend by its UUID) get {@code ${…}} references instead of the literal, so the imported file has
 * the dependency edges that make it plan, apply and destroy in order.
 */
final class ImportLinks {
  /** Outputs that identify an object where others refer to it. */
  private static final Set<String> IDENTIFYING = Set.of("uuid", "name", "refid");

  private ImportLinks() {}

  /**
   * @param existing what the deployment already has: imported objects may refer to it too
   */
  static List<LiveResource> link(
      List<LiveResource> found,
      java.util.Collection<io.mcpiac.engine.states.ResourceRecord> existing) {
    Map<String, ObjectNode> ids = new HashMap<>();
    for (var r : existing) {
      ids.put(r.name(), identifying(r.outputs()));
    }
    for (LiveResource r : found) {
      ids.put(r.name(), identifying(r.outputs()));
    }
    List<LiveResource> out = new ArrayList<>();
    for (LiveResource r : found) {
      Map<String, ObjectNode> others = new HashMap<>(ids);
      others.remove(r.name());
      ObjectNode props = r.properties().deepCopy();
      ObjectNode linked = new ReferenceRecovery(others).rewrite(props);
      // free text and an object's own identity are never references
      for (String key : List.of("description", "name", "hostname", "domain")) {
        if (props.has(key)) {
          linked.set(key, props.get(key));
        }
      }
      out.add(new LiveResource(r.name(), r.id(), linked, r.outputs()));
    }
    return out;
  }

  private static ObjectNode identifying(ObjectNode outputs) {
    ObjectNode keep = io.mcpiac.engine.json.Json.object();
    if (outputs != null) {
      outputs
          .fields()
          .forEachRemaining(
              e -> {
                if (IDENTIFYING.contains(e.getKey())) {
                  keep.set(e.getKey(), e.getValue());
                }
              });
    }
    return keep;
  }

  static List<String> dependencies(LiveResource linked) {
    Set<String> deps = new LinkedHashSet<>();
    for (Reference ref : References.find(linked.properties())) {
      deps.add(ref.name());
    }
    return List.copyOf(deps);
  }
}
