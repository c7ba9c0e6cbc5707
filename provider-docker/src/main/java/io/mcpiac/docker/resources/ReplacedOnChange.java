package io.mcpiac.docker.resources;

import io.mcpiac.docker.client.DockerConnection;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.kit.TypeHandler;

/** A type Docker cannot change: every property forces replacement (images, networks, volumes). */
interface ReplacedOnChange extends TypeHandler<DockerConnection> {

  /** An update can only be an undo that restores the same properties: nothing to do. */
  @Override
  default ChangeResult update(DockerConnection session, Change change) {
    return ChangeResult.ok(change.name(), change.id(), change.priorOutputs());
  }
}
