package io.mcpiac.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.cli.demo.Sandbox;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.DeploymentLoader;
import io.mcpiac.engine.config.DeploymentValidator;
import io.mcpiac.engine.execution.Cancellation;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.execution.ProgressListener;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlannedAction;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.core.CoreProvider;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import io.mcpiac.opnsense.OpnsenseProviderFactory;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * N mixed OPNsense resources (aliases, rules using them, VLANs, HAProxy servers → backends →
 * frontends, DNS overrides) applied to the emulator with injected latency (per call and per
 * apply/reconfigure), through the real engine, provider and HTTPS. Reports the wall time next to
 * the plan's critical path and the number of activation calls the firewall saw.
 */
public final class OpnsenseBenchmark {
  private OpnsenseBenchmark() {}

  /** What one run measured. */
  public record Report(
      int resources,
      int depth,
      long callLatencyMs,
      long applyLatencyMs,
      long criticalPathMs,
      long applyMs,
      long writes,
      long activations,
      Map<String, Long> activationCalls,
      long planMs,
      long destroyMs,
      long destroyActivations) {}

  public static String deployment(int n) {
    int aliases = Math.max(1, n * 4 / 100);
    int vlans = n * 6 / 100;
    int servers = Math.max(2, n * 10 / 100);
    int backends = Math.max(1, n * 5 / 100);
    int frontends = Math.max(1, n * 5 / 100);
    int dns = n * 10 / 100;
    int rules = Math.max(0, n - aliases - vlans - servers - backends - frontends - dns);
    StringBuilder s =
        new StringBuilder(
            "apiVersion: iac.mcp/v1\nkind: Deployment\nmetadata: {name: bench-opnsense}\n"
                + "spec:\n  resources:\n");
    for (int i = 0; i < aliases; i++) {
      s.append(
          "    - {type: opnsense:firewall:alias, name: net_%d, properties: {type: network, content: [\"10.%d.%d.0/24\"]}}\n"
              .formatted(i, 100 + i / 250, i % 250));
    }
    for (int i = 0; i < rules; i++) {
      s.append(
          ("    - {type: opnsense:firewall:rule, name: rule-%d, properties: {interface: lan,"
                  + " destination: \"${net_%d.name}\", port: %d}}\n")
              .formatted(i, i % aliases, 1024 + i));
    }
    for (int i = 0; i < vlans; i++) {
      s.append(
          "    - {type: opnsense:network:vlan, name: vlan-%d, properties: {tag: %d, interface: igb%d}}\n"
              .formatted(i, 100 + i, 2 + i % 2));
    }
    for (int i = 0; i < servers; i++) {
      s.append(
          "    - {type: opnsense:service:haproxy:server, name: srv-%d, properties: {address: 10.200.%d.%d, port: 8080}}\n"
              .formatted(i, i / 250, 1 + i % 250));
    }
    for (int i = 0; i < backends; i++) {
      s.append(
          ("    - {type: opnsense:service:haproxy:backend, name: pool-%d, properties: {servers:"
                  + " [\"${srv-%d.uuid}\", \"${srv-%d.uuid}\"]}}\n")
              .formatted(i, (2 * i) % servers, (2 * i + 1) % servers));
    }
    for (int i = 0; i < frontends; i++) {
      s.append(
          ("    - {type: opnsense:service:haproxy:frontend, name: fe-%d, properties: {bind:"
                  + " \"0.0.0.0:%d\", defaultBackend: \"${pool-%d.uuid}\"}}\n")
              .formatted(i, 10000 + i, i % backends));
    }
    for (int i = 0; i < dns; i++) {
      s.append(
          "    - {type: opnsense:service:dns:override, name: dns-%d, properties: {hostname: host%d, domain: bench.internal, address: 10.201.%d.%d}}\n"
              .formatted(i, i, i / 250, 1 + i % 250));
    }
    return s.toString();
  }

