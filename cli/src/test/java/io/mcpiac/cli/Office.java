package io.mcpiac.cli;

import io.mcpiac.cli.demo.Sandbox;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.core.CoreProvider;
import io.mcpiac.opnsense.OpnsenseProviderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The fixture the CLI's firewall tests share: a sandboxed emulator of one OPNsense version, the
 * {@code office} deployment file, a state file and the provider registry, in the test's directory.
 */
final class Office implements AutoCloseable {
  /** Everything of the {@code office} deployment but its resources. */
  static final String HEADER =
      "apiVersion: iac.mcp/v1\nkind: Deployment\nmetadata: {name: office}\nspec:\n  resources:\n";

  private final Sandbox firewall;
  private final Path dir;

  private Office(Sandbox firewall, Path dir) {
    this.firewall = firewall;
    this.dir = dir;
  }

  static Office start(Path dir, String version) throws IOException {
    return new Office(Sandbox.start(version), dir);
  }

  Sandbox firewall() {
    return firewall;
  }

  /**
   * Writes {@code office.yaml}: {@link #HEADER} and {@code resources} (list items, 4 spaces in).
   */
  Path file(String resources) throws IOException {
    Path file = dir.resolve("office.yaml");
    Files.writeString(file, HEADER + resources);
    return file;
  }

  /** The state location {@code NAME.db} in the test's directory. */
  String state(String name) {
    return "sqlite:" + dir.resolve(name + ".db");
  }

  String state() {
    return state("state");
  }

  /** The connection environment: OPNSENSE_URL, _API_KEY, _API_SECRET, _CA_FILE. */
  Map<String, String> env() {
    return firewall.env("OPNSENSE_");
  }

  /** As {@link #env()}, with a wrong API secret. */
  Map<String, String> wrongSecret() {
    Map<String, String> wrong = new HashMap<>(env());
    wrong.put("OPNSENSE_API_SECRET", "wrong");
    return wrong;
  }

  /** The core and OPNsense providers, the latter connected to this firewall. */
  ProviderRegistry registry() {
    return registry(firewall);
  }

  static ProviderRegistry registry(Sandbox firewall) {
    return new ProviderRegistry()
        .register(CoreProvider.NAME, new CoreProvider())
        .register(
            "opnsense",
            new OpnsenseProviderFactory(firewall.env("OPNSENSE_"))
                .create("opnsense", Json.object()));
  }

  @Override
  public void close() {
    firewall.close();
  }
}
