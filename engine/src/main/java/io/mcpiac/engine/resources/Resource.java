package io.mcpiac.engine.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The seed's resource model, exactly: {@code {id, type, name, properties, dependencies, outputs,
 * state}}. {@code id} is the provider's identifier of the real object (null until created);
 * dependencies are resource names. JSON values are treated as immutable once in a record.
 */
public record Resource(
    String id,
    String type,
    String name,
    ObjectNode properties,
    List<String> dependencies,
    ObjectNode outputs,
    ResourceState state) {

  public Resource {
    dependencies = List.copyOf(dependencies);
  }
}
