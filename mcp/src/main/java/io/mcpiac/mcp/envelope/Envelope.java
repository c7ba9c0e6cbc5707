package io.mcpiac.mcp.envelope;

import io.mcpiac.engine.json.Json;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Makes a tool's {@link Response} (the seed's MCPResponse) into the MCP result: the envelope as
 * {@code structuredContent} next to a short text.
 *
 * @param server the server's name, e.g. {@code mcp-iac}
 */
public record Envelope(String server, String version) {

  public CallToolResult success(Reply reply, Instant started) {
    return result(Response.ok(reply.data(), metadata(started)), reply.text(), false);
  }

  public CallToolResult failure(ToolFailure failure, Instant started) {
    String message = failure.getMessage() == null ? "" : failure.getMessage();
    Response r =
        Response.failed(
            new Response.Failure(failure.code().name(), message, failure.details()),
            metadata(started));
    return result(r, failure.code() + ": " + failure.getMessage(), true);
  }

  private Response.Metadata metadata(Instant started) {
    Instant now = Instant.now();
    return new Response.Metadata(
        now.toString(), Duration.between(started, now).toMillis(), server, version);
  }

  @SuppressWarnings("unchecked")
  private static CallToolResult result(Response response, String text, boolean error) {
    Map<String, Object> structured = Json.MAPPER.convertValue(response.toJson(), Map.class);
    return CallToolResult.builder()
        .content(
            List.of(
                new TextContent(
                    text == null || text.isBlank()
                        ? (response.success() ? "OK" : "failed")
                        : text)))
        .structuredContent(structured)
        .isError(error)
        .build();
  }
}
