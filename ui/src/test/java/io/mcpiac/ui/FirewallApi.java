package io.mcpiac.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.opnsense.emulator.OpnsenseEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** The emulated firewall as its own REST API shows it (what a user would find there). */
final class FirewallApi {
  static final String VLANS = "/api/interfaces/vlan_settings/searchItem";
  static final String ALIASES = "/api/firewall/alias/searchItem";
  static final String HOST_OVERRIDES = "/api/unbound/settings/searchHostOverride";
  static final String RULES = "/api/firewall/filter/searchRule";

  private final OpnsenseEmulator emulator;
  private final HttpClient http = HttpClient.newHttpClient();

  FirewallApi(OpnsenseEmulator emulator) {
    this.emulator = emulator;
  }

  /** The real (uuid-keyed) rows of a search. */
  List<JsonNode> rows(String searchPath) {
    ObjectNode body = Json.object();
    body.put("current", 1);
    body.put("rowCount", 9999);
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode row : post(searchPath, body).path("rows")) {
      if (row.path("uuid").asText().matches("^[0-9a-f]{8}-.*")) {
        out.add(row);
      }
    }
    return out;
  }

  /** The values of one column of a search. */
  List<String> column(String searchPath, String field) {
    return rows(searchPath).stream().map(r -> r.path(field).asText()).toList();
  }

  JsonNode post(String path, ObjectNode body) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(emulator.url() + path))
              .header(
                  "Authorization",
                  "Basic "
                      + Base64.getEncoder()
                          .encodeToString(
                              (emulator.apiKey() + ":" + emulator.apiSecret())
                                  .getBytes(StandardCharsets.UTF_8)))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
              .build();
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      return r.body().isBlank() ? Json.object() : Json.parse(r.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
