package io.mcpiac.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.mcp.envelope.ErrorCode;
import io.mcpiac.mcp.envelope.ToolFailure;
import io.modelcontextprotocol.server.McpSyncServerExchange;

/**
 * One call of a tool: its arguments (already checked against the input schema) and the exchange for
 * notifications and elicitation.
 *
 * @param progressToken the client's progress token, or null
 */
public record ToolCall(McpSyncServerExchange exchange, ObjectNode arguments, Object progressToken) {

  public String string(String name) {
    JsonNode v = arguments.get(name);
    return v == null || v.isNull() ? null : v.asText();
  }

  public String requireString(String name) {
    String v = string(name);
    if (v == null || v.isBlank()) {
      throw new ToolFailure(ErrorCode.VALIDATION_FAILED, "the argument '" + name + "' is required");
    }
    return v;
  }

  public boolean bool(String name, boolean fallback) {
    JsonNode v = arguments.get(name);
    return v == null || v.isNull() ? fallback : v.asBoolean(fallback);
  }

  public JsonNode get(String name) {
    return arguments.get(name);
  }

  /** The {@code options} object, or an empty one. */
  public JsonNode options() {
    JsonNode o = arguments.get("options");
    return o != null && o.isObject() ? o : arguments.objectNode();
  }
}
