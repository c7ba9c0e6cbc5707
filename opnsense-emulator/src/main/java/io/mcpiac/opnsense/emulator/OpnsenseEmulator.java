package io.mcpiac.opnsense.emulator;

import io.mcpiac.opnsense.emulator.api.ApiKeys;
import io.mcpiac.opnsense.emulator.api.ApiUser;
import io.mcpiac.opnsense.emulator.api.EmulatorCore;
import io.mcpiac.opnsense.emulator.api.HttpFront;
import io.mcpiac.opnsense.emulator.config.Config;
import io.mcpiac.opnsense.emulator.config.ConfigStore;
import io.mcpiac.opnsense.emulator.config.Subsystem;
import io.mcpiac.opnsense.emulator.control.CallCounter;
import io.mcpiac.opnsense.emulator.control.ControlApi;
import io.mcpiac.opnsense.emulator.control.Faults;
import io.mcpiac.opnsense.emulator.model.SystemEnvironment;
import io.mcpiac.opnsense.emulator.persistence.ConfigFile;
import io.mcpiac.opnsense.emulator.persistence.ConfigXml;
import io.mcpiac.opnsense.emulator.resources.ApiRoutes;
import io.mcpiac.opnsense.emulator.resources.SavepointTimer;
import io.mcpiac.opnsense.emulator.tls.TlsMaterial;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * An OPNsense API server that behaves like a real firewall's (contract {@code
 * shared/opnsense-api/OPNSENSE_API.md}), for the {@code mcp-iac demo} sandbox, users' CI and our
 * tests. Build with {@link #builder()}, {@link #start()}, {@link #close()}.
 */
public final class OpnsenseEmulator implements AutoCloseable {
  private final Builder settings;
  private final ApiKeys keys = new ApiKeys();
  private final CallCounter calls = new CallCounter();
  private final Faults faults = new Faults();
  private String apiKey;
  private String apiSecret;
  private TlsMaterial tls;
  private Server server;
  private SavepointTimer timer;
  private ConfigStore store;
  private String url;
  private org.w3c.dom.Document original;

  private OpnsenseEmulator(Builder b) {
    this.settings = b;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Settings of an emulator; defaults: 26.7, port 0, 127.0.0.1, TLS, in memory, control API. */
  public static final class Builder {
    private VersionProfile version = VersionProfile.V26_7;
    private int port = 0;
    private String bind = "127.0.0.1";
    private boolean tls = true;
    private String apiKey;
    private String apiSecret;
    private Path dataDir;
    private boolean controlApi = true;
    private byte[] configXml;

    public Builder version(String v) {
      this.version = VersionProfile.of(v);
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder bind(String bind) {
      this.bind = bind;
      return this;
    }

    public Builder tls(boolean tls) {
      this.tls = tls;
      return this;
    }

    public Builder apiKey(String key) {
      this.apiKey = key;
      return this;
    }

    public Builder apiSecret(String secret) {
      this.apiSecret = secret;
      return this;
    }

    public Builder dataDir(Path dir) {
      this.dataDir = dir;
      return this;
    }

    /**
     * Starts from a real OPNsense configuration backup (config.xml): the served models' objects
     * become live objects, everything else is kept for {@code GET /__emulator/config.xml}. It
     * replaces what a data directory held.
     */
    public Builder configXml(byte[] xml) {
      this.configXml = xml;
      return this;
    }

    public Builder controlApi(boolean on) {
      this.controlApi = on;
      return this;
    }

    public OpnsenseEmulator build() {
      if ((apiKey == null) != (apiSecret == null)) {
        throw new IllegalArgumentException("give both an API key and an API secret, or neither");
      }
      return new OpnsenseEmulator(this);
    }
  }

  /** Starts listening; returns this for chaining. */
  public OpnsenseEmulator start() {
    apiKey = settings.apiKey != null ? settings.apiKey : ApiKeys.generate();
    apiSecret = settings.apiSecret != null ? settings.apiSecret : ApiKeys.generate();
    keys.add(ApiUser.admin(apiKey, apiSecret));

    Config initial = Config.empty();
    SystemEnvironment.seed(initial);
    ConfigFile file =
        settings.dataDir == null ? null : new ConfigFile(settings.dataDir, ConfigStore.RETENTION);
    store = new ConfigStore(initial, file);
    if (settings.configXml != null) {
      original = ConfigXml.parse(settings.configXml);
      store.replace(
          c -> {
            ConfigXml.load(original, c);
            SystemEnvironment.seed(c);
            return c;
          },
          "(system)",
          "config.xml loaded");
      // a backup describes a running firewall: everything in it is applied
      for (Subsystem sub : Subsystem.values()) {
        store.apply(sub);
      }
    } else {
      original = ConfigXml.parse(ConfigXml.SAMPLE);
    }
    keys.setConfigLookup(key -> store.read(config -> ApiRoutes.configuredKey(config, key)));
    EmulatorCore core = new EmulatorCore(store, settings.version, faults);
    timer = new SavepointTimer(core);
    ApiRoutes routes = new ApiRoutes(core, timer);
    ControlApi control =
        settings.controlApi
            ? new ControlApi(calls, faults, store, timer, keys, this::configXml)
            : null;
    HttpFront front = new HttpFront(routes.build(), keys, calls, faults, control);

    QueuedThreadPool pool = new QueuedThreadPool(200, 4);
    pool.setName("opnsense-emulator");
    pool.setDaemon(true);
    server = new Server(pool);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    ServerConnector connector;
    if (settings.tls) {
      tls =
          settings.dataDir == null
              ? TlsMaterial.generate(List.of(settings.bind))
              : TlsMaterial.persistent(settings.dataDir.resolve("tls"), List.of(settings.bind));
      SecureRequestCustomizer src = new SecureRequestCustomizer();
      src.setSniHostCheck(false);
      http.addCustomizer(src);
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      char[] pw = "emulator".toCharArray();
      ssl.setKeyStore(tls.serverKeyStore(pw));
      ssl.setKeyStorePassword("emulator");
      connector =
          new ServerConnector(
              server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
    } else {
      connector = new ServerConnector(server, new HttpConnectionFactory(http));
    }
    connector.setHost(settings.bind);
    connector.setPort(settings.port);
    server.addConnector(connector);
    server.setHandler(front);
    try {
      server.start();
    } catch (Exception e) {
      close();
      throw new IllegalStateException(
          "cannot start the OPNsense emulator on " + settings.bind + ":" + settings.port, e);
    }
    String host =
        settings.bind.equals("0.0.0.0")
            ? "127.0.0.1"
            : settings.bind.equals("::") ? "::1" : settings.bind;
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    url = (settings.tls ? "https://" : "http://") + host + ":" + connector.getLocalPort();
    return this;
  }

  /**
   * The current configuration as OPNsense's config.xml: the loaded backup (or OPNsense's sample
   * configuration) with the current objects merged in.
   */
  public String configXml() {
    return store.read(c -> ConfigXml.export(original, c));
  }

  /** Base URL without trailing slash, e.g. {@code https://127.0.0.1:43123}. */
  public String url() {
    return url;
  }

  public String apiKey() {
    return apiKey;
  }

  public String apiSecret() {
    return apiSecret;
  }

  /** PEM of the CA that signed the server certificate (null without TLS). */
  public String caCertificatePem() {
    return tls == null ? null : tls.caCertificatePem();
  }

  /** The version served, as its firmware reports it ({@code 26.1.6}, {@code 26.7.2}, …). */
  public String version() {
    return settings.version.productVersion();
  }

  /**
   * Adds an API key; {@code pages} are ACL patterns like {@code /api/firewall/alias/*} or {@code
   * page-all}.
   */
  public void addApiKey(String key, String secret, List<String> pages, boolean readOnly) {
    keys.add(new ApiUser("apiuser", key, secret, pages, readOnly));
  }

  /** Shortens the 26.1 savepoint rollback timer (60 s on a real firewall). */
  public void setRollbackTimeout(Duration timeout) {
    timer.setTimeout(timeout);
  }

  public CallCounter calls() {
    return calls;
  }

  public Faults faults() {
    return faults;
  }

  /** Pending and applied configuration, as {@code GET /__emulator/state} shows it. */
  public com.fasterxml.jackson.databind.node.ObjectNode state() {
    return store.state();
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.close();
    }
    if (server != null) {
      try {
        server.stop();
      } catch (Exception e) {
        throw new IllegalStateException("cannot stop the OPNsense emulator", e);
      }
    }
  }
}
