package io.mcpiac.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Reading a JSON request and writing a JSON answer. */
final class Http {
  private static final int MAX_BODY = 1 << 20;

  private Http() {}

  static ObjectNode body(HttpServletRequest request) throws IOException {
    byte[] bytes = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (bytes.length > MAX_BODY) {
      throw new ApiError(413, "request body larger than 1 MiB");
    }
    if (bytes.length == 0) {
      return Json.object();
    }
    try {
      JsonNode node = Json.MAPPER.readTree(new String(bytes, StandardCharsets.UTF_8));
      if (node instanceof ObjectNode o) {
        return o;
      }
    } catch (IOException e) {
      // answered below
    }
    throw new ApiError(400, "the request body is not a JSON object");
  }

  static String text(ObjectNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new ApiError(400, "'" + field + "' is required");
    }
    return v.asText();
  }

  static void json(HttpServletResponse response, int status, JsonNode value) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=utf-8");
    response.setHeader("Cache-Control", "no-store");
    response.getOutputStream().write(Json.write(value).getBytes(StandardCharsets.UTF_8));
  }

  static void error(HttpServletResponse response, ApiError e) throws IOException {
    ObjectNode out = Json.object();
    out.put("error", e.getMessage());
    if (e.details() != null) {
      out.set("details", e.details());
    }
    json(response, e.status(), out);
  }
}
