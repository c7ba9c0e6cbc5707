package io.mcpiac.opnsense.emulator.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.opnsense.emulator.api.ApiCall;
import io.mcpiac.opnsense.emulator.api.ApiKeys;
import io.mcpiac.opnsense.emulator.api.ApiResponse;
import io.mcpiac.opnsense.emulator.api.EmulatorCore;
import io.mcpiac.opnsense.emulator.api.RouteTable;
import io.mcpiac.opnsense.emulator.config.ConfigStore.Outcome;
import io.mcpiac.opnsense.emulator.model.Collections;
import io.mcpiac.opnsense.emulator.model.SystemEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * API key management of {@code UserController}: {@code addApiKey/<username>} shows the secret once,
 * {@code searchApiKey} lists keys, {@code delApiKey/<base64(key)>} removes one.
 */
final class ApiKeyEndpoints {
  private final EmulatorCore core;

  ApiKeyEndpoints(EmulatorCore core) {
    this.core = core;
  }

  void register(RouteTable.Controller c) {
    c.action("addApiKey", 1, this::add);
    c.action("searchApiKey", 0, this::search);
    c.action("delApiKey", 1, this::delete);
  }

  private ApiResponse add(ApiCall call) {
    if (!call.isPost()) {
      return ApiResponse.single("result", "failed");
    }
    String key = ApiKeys.generate();
    String secret = ApiKeys.generate();
    JsonNode out =
        core.store()
            .write(
                call.revisionUser(),
                call.revisionDescription(),
                config -> {
                  for (Map.Entry<String, JsonNode> u : config.items(Collections.USERS)) {
                    if (u.getValue().path("name").asText().equals(call.param(0))) {
                      core.checkWritable(call);
                      ObjectNode user = (ObjectNode) u.getValue();
                      String keys = user.path("apikeys").asText("");
                      String line = key + "|" + ApiKeys.hash(secret);
                      user.put("apikeys", keys.isEmpty() ? line : keys + "\n" + line);
                      return Outcome.saved(
                          ApiResponse.obj()
                              .put("result", "ok")
                              .put("hostname", SystemEnvironment.HOSTNAME)
                              .put("key", key)
                              .put("secret", secret));
                    }
                  }
                  return Outcome.unchanged(ApiResponse.obj().put("result", "failed"));
                });
    return ApiResponse.ok(out);
  }

  private ApiResponse search(ApiCall call) {
    return core.store()
        .read(
            config -> {
              ArrayNode rows = io.mcpiac.opnsense.emulator.api.PhpJsonNodes.array();
              for (Map.Entry<String, JsonNode> u : config.items(Collections.USERS)) {
                for (String line : u.getValue().path("apikeys").asText("").split("\n")) {
                  int bar = line.indexOf('|');
                  if (bar > 0) {
                    String key = line.substring(0, bar);
                    rows.addObject()
                        .put(
                            "id",
                            Base64.getEncoder()
                                .encodeToString(key.getBytes(StandardCharsets.UTF_8)))
                        .put("username", u.getValue().path("name").asText())
                        .put("key", key);
                  }
                }
              }
              ObjectNode out = ApiResponse.obj();
              out.put("total", rows.size());
              out.put("rowCount", rows.size());
              out.put("current", 1);
              out.set("rows", rows);
              return ApiResponse.ok(out);
            });
  }

  private ApiResponse delete(ApiCall call) {
    if (!call.isPost()) {
      return ApiResponse.single("result", "failed");
    }
    String key;
    try {
      key = new String(Base64.getDecoder().decode(call.param(0)), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return ApiResponse.single("result", "failed");
    }
    JsonNode out =
        core.store()
            .write(
                call.revisionUser(),
                call.revisionDescription(),
                config -> {
                  for (Map.Entry<String, JsonNode> u : config.items(Collections.USERS)) {
                    List<String> kept = new ArrayList<>();
                    boolean found = false;
                    for (String line : u.getValue().path("apikeys").asText("").split("\n")) {
                      if (line.startsWith(key + "|")) {
                        found = true;
                      } else if (!line.isEmpty()) {
                        kept.add(line);
                      }
                    }
                    if (found) {
                      core.checkWritable(call);
                      ((ObjectNode) u.getValue()).put("apikeys", String.join("\n", kept));
                      return Outcome.saved(ApiResponse.obj().put("result", "deleted"));
                    }
                  }
                  return Outcome.unchanged(ApiResponse.obj().put("result", "not found"));
                });
    return ApiResponse.ok(out);
  }
}
