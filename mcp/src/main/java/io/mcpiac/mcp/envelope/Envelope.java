package io.mcpiac.mcp.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The seed's MCPResponse: {@code {success, data, error {code, message, details}, metadata
 * {timestamp, duration, server, version}}}, sent as {@code structuredContent} next to a short text.
 *
 * @param server the server's name, e.g. {@code mcp-iac}
 */
public record Envelope(String server, String version) {

  public CallToolResult success(Reply reply, Instant started) {
    ObjectNode body = Json.object();
    body.put("success", true);
    body.set("data", reply.data());
    body.set("metadata", metadata(started));
    return result(body, reply.text(), false);
  }

  public CallToolResult failure(ToolFailure failure, Instant started) {
    ObjectNode body = Json.object();
    body.put("success", false);
    ObjectNode error = body.putObject("error");
    error.put("code", failure.code().name());
    error.put("message", failure.getMessage() == null ? "" : failure.getMessage());
    if (failure.details() != null) {
      error.set("details", failure.details());
    }
    body.set("metadata", metadata(started));
    return result(body, failure.code() + ": " + failure.getMessage(), true);
  }

  private ObjectNode metadata(Instant started) {
    Instant now = Instant.now();
    ObjectNode metadata = Json.object();
    metadata.put("timestamp", now.toString());
    metadata.put("duration", Duration.between(started, now).toMillis());
    metadata.put("server", server);
    metadata.put("version", version);
    return metadata;
  }

  @SuppressWarnings("unchecked")
  private static CallToolResult result(ObjectNode body, String text, boolean error) {
    Map<String, Object> structured = Json.MAPPER.convertValue(body, Map.class);
    return CallToolResult.builder()
        .content(List.of(new TextContent(text == null || text.isBlank() ? summary(body) : text)))
        .structuredContent(structured)
        .isError(error)
        .build();
  }

  private static String summary(JsonNode body) {
    return body.path("success").asBoolean() ? "OK" : "failed";
  }
}
