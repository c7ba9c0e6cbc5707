package io.mcpiac.opnsense;

import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.PlannedChange;
import io.mcpiac.engine.providers.Risk;
import io.mcpiac.engine.providers.ScopedEntryPoints;
import io.mcpiac.engine.providers.kit.Failure;
import io.mcpiac.engine.providers.kit.KitProvider;
import io.mcpiac.opnsense.batches.Activator;
import io.mcpiac.opnsense.batches.BatchApplier;
import io.mcpiac.opnsense.client.ConnectionSettings;
import io.mcpiac.opnsense.client.OpnsenseClient;
import io.mcpiac.opnsense.guard.LockoutGuard;
import io.mcpiac.opnsense.guard.NetworkView;
import io.mcpiac.opnsense.handlers.FirewallFacts;
import io.mcpiac.opnsense.handlers.MappingHandler;
import io.mcpiac.opnsense.handlers.OpnsenseConnection;
import io.mcpiac.opnsense.handlers.OpnsenseSession;
import io.mcpiac.opnsense.resources.ResourceMappings;
import io.mcpiac.opnsense.resources.WriteFailure;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One OPNsense firewall: one {@link MappingHandler} per {@code opnsense:*} type on the engine's
 * provider kit. Creates choose their UUID beforehand and use the API's upsert ({@code
 * set…/{uuid}}); a batch writes everything and then activates each touched module once; live reads
 * are one search per collection; the lockout guard looks at every plan first. The connection is
 * opened on first use, so validating a deployment needs no firewall.
 */
public final class OpnsenseProvider extends KitProvider<OpnsenseSession> {
  public static final String NAME = "opnsense";

  private final OpnsenseConnection connection;
  private final int writeConcurrency;
  private ExecutorService writers;

  /** Timeouts and retries of the HTTP client. */
  public record ClientTuning(int timeoutSeconds, int attempts, long backoffMillis) {
    public static final ClientTuning DEFAULTS = new ClientTuning(120, 4, 200);
  }

  public OpnsenseProvider(ConnectionSettings settings, int writeConcurrency, ClientTuning tuning) {
    this(new OpnsenseConnection(settings, tuning), writeConcurrency);
  }

  private OpnsenseProvider(OpnsenseConnection connection, int writeConcurrency) {
    super(NAME, handlers(connection));
    this.connection = connection;
    this.writeConcurrency = Math.max(1, writeConcurrency);
  }

  private static List<MappingHandler> handlers(OpnsenseConnection connection) {
    FirewallFacts facts = new FirewallFacts(connection);
    return new ResourceMappings().all().stream().map(m -> new MappingHandler(m, facts)).toList();
  }

  public ConnectionSettings settings() {
    return connection.settings();
  }

  /** The client, connected on first use. */
  public OpnsenseClient client() {
    return connection.client();
  }

  @Override
  protected OpnsenseSession session() {
    return new OpnsenseSession(client());
  }

  /** A write the firewall refused (validation, an unknown reference) fails that change alone. */
  @Override
  protected Failure classify(RuntimeException e) {
    return e instanceof WriteFailure ? new Failure.OfChange(e.getMessage()) : Failure.ofChange(e);
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

  /** One authenticated GET: the address, the certificate and the key all have to be right. */
  @Override
  public void probe() {
    settings().requireComplete();
    client().versionWithoutRetries();
  }

  @Override
  public String endpoint() {
    return settings().url();
  }

  /** Everything written first, then each touched module activated once (see BatchApplier). */
  @Override
  public List<ChangeResult> apply(List<Change> batch) {
    return applier().apply(batch);
  }

  @Override
  public List<String> activationScopes(List<Change> batch) {
    return applier().activationScopes(batch);
  }

  private BatchApplier applier() {
    return new BatchApplier(client(), handlers(), writers(), writeConcurrency);
  }

  @Override
  public void activate(List<String> scopes) {
    new Activator(client()).activate(scopes);
  }

  @Override
  public List<Risk> preflight(List<PlannedChange> actions) {
    if (settings().url() == null) {
      return List.of();
    }
    return new LockoutGuard(NetworkView.of(settings().url())).check(actions);
  }

  /** The seed's network tools: plan and apply of {@code opnsense:*} resources alone. */
  public static final ScopedEntryPoints NETWORK_TOOLS =
      new ScopedEntryPoints(
          "planNetworkDeployment",
          "applyNetworkDeployment",
          "Plan network infrastructure changes",
          "Apply planned network changes",
          "VLANs, firewall rules, HAProxy, DNS…");

  @Override
  public List<ScopedEntryPoints> scopedEntryPoints() {
    return List.of(NETWORK_TOOLS);
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
