package io.mcpiac.opnsense.emulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.opnsense.emulator.api.ApiKeys;
import io.mcpiac.opnsense.emulator.api.ApiResponse;
import io.mcpiac.opnsense.emulator.api.ApiUser;
import io.mcpiac.opnsense.emulator.api.PhpJson;
import io.mcpiac.opnsense.emulator.config.ConfigStore;
import io.mcpiac.opnsense.emulator.resources.SavepointTimer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The emulator's own API under {@code /__emulator/} (never under {@code /api/}): call counts, fault
 * injection, the pending/applied state, the savepoint timer length and extra API keys.
 */
public final class ControlApi {
  private final CallCounter calls;
  private final Faults faults;
  private final ConfigStore store;
  private final SavepointTimer timer;
  private final ApiKeys keys;

  private final java.util.function.Supplier<String> configXml;

  public ControlApi(
      CallCounter calls,
      Faults faults,
      ConfigStore store,
      SavepointTimer timer,
      ApiKeys keys,
      java.util.function.Supplier<String> configXml) {
    this.configXml = configXml;
    this.calls = calls;
    this.faults = faults;
    this.store = store;
    this.timer = timer;
    this.keys = keys;
  }

  public ApiResponse handle(String method, String path, String body) {
    String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    try {
      switch (p) {
        case "/__emulator/calls" -> {
          if (method.equals("DELETE")) {
            calls.reset();
          }
          return json(calls.toJson());
        }
        case "/__emulator/faults" -> {
          if (method.equals("POST")) {
            faults.configure(parse(body));
          } else if (method.equals("DELETE")) {
            faults.reset();
          }
          return json(faults.toJson());
        }
        case "/__emulator/config.xml" -> {
          return ApiResponse.text(200, "application/xml; charset=UTF-8", configXml.get());
        }
        case "/__emulator/state" -> {
          return json(store.state());
        }
        case "/__emulator/timers" -> {
          if (method.equals("POST")) {
            JsonNode b = parse(body);
            if (b.has("rollbackMillis")) {
              timer.setTimeout(Duration.ofMillis(b.get("rollbackMillis").asLong()));
            } else if (b.has("rollbackSeconds")) {
              timer.setTimeout(
                  Duration.ofMillis((long) (b.get("rollbackSeconds").asDouble() * 1000)));
            }
          }
          ObjectNode o = JsonNodeFactory.instance.objectNode();
          o.put("rollbackMillis", timer.timeout().toMillis());
          o.put("pendingRollback", timer.pendingRevision());
          return json(o);
        }
        case "/__emulator/keys" -> {
          if (method.equals("POST")) {
            return json(createKey(parse(body)));
          }
          ArrayNode a = JsonNodeFactory.instance.arrayNode();
          for (ApiUser u : keys.all()) {
            a.addObject()
                .put("username", u.username())
                .put("key", u.key())
                .put("readOnly", u.readOnly());
          }
          return json(a);
        }
        default -> {
          return ApiResponse.endpointNotFound();
        }
      }
    } catch (IllegalArgumentException e) {
      return ApiResponse.json(
          400, JsonNodeFactory.instance.objectNode().put("error", e.getMessage()));
    }
  }

  /** A key with privileges {@code pages} (default {@code page-all}) and optional read-only flag. */
  private ObjectNode createKey(JsonNode b) {
    List<String> pages = new ArrayList<>();
    b.path("pages").forEach(n -> pages.add(n.asText()));
    if (pages.isEmpty()) {
      pages.add("page-all");
    }
    ApiUser u =
        new ApiUser(
            b.path("username").asText("apiuser"),
            ApiKeys.generate(),
            ApiKeys.generate(),
            pages,
            b.path("readOnly").asBoolean(false));
    keys.add(u);
    return JsonNodeFactory.instance.objectNode().put("key", u.key()).put("secret", u.secret());
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return JsonNodeFactory.instance.objectNode();
    }
    try {
      return PhpJson.MAPPER.readTree(body);
    } catch (Exception e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getMessage());
    }
  }

  private static ApiResponse json(JsonNode n) {
    try {
      return new ApiResponse(
          200,
          "application/json",
          Map.of(),
          PhpJson.MAPPER.writeValueAsString(n).getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
