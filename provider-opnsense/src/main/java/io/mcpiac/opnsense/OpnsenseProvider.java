package io.mcpiac.opnsense;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.SchemaDefaults;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.PlannedChange;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.providers.Risk;
import io.mcpiac.engine.providers.kit.Props;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.resources.Values;
import io.mcpiac.opnsense.batches.Activator;
import io.mcpiac.opnsense.batches.BatchApplier;
import io.mcpiac.opnsense.client.ConnectionSettings;
import io.mcpiac.opnsense.client.FirewallVersion;
import io.mcpiac.opnsense.client.OpnsenseClient;
import io.mcpiac.opnsense.guard.LockoutGuard;
import io.mcpiac.opnsense.guard.NetworkView;
import io.mcpiac.opnsense.resources.Endpoint;
import io.mcpiac.opnsense.resources.Lookups;
import io.mcpiac.opnsense.resources.OptionChoices;
import io.mcpiac.opnsense.resources.PlanChecks;
import io.mcpiac.opnsense.resources.Reader;
import io.mcpiac.opnsense.resources.ResourceMapping;
import io.mcpiac.opnsense.resources.ResourceMappings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One OPNsense firewall. Creates choose their UUID beforehand and use the API's upsert ({@code
 * set…/{uuid}}); a batch writes everything and then activates each touched module once; live reads
 * are one search per collection; the lockout guard looks at every plan first. The connection is
 * opened on first use, so validating a deployment needs no firewall.
 */
public final class OpnsenseProvider implements Provider {
  public static final String NAME = "opnsense";

  private final ConnectionSettings settings;
  private final ResourceMappings mappings = new ResourceMappings();
  private final int writeConcurrency;
  private final ClientTuning tuning;
  private OpnsenseClient client;
  private ExecutorService writers;
  private FirewallVersion knownVersion;
  private boolean versionTried;
  private OptionChoices choices;

  /** Timeouts and retries of the HTTP client. */
  public record ClientTuning(int timeoutSeconds, int attempts, long backoffMillis) {
    public static final ClientTuning DEFAULTS = new ClientTuning(120, 4, 200);
  }

  public OpnsenseProvider(ConnectionSettings settings, int writeConcurrency, ClientTuning tuning) {
    this.settings = settings;
    this.writeConcurrency = Math.max(1, writeConcurrency);
    this.tuning = tuning;
  }

