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

  /**
   * A resource as a call to its provider (or a live read) left it: created, with the id, properties
   * and outputs the call reported ({@code id} null: the one it had).
   */
  public ResourceRecord withOutcome(String id, ObjectNode properties, ObjectNode outputs) {
    return new ResourceRecord(
        name,
        type,
        provider,
        id != null ? id : this.id,
        properties,
        outputs,
        dependencies,
        ResourceState.CREATED);
  }

  /** The seed's Resource view. */
  public Resource toResource() {
    return new Resource(id, type, name, properties, dependencies, outputs, state);
  }
}
