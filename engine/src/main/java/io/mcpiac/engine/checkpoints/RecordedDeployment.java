package io.mcpiac.engine.checkpoints;

import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.ReferenceRecovery;
import io.mcpiac.engine.config.ResourceConfig;
import io.mcpiac.engine.config.SourceLocation;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.states.ResourceRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Recorded resources (a checkpoint's, or state's) as a configuration: what restoring a checkpoint,
 * refreshing and importing plan against.
 */
public final class RecordedDeployment {
  private RecordedDeployment() {}

  /**
   * A checkpoint as a configuration to restore: as {@link #asDeployment}, with every literal that
   * is a dependency's recorded output (an alias name, a server's UUID) turned back into a
   * reference, so after a destroy the re-created objects' new ids flow to what uses them.
   */
  public static Deployment asRestorable(String name, Collection<ResourceRecord> records) {
    Map<String, ResourceRecord> byName = new java.util.HashMap<>();
    records.forEach(r -> byName.put(r.name(), r));
    List<ResourceConfig> out = new ArrayList<>();
    for (ResourceConfig r : asDeployment(name, records).resources()) {
      Map<String, com.fasterxml.jackson.databind.node.ObjectNode> outputs =
          new java.util.HashMap<>();
      for (String dep : r.dependsOn()) {
        ResourceRecord target = byName.get(dep);
        if (target != null) {
          outputs.put(dep, target.outputs());
        }
      }
      out.add(
          new ResourceConfig(
              r.type(),
              r.name(),
              new ReferenceRecovery(outputs).rewrite(r.properties()),
              r.dependsOn(),
              r.provider(),
              r.location(),
              r.propertyLines()));
    }
    Deployment d = asDeployment(name, records);
    return new Deployment(
        name, d.providers(), out, d.location(), d.sensitiveValues(), d.sensitiveProperties());
  }

  /** Recorded resources as a configuration: their resolved properties and recorded dependencies. */
  public static Deployment asDeployment(String name, Collection<ResourceRecord> records) {
    List<ResourceConfig> resources = new ArrayList<>();
    SourceLocation origin = new SourceLocation("<state of " + name + ">", 0);
    for (ResourceRecord r : records) {
      resources.add(
          new ResourceConfig(
              r.type(),
              r.name(),
              Json.copy(r.properties()),
              r.dependencies(),
              r.provider(),
              origin,
              Map.of()));
    }
    return new Deployment(name, Map.of(), resources, origin);
  }
}
