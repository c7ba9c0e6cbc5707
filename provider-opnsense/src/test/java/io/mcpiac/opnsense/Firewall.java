package io.mcpiac.opnsense;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.DeploymentLoader;
import io.mcpiac.engine.config.DeploymentValidator;
import io.mcpiac.engine.execution.Cancellation;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.execution.ProgressListener;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.core.CoreProvider;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import io.mcpiac.opnsense.emulator.OpnsenseEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A sandbox firewall for tests: the OPNsense emulator over HTTPS with its CA in a temp file, the
 * environment a provider instance reads, the real engine on SQLite state, and the emulator's
 * control API (call counts, faults) plus direct API access for checks "from the GUI".
 */
final class Firewall implements AutoCloseable {
  final OpnsenseEmulator emulator;
  final Path caFile;
  final Map<String, String> env = new HashMap<>();
  private final HttpClient http;

  Firewall(String version, Path dir) throws Exception {
    emulator =
        OpnsenseEmulator.builder()
            .version(version)
            .port(0)
            .bind("127.0.0.1")
            .tls(true)
            .controlApi(true)
            .build()
            .start();
    caFile = dir.resolve("ca-" + version + "-" + System.nanoTime() + ".pem");
    Files.writeString(caFile, emulator.caCertificatePem());
    env.put("OPNSENSE_URL", emulator.url());
    env.put("OPNSENSE_API_KEY", emulator.apiKey());
    env.put("OPNSENSE_API_SECRET", emulator.apiSecret());
    env.put("OPNSENSE_CA_FILE", caFile.toString());
    http = HttpClient.newBuilder().sslContext(trust(caFile)).build();
  }

  /** Environment variables of an extra instance ({@code opnsense/branch}) pointing here. */
  Map<String, String> envFor(String prefix) {
    Map<String, String> out = new HashMap<>();
    env.forEach((k, v) -> out.put(k.replace("OPNSENSE_", prefix), v));
    return out;
  }

  static SSLContext trust(Path ca) throws Exception {
    KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
    ks.load(null, null);
    try (InputStream in = Files.newInputStream(ca)) {
      ks.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }

  ProviderRegistry registry() {
    return registry(env, Map.of());
  }

  static ProviderRegistry registry(Map<String, String> env, Map<String, ObjectNode> settings) {
    ProviderRegistry r = new ProviderRegistry();
    r.register(CoreProvider.NAME, new CoreProvider());
    OpnsenseProviderFactory f = new OpnsenseProviderFactory(env);
    r.register("opnsense", f.create("opnsense", fast(settings.get("opnsense"))));
    settings.forEach(
        (instance, s) -> {
          if (!instance.equals("opnsense")) {
            r.register(instance, f.create(instance, fast(s)));
          }
        });
    return r;
  }

  /** Short retry backoff: tests inject many faults and should not sleep long. */
  static ObjectNode fast(ObjectNode settings) {
    ObjectNode s = settings == null ? Json.object() : settings.deepCopy();
    if (!s.has("retryBackoffMs")) {
      s.put("retryBackoffMs", 20);
    }
    return s;
  }

  /** An engine with SQLite state in {@code dir}. */
  static Engine engine(ProviderRegistry registry, Path dir) {
    StateStore store =
        StateStores.open("sqlite:" + dir.resolve("state-" + System.nanoTime() + ".db"));
    return new Engine(registry, store);
  }

  static Deployment deployment(ProviderRegistry registry, String yaml) {
    Deployment d = DeploymentLoader.load(yaml, "<test>");
    return DeploymentValidator.requireValid(d, registry);
  }

  static ExecutionResult apply(Engine engine, Deployment d) {
    return apply(engine, d, ExecutionOptions.DEFAULTS);
  }

  static ExecutionResult apply(Engine engine, Deployment d, ExecutionOptions options) {
    Engine.Applied a =
        engine.planAndApply(d, options, p -> true, ProgressListener.NONE, new Cancellation());
    return a.result();
  }

  static Plan plan(Engine engine, Deployment d) {
    return engine.plan(d);
  }

  // ---- direct API access (what the GUI or another tool would do) ----

  JsonNode api(String method, String path, JsonNode body) {
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(emulator.url() + path))
              .header(
                  "Authorization",
                  "Basic "
                      + Base64.getEncoder()
                          .encodeToString(
                              (emulator.apiKey() + ":" + emulator.apiSecret())
                                  .getBytes(StandardCharsets.UTF_8)));
      if (method.equals("GET")) {
        b.GET();
      } else if (method.equals("DELETE")) {
        b.DELETE();
      } else if (body == null) {
        b.POST(HttpRequest.BodyPublishers.noBody());
      } else {
        b.header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
      }
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return r.body().isBlank() ? Json.object() : Json.parse(r.body());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every real (uuid-keyed) row of a search, like the GUI's grid. */
  List<JsonNode> rows(String searchPath) {
    ObjectNode body = Json.object();
    body.put("current", 1);
    body.put("rowCount", 9999);
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode row : api("POST", searchPath, body).path("rows")) {
      if (row.path("uuid").asText().matches("^[0-9a-f]{8}-.*")) {
        out.add(row);
      }
    }
    return out;
  }

  /** Filter rules of every interface (26.1 lists only floating rules without an interface). */
  List<JsonNode> rules() {
    Map<String, JsonNode> byUuid = new java.util.LinkedHashMap<>();
    for (String view : List.of("", "lan", "wan", "opt1", "opt2")) {
      ObjectNode body = Json.object();
      body.put("current", 1);
      body.put("rowCount", 9999);
      if (!view.isEmpty()) {
        body.put("interface", view);
      }
      for (JsonNode row : api("POST", "/api/firewall/filter/searchRule", body).path("rows")) {
        if (row.path("uuid").asText().matches("^[0-9a-f]{8}-.*")) {
          byUuid.putIfAbsent(row.path("uuid").asText(), row);
        }
      }
    }
    return new ArrayList<>(byUuid.values());
  }

  /** Calls made so far, by "METHOD /path". */
  Map<String, Long> calls() {
    Map<String, Long> out = new HashMap<>();
    api("GET", "/__emulator/calls", null)
        .path("calls")
        .fields()
        .forEachRemaining(e -> out.put(e.getKey(), e.getValue().asLong()));
    return out;
  }

  long calls(String methodAndPath) {
    return calls().getOrDefault(methodAndPath, 0L);
  }

  /** apply/reconfigure/configtest calls (the expensive ones). */
  long activations() {
    return calls().entrySet().stream()
        .filter(
            e ->
                e.getKey().endsWith("/apply")
                    || e.getKey().contains("/apply/")
                    || e.getKey().endsWith("/reconfigure"))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  void resetCalls() {
    api("DELETE", "/__emulator/calls", null);
  }

  void faults(String json) {
    api("POST", "/__emulator/faults", Json.parse(json));
  }

  void noFaults() {
    api("POST", "/__emulator/faults", Json.object());
  }

  @Override
  public void close() {
    emulator.close();
  }
}