  public static Report run(int n, int parallelism, long callMs, long applyMs, Path dir)
      throws Exception {
    try (Sandbox fw = Sandbox.start("26.7");
        StateStore store = StateStores.open("sqlite:" + dir.resolve("bench-opnsense.db"));
        ProviderRegistry registry = new ProviderRegistry()) {
      registry.register(CoreProvider.NAME, new CoreProvider());
      registry.register(
          "opnsense",
          new OpnsenseProviderFactory(fw.env("OPNSENSE_")).create("opnsense", Json.object()));
      Control control = new Control(fw);
      Deployment d =
          DeploymentValidator.requireValid(
              DeploymentLoader.load(deployment(n), "<bench>"), registry);
      Engine engine = new Engine(registry, store);
      ExecutionOptions options = new ExecutionOptions(parallelism, false, true);

      Plan plan = engine.plan(d);
      int depth = depth(plan);
      control.post(
          "/__emulator/faults",
          "{\"latencyMs\":" + callMs + ",\"applyLatencyMs\":" + applyMs + "}");
      control.delete("/__emulator/calls");
      long t0 = System.nanoTime();
      Engine.Applied applied =
          engine.run(plan, options, p -> true, ProgressListener.NONE, new Cancellation());
      long apply = (System.nanoTime() - t0) / 1_000_000;
      if (!applied.result().success()) {
        throw new IllegalStateException("bench apply failed: " + applied.result().error());
      }
      Map<String, Long> calls = control.calls();
      long writes = count(calls, "/set", "/del");
      Map<String, Long> activationCalls = activations(calls);
      long activations = activationCalls.values().stream().mapToLong(Long::longValue).sum();

      t0 = System.nanoTime();
      Plan noop = engine.plan(d);
      long planMs = (System.nanoTime() - t0) / 1_000_000;
      if (noop.hasChanges()) {
        throw new IllegalStateException("bench: the plan after apply has changes");
      }
      control.delete("/__emulator/calls");
      t0 = System.nanoTime();
      Engine.Applied destroyed =
          engine.destroy(
              "bench-opnsense", options, p -> true, ProgressListener.NONE, new Cancellation());
      long destroyMs = (System.nanoTime() - t0) / 1_000_000;
      if (!destroyed.result().success()) {
        throw new IllegalStateException("bench destroy failed: " + destroyed.result().error());
      }
      long destroyActivations =
          activations(control.calls()).values().stream().mapToLong(Long::longValue).sum();
      control.post("/__emulator/faults", "{}");
      // the critical path: one write per level of the longest dependency chain, then one
      // activation (an apply/reconfigure call) of what the last write changed
      long critical = depth * callMs + callMs + applyMs;
      return new Report(
          plan.actions().size(),
          depth,
          callMs,
          applyMs,
          critical,
          apply,
          writes,
          activations,
          activationCalls,
          planMs,
          destroyMs,
          destroyActivations);
    }
  }

  /** The number of actions on the longest dependency chain of the plan. */
  static int depth(Plan plan) {
    Map<String, Integer> memo = new HashMap<>();
    Map<String, PlannedAction> byName = new HashMap<>();
    plan.actions().forEach(a -> byName.put(a.name(), a));
    int max = 0;
    for (PlannedAction a : plan.actions()) {
      max = Math.max(max, depth(a.name(), byName, memo));
    }
    return max;
  }

  private static int depth(
      String name, Map<String, PlannedAction> byName, Map<String, Integer> memo) {
    Integer known = memo.get(name);
    if (known != null) {
      return known;
    }
    int d = 1;
    PlannedAction a = byName.get(name);
    if (a != null) {
      for (String dep : a.dependencies()) {
        if (byName.containsKey(dep)) {
          d = Math.max(d, 1 + depth(dep, byName, memo));
        }
      }
    }
    memo.put(name, d);
    return d;
  }

  private static long count(Map<String, Long> calls, String... fragments) {
    long c = 0;
    for (Map.Entry<String, Long> e : calls.entrySet()) {
      for (String f : fragments) {
        if (e.getKey().contains(f)) {
          c += e.getValue();
          break;
        }
      }
    }
    return c;
  }

  private static Map<String, Long> activations(Map<String, Long> calls) {
    Map<String, Long> out = new java.util.TreeMap<>();
    calls.forEach(
        (k, v) -> {
          if (k.endsWith("/reconfigure") || k.endsWith("/apply") || k.contains("/apply/")) {
            out.put(k.replace("POST ", ""), v);
          }
        });
    return out;
  }

  /** The emulator's control API over HTTPS. */
  private static final class Control {
    private final HttpClient http;
    private final String url;

    Control(Sandbox fw) throws Exception {
      KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
      ks.load(null, null);
      try (InputStream in = Files.newInputStream(fw.caFile())) {
        ks.setCertificateEntry(
            "ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      http = HttpClient.newBuilder().sslContext(ctx).build();
      url = fw.emulator().url();
    }

    JsonNode post(String path, String body) throws Exception {
      return send(
          HttpRequest.newBuilder(URI.create(url + path))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    JsonNode delete(String path) throws Exception {
      return send(HttpRequest.newBuilder(URI.create(url + path)).DELETE());
    }

    Map<String, Long> calls() throws Exception {
      Map<String, Long> out = new HashMap<>();
      JsonNode n = send(HttpRequest.newBuilder(URI.create(url + "/__emulator/calls")).GET());
      n.path("calls").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asLong()));
      return out;
    }

    private JsonNode send(HttpRequest.Builder b) throws Exception {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      ObjectNode empty = Json.object();
      return r.body().isBlank() ? empty : Json.parse(r.body());
    }
  }
}
