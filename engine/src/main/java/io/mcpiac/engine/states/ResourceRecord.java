package io.mcpiac.engine.states;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.resources.Resource;
import io.mcpiac.engine.resources.ResourceState;
import java.util.List;

/**
 * What state knows of one resource: its recorded (resolved, secrets redacted) properties and
 * outputs, the provider instance that owns it and the names it depends on.
 */
public record ResourceRecord(
    String name,
    String type,
    String provider,
    String id,
    ObjectNode properties,
    ObjectNode outputs,
    List<String> dependencies,
    ResourceState state) {

  public ResourceRecord {
    dependencies = List.copyOf(dependencies);
  }

  /** The seed's Resource view. */
  public Resource toResource() {
    return new Resource(id, type, name, properties, dependencies, outputs, state);
  }
}