  public ConnectionSettings settings() {
    return settings;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<ResourceType> resourceTypes() {
    List<ResourceType> out = new ArrayList<>();
    mappings.all().forEach(m -> out.add(m.type()));
    return out;
  }

  /** The client, connected on first use. */
  public synchronized OpnsenseClient client() {
    if (client == null) {
      client =
          new OpnsenseClient(
              settings,
              java.time.Duration.ofSeconds(tuning.timeoutSeconds()),
              tuning.attempts(),
              tuning.backoffMillis());
    }
    return client;
  }

  private synchronized ExecutorService writers() {
    if (writers == null) {
      writers =
          Executors.newFixedThreadPool(
              writeConcurrency,
              r -> {
                Thread t = new Thread(r, "opnsense-write");
                t.setDaemon(true);
                return t;
              });
    }
    return writers;
  }

  /** The firewall version when it can be asked (configured and reachable); asked once. */
  private synchronized FirewallVersion versionIfReachable() {
    if (!versionTried) {
      versionTried = true;
      if (settings.complete()) {
        try {
          knownVersion = client().versionWithoutRetries();
        } catch (RuntimeException e) {
          knownVersion = null;
        }
      }
    }
    return knownVersion;
  }

  @Override
  public Map<String, ObjectNode> arrange(
      ResourceType type, List<io.mcpiac.engine.providers.Placement> resources) {
    return mappings.get(type.name()).arrange(resources);
  }

  /** One authenticated GET: the address, the certificate and the key all have to be right. */
  @Override
  public void probe() {
    settings.requireComplete();
    client().versionWithoutRetries();
  }

  @Override
  public String endpoint() {
    return settings.url();
  }

  @Override
  public Map<String, String> validate(ResourceType type, String name, ObjectNode properties) {
    ResourceMapping m = mappings.get(type.name());
    FirewallVersion v =
        type.name().equals("opnsense:network:interface")
                || type.name().equals("opnsense:firewall:nat")
            ? versionIfReachable()
            : knownVersion;
    Map<String, String> out = new LinkedHashMap<>(m.validate(properties, v));
    m.nativeOverrides(properties).forEach(out::putIfAbsent);
    // where the firewall answers, option values are checked against what it really offers
    if (versionIfReachable() != null) {
      m.checkOptions(properties, choices().of(m.endpointFor(properties))).forEach(out::putIfAbsent);
    }
    PlanChecks.errors(type.name(), name, properties, usersIfReachable(type))
        .forEach(out::putIfAbsent);
    return out;
  }

  @Override
  public List<String> warnings(ResourceType type, String name, ObjectNode properties) {
    return PlanChecks.warnings(type.name(), properties);
  }

  private java.util.function.Predicate<String> knownUsers;

  /** The firewall's users when it answers (for the password-on-create check), else null. */
  private synchronized java.util.function.Predicate<String> usersIfReachable(ResourceType type) {
    if (!type.name().equals("opnsense:security:user") || versionIfReachable() == null) {
      return null;
    }
    if (knownUsers == null) {
      try {
        knownUsers = PlanChecks.usersOn(new Lookups(client()));
      } catch (RuntimeException e) {
        return null;
      }
    }
    return knownUsers;
  }

  private synchronized OptionChoices choices() {
    if (choices == null) {
      choices = new OptionChoices(client());
    }
    return choices;
  }

  @Override
  public Map<String, LiveResource> read(ResourceType type, List<ReadRequest> requests) {
    ResourceMapping m = mappings.get(type.name());
    OpnsenseClient c = client();
    Lookups lookups = new Lookups(c);
    Reader reader = new Reader(lookups, c.version());
    Map<Endpoint, List<Map<String, String>>> rows = new HashMap<>();
    Map<String, LiveResource> out = new LinkedHashMap<>();
    for (ReadRequest r : requests) {
      ObjectNode recorded = r.properties() == null ? Json.object() : r.properties();
      Endpoint ep = m.endpointFor(recorded);
      List<Map<String, String>> epRows = rows.computeIfAbsent(ep, reader::rows);
      Map<String, String> row = m.match(r.id(), recorded, epRows);
      if (row == null && reader.searchMayHide(ep) && r.id() != null) {
        row = reader.getOne(ep, r.id());
      }
      if (row == null) {
        continue;
      }
      String id = row.getOrDefault("uuid", r.id());
      ObjectNode live = shaped(m, m.toProperties(ep, row, lookups), recorded, row, lookups);
      out.put(
          r.name(), new LiveResource(r.name(), id, live, m.outputs(r.name(), id, row, recorded)));
    }
    return out;
  }

  /** The live properties in the shape the user wrote them, plus the native fields they set. */
  private static ObjectNode shaped(
      ResourceMapping m,
      ObjectNode live,
      ObjectNode recorded,
      Map<String, String> row,
      Lookups lookups) {
    for (String secret : m.type().secretProperties()) {
      live.remove(secret);
    }
    ObjectNode out = Json.object();
    // a property the file left out is compared with its default: shaped like the default
    Map<String, JsonNode> defaults = SchemaDefaults.of(m.type()).all();
    for (Iterator<Map.Entry<String, JsonNode>> it = live.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode rec = recorded.has(e.getKey()) ? recorded.get(e.getKey()) : defaults.get(e.getKey());
      JsonNode v =
          rec == null || Values.isSensitive(rec) || Values.containsUnknown(rec)
              ? e.getValue()
              : m.shape(e.getKey(), rec, e.getValue(), recorded, lookups);
      out.set(e.getKey(), v);
    }
    JsonNode nat = recorded.get(ResourceMapping.NATIVE);
    if (nat != null && nat.isObject()) {
      ObjectNode liveNative = Json.object();
      nat.fieldNames()
          .forEachRemaining(
              k -> {
                String v = row.get(k);
                if (m.type().secretProperties().contains(ResourceMapping.NATIVE + "." + k)) {
                  // a secret is never read back (OPNsense hides some, and none may reach a
                  // plan): what was recorded stands, like a top-level secret property
                  liveNative.set(k, nat.get(k));
                } else if (v != null) {
                  JsonNode recValue = nat.get(k);
                  JsonNode liveValue =
                      recValue.isBoolean()
                          ? Json.MAPPER.getNodeFactory().booleanNode("1".equals(v))
                          : Props.like(recValue, Json.MAPPER.getNodeFactory().textNode(v));
                  liveNative.set(k, liveValue);
                }
              });
      out.set(ResourceMapping.NATIVE, liveNative);
    }
    return out;
  }

  @Override
  public List<LiveResource> importAll(ResourceType type) {
    ResourceMapping m = mappings.get(type.name());
    OpnsenseClient c = client();
    Lookups lookups = new Lookups(c);
    Reader reader = new Reader(lookups, c.version());
    List<LiveResource> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Endpoint ep : m.endpoints()) {
      List<Map<String, String>> rows;
      try {
        rows = reader.rows(ep);
      } catch (io.mcpiac.opnsense.client.OpnsenseApiException e) {
        if (e.status() == 404 || e.status() == 400) {
          continue; // this firewall has no such collection (version, plugin)
        }
        throw e;
      }
      for (Map<String, String> row : rows) {
        if (!m.isManageable(row)) {
          continue;
        }
        ObjectNode all = m.toProperties(ep, row, lookups);
        for (String secret : m.type().secretProperties()) {
          all.remove(secret);
        }
        ObjectNode props = Json.object();
        all.fields()
            .forEachRemaining(
                e -> {
                  JsonNode v = e.getValue();
                  boolean empty =
                      v.isTextual() && v.asText().isEmpty() || v.isArray() && v.isEmpty();
                  if (!empty && !m.isDefault(e.getKey(), v)) {
                    props.set(e.getKey(), v);
                  }
                });
        String base = resourceName(m.importName(row));
        String name = base;
        for (int i = 2; !names.add(name); i++) {
          name = base + "-" + i;
        }
        String id = row.get("uuid");
        out.add(new LiveResource(name, id, props, m.outputs(name, id, row, props)));
      }
    }
    return out;
  }

