package io.mcpiac.mcp.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Checks that a message a client sent is JSON-RPC 2.0 before the SDK sees it, and writes the
 * protocol's own errors when it is not: parse error (-32700) and invalid request (-32600), with no
 * internals. The SDK (2.1.0) answers such input over HTTP with a 400 whose body is a serialised
 * Java exception, and over stdio stops reading at the first line that is not JSON; both belong
 * fixed in the SDK, and are worked around here, in front of its transports.
 */
final class JsonRpcErrors {
  static final int PARSE_ERROR = -32700;
  static final int INVALID_REQUEST = -32600;

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonRpcErrors() {}

  /**
   * Null when {@code text} is a JSON-RPC message (or a batch of them); else the error to answer.
   */
  static String check(String text) {
    JsonNode message;
    try {
      message = JSON.readTree(text);
    } catch (Exception notJson) {
      return error(null, PARSE_ERROR, "Parse error: the message is not JSON");
    }
    if (message == null || message.isMissingNode()) {
      return error(null, PARSE_ERROR, "Parse error: the message is empty");
    }
    if (message.isArray()) {
      if (message.isEmpty()) {
        return error(null, INVALID_REQUEST, "Invalid Request: an empty batch");
      }
      for (JsonNode m : message) {
        String problem = checkOne(m);
        if (problem != null) {
          return problem;
        }
      }
      return null;
    }
    return checkOne(message);
  }

  private static String checkOne(JsonNode m) {
    if (!m.isObject()) {
      return error(null, INVALID_REQUEST, "Invalid Request: a message is a JSON object");
    }
    JsonNode id = m.get("id");
    boolean idOk = id == null || id.isTextual() || id.isIntegralNumber() || id.isNull();
    JsonNode safeId = idOk ? id : null;
    if (!"2.0".equals(m.path("jsonrpc").textValue())) {
      return error(safeId, INVALID_REQUEST, "Invalid Request: \"jsonrpc\" must be \"2.0\"");
    }
    if (!idOk) {
      return error(null, INVALID_REQUEST, "Invalid Request: \"id\" must be a string or a number");
    }
    JsonNode method = m.get("method");
    if (method != null) {
      if (!method.isTextual() || method.textValue().isEmpty()) {
        return error(safeId, INVALID_REQUEST, "Invalid Request: \"method\" must be a string");
      }
      JsonNode params = m.get("params");
      if (params != null && !params.isObject() && !params.isArray()) {
        return error(
            safeId, INVALID_REQUEST, "Invalid Request: \"params\" must be an object or an array");
      }
      return null;
    }
    if (id != null && (m.has("result") || m.has("error"))) {
      return null; // a response to one of our requests (elicitation, sampling)
    }
    return error(safeId, INVALID_REQUEST, "Invalid Request: no \"method\"");
  }

  static String error(JsonNode id, int code, String message) {
    ObjectNode out = JSON.createObjectNode();
    out.put("jsonrpc", "2.0");
    if (id == null) {
      out.putNull("id");
    } else {
      out.set("id", id);
    }
    out.putObject("error").put("code", code).put("message", message);
    return out.toString();
  }
}
