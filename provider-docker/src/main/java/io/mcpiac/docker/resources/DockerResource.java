package io.mcpiac.docker.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.resources.ResourceType;
import java.util.List;
import java.util.Map;

/** One {@code docker:*} resource type: its definition and how it reads and changes objects. */
public interface DockerResource {
  ResourceType type();

  /**
   * One list call filtered by {@link ManagedLabels#MANAGED}; matched by {@link ManagedLabels#ID}.
   */
  Map<String, LiveResource> read(List<ReadRequest> requests);

  /** Every managed object of this type, named by its resource label. */
  List<LiveResource> importAll();

  /** Applies one change; a failure is a failed result, never an exception. */
  ChangeResult apply(Change change);

  /** The one canonical form of properties written in a short form; values may be unknown. */
  default ObjectNode canonical(ObjectNode properties) {
    return properties;
  }

  /** Checks beyond the schema; values may be unknown. */
  default Map<String, String> validate(ObjectNode properties) {
    return Map.of();
  }

  /** Outputs already known at plan time (unknown ones are filled in by the engine). */
  default ObjectNode plannedOutputs(ObjectNode desired, ObjectNode prior) {
    return prior == null ? io.mcpiac.engine.json.Json.object() : prior.deepCopy();
  }
}
