package io.mcpiac.opnsense.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP answer: status, content type, extra headers and body bytes. */
public record ApiResponse(
    int status, String contentType, Map<String, String> headers, byte[] body) {
  public static final String JSON = "application/json; charset=UTF-8";

  /** api.php's error handler spells its header without the space. */
  public static final String ERROR_JSON = "application/json;charset=utf-8";

  /** A controller result: HTTP 200, PHP-encoded JSON. */
  public static ApiResponse ok(JsonNode body) {
    return new ApiResponse(200, JSON, Map.of(), PhpJson.encode(body));
  }

  public static ApiResponse json(int status, JsonNode body) {
    return new ApiResponse(status, JSON, Map.of(), PhpJson.encode(body));
  }

  public static ApiResponse text(int status, String contentType, String body) {
    return new ApiResponse(status, contentType, Map.of(), body.getBytes(StandardCharsets.UTF_8));
  }

  public static ApiResponse endpointNotFound() {
    return error(404, obj().put("errorMessage", "Endpoint not found"));
  }

  public static ApiResponse unexpected() {
    return error(500, obj().put("errorMessage", "Unexpected error, check log for details"));
  }

  public static ApiResponse userError(UserException e) {
    // api.php adds errorTitle for every UserException, "" when it has none
    ObjectNode b = obj().put("errorMessage", e.getMessage()).put("errorTitle", e.title());
    return error(500, b);
  }

  private static ApiResponse error(int status, ObjectNode body) {
    return new ApiResponse(status, ERROR_JSON, Map.of(), PhpJson.encodeUnescapedSlashes(body));
  }

  public ApiResponse withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new ApiResponse(status, contentType, h, body);
  }

  public static ObjectNode obj() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** The common one-key answers ({@code {"result":"failed"}}, {@code {"status":"ok"}}). */
  public static ApiResponse single(String key, String value) {
    return ok(obj().put(key, value));
  }
}
