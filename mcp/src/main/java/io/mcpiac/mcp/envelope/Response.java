package io.mcpiac.mcp.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import java.util.Optional;

/**
 * The seed's MCPResponse as a value: {@code {success, data, error {code, message, details},
 * metadata {timestamp, duration, server, version}}}. The server writes it with {@link #toJson} (see
 * {@link Envelope}); the orchestrator reads a server's answer with {@link #fromJson}. The one place
 * that knows the envelope's JSON.
 *
 * @param data the tool's answer on success; null on failure
 * @param error the failure; null on success
 */
public record Response(boolean success, JsonNode data, Failure error, Metadata metadata) {
  static final String SUCCESS = "success";
  static final String DATA = "data";
  static final String ERROR = "error";
  static final String METADATA = "metadata";

  /**
   * @param code an {@link ErrorCode} name; kept as text, so a client reads codes a newer server
   *     adds
   * @param details structured details (diagnostics, per-change results), or null
   */
  public record Failure(String code, String message, JsonNode details) {}

  /**
   * @param timestamp ISO-8601, when the answer was made
   * @param duration milliseconds the call took
   */
  public record Metadata(String timestamp, long duration, String server, String version) {}

  public static Response ok(JsonNode data, Metadata metadata) {
    return new Response(true, data, null, metadata);
  }

  public static Response failed(Failure error, Metadata metadata) {
    return new Response(false, null, error, metadata);
  }

  /** The error's code, or empty text on success. */
  public String errorCode() {
    return error == null ? "" : error.code();
  }

  /** The error's message, or empty text on success. */
  public String errorMessage() {
    return error == null ? "" : error.message();
  }

  /** The error's details, or a missing node. */
  public JsonNode errorDetails() {
    return error == null || error.details() == null ? Json.MAPPER.missingNode() : error.details();
  }

  public ObjectNode toJson() {
    ObjectNode body = Json.object();
    body.put(SUCCESS, success);
    if (success) {
      body.set(DATA, data);
    } else {
      ObjectNode e = body.putObject(ERROR);
      e.put("code", error.code());
      e.put("message", error.message() == null ? "" : error.message());
      if (error.details() != null) {
        e.set("details", error.details());
      }
    }
    if (metadata != null) {
      ObjectNode m = body.putObject(METADATA);
      m.put("timestamp", metadata.timestamp());
      m.put("duration", metadata.duration());
      m.put("server", metadata.server());
      m.put("version", metadata.version());
    }
    return body;
  }

  /** The envelope in a tool's structured content; empty when it is not one. */
  public static Optional<Response> fromJson(JsonNode body) {
    if (body == null || !body.isObject() || !body.path(SUCCESS).isBoolean()) {
      return Optional.empty();
    }
    JsonNode m = body.path(METADATA);
    Metadata metadata =
        m.isObject()
            ? new Metadata(
                m.path("timestamp").asText(null),
                m.path("duration").asLong(0),
                m.path("server").asText(null),
                m.path("version").asText(null))
            : null;
    if (body.get(SUCCESS).asBoolean()) {
      JsonNode data = body.get(DATA);
      return Optional.of(ok(data == null ? Json.object() : data, metadata));
    }
    JsonNode e = body.path(ERROR);
    JsonNode details = e.get("details");
    return Optional.of(
        failed(
            new Failure(
                e.path("code").asText(""),
                e.path("message").asText(""),
                details == null || details.isNull() ? null : details),
            metadata));
  }
}