  /** A valid resource name: letters, digits, - and _, starting with a letter or digit. */
  static String resourceName(String raw) {
    String s = raw.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-");
    s = s.replaceAll("^[^a-z0-9]+", "").replaceAll("-+$", "");
    return s.isEmpty() ? "object" : s.length() > 60 ? s.substring(0, 60) : s;
  }

  @Override
  public ObjectNode plannedOutputs(ResourceType type, ObjectNode desired, ObjectNode prior) {
    ObjectNode out = prior == null ? Json.object() : prior.deepCopy();
    ResourceMapping m = mappings.get(type.name());
    ObjectNode computed = m.outputs("", prior == null ? null : text(prior, "uuid"), null, desired);
    for (String key : List.of("name", "fqdn")) {
      JsonNode v = computed.get(key);
      if (v != null && desired.has(key.equals("fqdn") ? "domain" : "name")) {
        out.set(key, v);
      }
    }
    return out;
  }

  private static String text(ObjectNode o, String key) {
    JsonNode n = o.get(key);
    return n == null ? null : n.asText();
  }

  @Override
  public List<ChangeResult> apply(List<Change> batch) {
    return new BatchApplier(client(), mappings, writers(), writeConcurrency).apply(batch);
  }

  @Override
  public List<String> activationScopes(List<Change> batch) {
    return new BatchApplier(client(), mappings, writers(), writeConcurrency)
        .activationScopes(batch);
  }

  @Override
  public void activate(List<String> scopes) {
    new Activator(client()).activate(scopes);
  }

  @Override
  public List<Risk> preflight(List<PlannedChange> actions) {
    if (settings.url() == null) {
      return List.of();
    }
    return new LockoutGuard(NetworkView.of(settings.url())).check(actions);
  }

  /** One batch at a time: OPNsense serialises config writes, and keeps one rollback timer. */
  @Override
  public int maxParallelism() {
    return 1;
  }

  @Override
  public int maxBatchSize() {
    return 500;
  }

  @Override
  public synchronized void close() {
    if (writers != null) {
      writers.shutdownNow();
    }
  }
}
