package io.mcpiac.cli.commands;

import io.mcpiac.cli.Providers;
import io.mcpiac.cli.StateOptions;
import io.mcpiac.cli.UsageException;
import io.mcpiac.cli.Version;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.providers.ProviderContext;
import io.mcpiac.engine.providers.ProviderFactory;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.core.CoreProvider;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.mcp.remote.ServerSpec;
import io.mcpiac.mcp.server.HttpServer;
import io.mcpiac.mcp.server.HttpSettings;
import io.mcpiac.mcp.server.IacServer;
import io.mcpiac.mcp.server.ServerSettings;
import io.mcpiac.mcp.server.StdioServer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mcp-iac serve}: the standard IaC tool set as an MCP server. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run an MCP server offering the standard IaC tools (planDeployment, applyDeployment, …) for"
          + " the chosen providers, over stdio (default) or Streamable HTTP.",
      "HTTP binds 127.0.0.1 unless told otherwise; bound elsewhere it requires the bearer token"
          + " in $MCP_IAC_TOKEN (honoured on loopback too when set)."
    })
public final class ServeCommand implements Callable<Integer> {
  enum Transport {
    stdio,
    http
  }

  @Option(
      names = "--transport",
      defaultValue = "stdio",
      description = "stdio or http (default: ${DEFAULT-VALUE}).")
  Transport transport;

  @Option(
      names = "--port",
      defaultValue = "8808",
      description = "HTTP port, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--bind",
      defaultValue = HttpSettings.DEFAULT_BIND,
      description = "HTTP address to bind (default: ${DEFAULT-VALUE}).")
  String bind;

  @Option(
      names = "--provider",
      split = ",",
      paramLabel = "NAME",
      description =
          "Providers to serve, repeatable or comma-separated: core, opnsense, docker, k8s"
              + " (or kubernetes), …, or all (every provider on the classpath). core is always"
              + " included. Default: all.")
  List<String> providers = new ArrayList<>();

  @Option(names = "--read-only", description = "Offer no tool that changes anything.")
  boolean readOnly;

  @Option(
      names = "--allow-origin",
      split = ",",
      paramLabel = "ORIGIN",
      description = "Browser origins allowed besides localhost, e.g. https://app.example:*")
  List<String> allowedOrigins = new ArrayList<>();

  @Option(
      names = "--allow-host",
      split = ",",
      paramLabel = "HOST",
      description = "Host headers allowed besides localhost and the bind address, e.g. iac.lan:*")
  List<String> allowedHosts = new ArrayList<>();

  @Mixin StateOptions state;

  @Option(
      names = "--orchestrator",
      description =
          "Serve as the orchestrator: one deployment across the provider MCP servers named by"
              + " --servers (needs --servers).")
  boolean orchestrator;

  @Mixin io.mcpiac.cli.ServersOptions servers;

  @Option(
      names = "--base-dir",
      paramLabel = "DIR",
      description =
          "Where relative paths in properties (a Docker build context) resolve, as the deployment"
              + " file's directory does without a server. Default: $"
              + ServerSpec.BASE_DIRECTORY_ENV
              + " (the orchestrator sets it for the servers it starts), else the working"
              + " directory.")
  Path baseDirectory;

  @Override
  public Integer call() throws Exception {
    // stdout belongs to the protocol under stdio: keep the real one, send everything else to stderr
    PrintStream protocolOut = System.out;
    System.setOut(System.err);
    StateStore store = state.openForServer();
    if (orchestrator != servers.orchestrating()) {
      throw new UsageException("--orchestrator and --servers FILE go together");
    }
    ProviderRegistry registry =
        orchestrator
            ? io.mcpiac.cli.Orchestrator.registry(servers.load())
            : registry(providers, new ProviderContext(null, baseDirectory()));
    IacServer iac =
        new IacServer(
            new Engine(registry, store),
            new ServerSettings("mcp-iac", Version.VERSION, readOnly),
            new io.mcpiac.policy.CelPolicyService());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  iac.close();
                  registry.close();
                  store.close();
                }));
    if (transport == Transport.stdio) {
      StdioServer server = StdioServer.start(iac, System.in, protocolOut);
      server.awaitEndOfSession();
      server.close();
      System.exit(0);
      return 0;
    }
    HttpServer server;
    try {
      server =
          HttpServer.start(
              iac,
              new HttpSettings(
                  bind,
                  port,
                  System.getenv(HttpSettings.TOKEN_VARIABLE),
                  allowedOrigins,
                  allowedHosts));
    } catch (Exception e) {
      System.err.println("error: cannot start the MCP server on " + bind + ":" + port + ": " + e);
      // MCP's threads are not daemons: without this the JVM would stay up doing nothing
      System.exit(1);
      return 1;
    }
    System.err.println(
        "mcp-iac MCP server ready at "
            + server.url()
            + (readOnly ? " (read-only)" : "")
            + " serving "
            + String.join(", ", registry.instances().keySet()));
    server.join();
    return 0;
  }

  /** --base-dir, else the variable the orchestrator sets, else the working directory. */
  private Path baseDirectory() {
    String fromEnv = System.getenv(ServerSpec.BASE_DIRECTORY_ENV);
    Path dir =
        baseDirectory != null
            ? baseDirectory
            : fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv) : Path.of("");
    return dir.toAbsolutePath().normalize();
  }

  static ProviderRegistry registry(List<String> names) {
    return registry(names, ProviderContext.workingDirectory());
  }

  static ProviderRegistry registry(List<String> names, ProviderContext context) {
    Map<String, ProviderFactory> factories = Providers.factories();
    Set<String> wanted = new LinkedHashSet<>();
    if (names.isEmpty() || names.contains("all")) {
      wanted.addAll(factories.keySet());
    }
    for (String given : names) {
      String n = io.mcpiac.engine.providers.InstalledProviders.canonicalInstance(given);
      if (n.equals("all") || n.equals(CoreProvider.NAME)) {
        continue;
      }
      if (!factories.containsKey(ProviderRegistry.baseName(n))) {
        throw new UsageException(
            "unknown provider '"
                + n
                + "'; available: core"
                + (factories.isEmpty() ? "" : ", " + String.join(", ", factories.keySet())));
      }
      wanted.add(n);
    }
    wanted.remove(CoreProvider.NAME);
    return Providers.registry(Map.of(), wanted, context);
  }
}
