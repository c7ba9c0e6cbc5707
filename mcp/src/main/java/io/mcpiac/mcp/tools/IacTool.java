package io.mcpiac.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.mcp.envelope.Reply;

/** One MCP tool of the standard IaC tool set. */
public interface IacTool {

  /** What the tool changes, for the annotations and the read-only server. */
  enum Effect {
    /** Reads only (plans count: they change nothing). */
    READ_ONLY,
    /** Changes state or infrastructure, never removes anything by itself. */
    ADDITIVE,
    /** May delete or replace real objects. */
    DESTRUCTIVE
  }

  String name();

  String title();

  String description();

  /** JSON Schema 2020-12 of the arguments. */
  ObjectNode inputSchema();

  /** JSON Schema of the envelope's {@code data} on success. */
  JsonNode dataSchema();

  Effect effect();

  /** Calling it twice with the same arguments has the effect of calling it once. */
  boolean idempotent();

  Reply call(ToolCall call);
}
