package io.mcpiac.mcp;

import io.mcpiac.engine.Engine;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.core.CoreProvider;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import io.mcpiac.mcp.McpClients.Session;
import io.mcpiac.mcp.server.HttpServer;
import io.mcpiac.mcp.server.HttpSettings;
import io.mcpiac.mcp.server.IacServer;
import io.mcpiac.mcp.server.ServerSettings;
import io.mcpiac.opnsense.OpnsenseProviderFactory;
import io.mcpiac.opnsense.emulator.OpnsenseEmulator;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * An emulated firewall (26.7, HTTPS), an MCP server with the core and OPNsense providers over
 * Streamable HTTP, and a connected SDK client: what tests of the network tools start with.
 */
final class FirewallServer implements AutoCloseable {
  final OpnsenseEmulator firewall;
  private final StateStore store;
  private final IacServer iac;
  private final HttpServer http;
  final Session session;

  /** The firewall's connection settings, for a second client of the same firewall. */
  final Map<String, String> env;

  FirewallServer(Path dir) throws Exception {
    firewall =
        OpnsenseEmulator.builder().version("26.7").port(0).bind("127.0.0.1").tls(true).build();
    firewall.start();
    store = StateStores.open("sqlite:" + dir.resolve("state.db"));
    Path ca = dir.resolve("ca.pem");
    Files.writeString(ca, firewall.caCertificatePem());
    env =
        Map.of(
            "OPNSENSE_URL", firewall.url(),
            "OPNSENSE_API_KEY", firewall.apiKey(),
            "OPNSENSE_API_SECRET", firewall.apiSecret(),
            "OPNSENSE_CA_FILE", ca.toString());
    ProviderRegistry registry = new ProviderRegistry().register("core", new CoreProvider());
    registry.register(
        "opnsense", new OpnsenseProviderFactory(env).create("opnsense", Json.object()));
    iac = new IacServer(new Engine(registry, store), new ServerSettings("mcp-iac", "test", false));
    http = HttpServer.start(iac, HttpSettings.loopback(0, null));
    session =
        McpClients.connect(
            HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + http.url().getPort())
                .endpoint(HttpSettings.ENDPOINT)
                .jsonMapper(IacServer.JSON)
                .build(),
            null);
  }

  @Override
  public void close() throws Exception {
    try (firewall;
        store;
        iac;
        http;
        session) {
      // closes all, last opened first
    }
  }
}
