package io.mcpiac.cli.orchestrator;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.states.DeploymentState;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import io.mcpiac.opnsense.emulator.OpnsenseEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The real parts of an orchestrated deployment without Docker: an OPNsense emulator, a firewall
 * provider server over HTTP (a separate process, bearer token), and a {@code servers.yaml} whose
 * {@code app} server (prefix {@code core:}) is started by the orchestrator over stdio.
 */
final class FirewallAndAppServers implements AutoCloseable {
  static final String TOKEN = "test-token-firewall";
  static final String SUB = "orchestrated";

  final Path dir;
  final OpnsenseEmulator emulator;
  final int firewallPort;
  Process firewall;
  final Path servers;

  FirewallAndAppServers(Path dir) throws Exception {
    this(dir, List.of());
  }

  /**
   * @param extraServerYaml more entries of the servers list (YAML lines), e.g. a docker server
   */
  FirewallAndAppServers(Path dir, List<String> extraServerYaml) throws Exception {
    this(dir, extraServerYaml, true);
  }

  /**
   * @param withApp whether the {@code app} server owns {@code core:} (else the orchestrator keeps
   *     core types, such as the deployment's outputs, itself)
   */
  FirewallAndAppServers(Path dir, List<String> extraServerYaml, boolean withApp) throws Exception {
    this.dir = dir;
    this.emulator =
        OpnsenseEmulator.builder().tls(false).apiKey("key").apiSecret("secret").build().start();
    this.firewallPort = Processes.freePort();
    startFirewall();
    StringBuilder yaml = new StringBuilder("servers:\n");
    if (withApp) {
      yaml.append("  - name: app\n    prefixes: [\"core:\"]\n    command: ")
          .append(
              Processes.yamlCommand(
                  List.of(
                      "serve", "--provider", "core", "--state", "sqlite:" + dir.resolve("app.db"))))
          .append('\n');
    }
    yaml.append("  - name: firewall\n    prefixes: [\"opnsense:\"]\n")
        .append("    url: http://127.0.0.1:")
        .append(firewallPort)
        .append("/mcp\n    tokenEnv: FW_TOKEN\n");
    extraServerYaml.forEach(yaml::append);
    servers = dir.resolve("servers.yaml");
    Files.writeString(servers, yaml);
  }

  void startFirewall() throws Exception {
    firewall =
        Processes.startHttpServer(
            dir,
            "firewall",
            firewallPort,
            List.of("--provider", "opnsense", "--state", "sqlite:" + dir.resolve("fw.db")),
            Map.of(
                "OPNSENSE_URL",
                emulator.url(),
                "OPNSENSE_API_KEY",
                "key",
                "OPNSENSE_API_SECRET",
                "secret",
                "MCP_IAC_TOKEN",
                TOKEN));
  }

  Map<String, String> env() {
    return Map.of("FW_TOKEN", TOKEN);
  }

  /** Runs {@code mcp-iac ARGS --servers servers.yaml --state orch.db} in the directory. */
  Processes.Run orchestrate(String... args) throws Exception {
    return Processes.finish(dir, startOrchestrate(args));
  }

  Process startOrchestrate(String... args) throws Exception {
    return startOrchestrate(Map.of(), args);
  }

  /** As {@link #orchestrate(String...)}, with more environment (a sensitive variable's value). */
  Processes.Run orchestrate(Map<String, String> moreEnv, String... args) throws Exception {
    return Processes.finish(dir, startOrchestrate(moreEnv, args));
  }

  private Process startOrchestrate(Map<String, String> moreEnv, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of("--servers", servers.toString(), "--state", "sqlite:" + dir.resolve("orch.db")));
    Map<String, String> env = new java.util.HashMap<>(env());
    env.putAll(moreEnv);
    return Processes.start(dir, all, env);
  }

  Path file(String name, String yaml) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, yaml);
    return f;
  }

  /** The HAProxy servers the emulator really has, by name. */
  Map<String, JsonNode> haproxy(String kind) throws Exception {
    Map<String, JsonNode> out = new java.util.TreeMap<>();
    for (JsonNode row :
        emulatorApi("GET", "/api/haproxy/settings/search" + kind, null).path("rows")) {
      out.put(row.path("name").asText(), row);
    }
    return out;
  }

  /**
   * The objects of one of the emulator's searches, without the firewall's automatic rows (the
   * anti-lockout rule), which have no UUID.
   */
  List<JsonNode> rows(String searchPath) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode row : emulatorApi("GET", searchPath, null).path("rows")) {
      if (row.path("uuid").asText().matches("^[0-9a-f]{8}-.*")) {
        out.add(row);
      }
    }
    return out;
  }

  /** A call to the emulator as an operator would make it (API or control API). */
  JsonNode emulatorApi(String method, String path, String body) throws Exception {
    String auth = Base64.getEncoder().encodeToString("key:secret".getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(emulator.url() + path))
            .header("Authorization", "Basic " + auth);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    HttpResponse<String> r =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      // an error's body has no rows: a check of "nothing there" must not pass on it
      throw new AssertionError(method + " " + path + ": HTTP " + r.statusCode() + " " + r.body());
    }
    return r.body().isBlank() ? Json.object() : Json.parse(r.body());
  }

  /**
   * The emulator's own record of a local user (its configuration, password hash included), or null:
   * what the firewall keeps, which no API answer shows.
   */
  JsonNode user(String name) {
    return find(emulator.state().path("pending"), name);
  }

  private static JsonNode find(JsonNode node, String name) {
    if (node.isObject() && name.equals(node.path("name").asText()) && node.has("password")) {
      return node;
    }
    for (JsonNode child : node) {
      JsonNode found = find(child, name);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** A server's own record of its part. */
  DeploymentState serverState(String db) {
    try (StateStore s = StateStores.open("sqlite:" + dir.resolve(db))) {
      return s.load(SUB).orElse(DeploymentState.empty(SUB));
    }
  }

  DeploymentState orchestratorState(String name) {
    try (StateStore s = StateStores.open("sqlite:" + dir.resolve("orch.db"))) {
      return s.load(name).orElse(DeploymentState.empty(name));
    }
  }

  @Override
  public void close() {
    if (firewall != null) {
      firewall.destroyForcibly();
    }
    emulator.close();
  }
}
