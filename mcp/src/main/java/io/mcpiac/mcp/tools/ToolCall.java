package io.mcpiac.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.mcp.protocol.Arguments;
import io.modelcontextprotocol.server.McpSyncServerExchange;

/**
 * One call of a tool: its arguments (already checked against the input schema) and the exchange for
 * notifications and elicitation.
 *
 * @param progressToken the client's progress token, or null
 */
public record ToolCall(McpSyncServerExchange exchange, ObjectNode arguments, Object progressToken) {

  public String string(String name) {
    return Arguments.string(arguments, name);
  }

  public String requireString(String name) {
    return Arguments.requireString(arguments, name);
  }

  public boolean bool(String name, boolean fallback) {
    return Arguments.bool(arguments, name, fallback);
  }

  public JsonNode get(String name) {
    return arguments.get(name);
  }

  /** The {@code options} object, or an empty one. */
  public JsonNode options() {
    return Arguments.options(arguments);
  }
}
