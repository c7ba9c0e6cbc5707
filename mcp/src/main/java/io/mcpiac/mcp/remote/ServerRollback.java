package io.mcpiac.mcp.remote;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What rolling one server's part back to a snapshot undid, for the orchestrator's result.
 *
 * @param result the server's answer to the rollback ({@code null} when it failed or was not asked
 *     for)
 * @param error why the rollback failed, {@code null} when it succeeded
 */
public record ServerRollback(String server, String snapshotId, JsonNode result, String error) {
  public boolean success() {
    return error == null;
  }
}
