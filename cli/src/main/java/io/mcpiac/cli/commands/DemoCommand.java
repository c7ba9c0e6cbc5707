package io.mcpiac.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.cli.ExitCodes;
import io.mcpiac.cli.OutputOptions;
import io.mcpiac.cli.UsageException;
import io.mcpiac.cli.demo.Sandbox;
import io.mcpiac.cli.output.PlanProgress;
import io.mcpiac.cli.output.ResultPrinter;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.DeploymentLoader;
import io.mcpiac.engine.config.DeploymentValidator;
import io.mcpiac.engine.config.ResourceConfig;
import io.mcpiac.engine.execution.Cancellation;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlanRenderer;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.core.CoreProvider;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import io.mcpiac.opnsense.OpnsenseProviderFactory;
import io.mcpiac.opnsense.client.ConnectionSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mcp-iac demo}: the main job on a sandbox. Starts the OPNsense emulator in this process
 * (HTTPS, its CA trusted through a temporary file), applies {@code examples/opnsense-web.yaml} with
 * plan, live progress and result, plans again to show nothing is left to do, and says how to do the
 * same against a real firewall and from an AI client.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Try mcp-iac on a sandbox firewall: starts the OPNsense emulator, applies"
          + " examples/opnsense-web.yaml (VLAN, aliases, rules, HAProxy, DNS, DHCP), shows the"
          + " plan, live progress and the result, then a second plan with no changes."
    })
public final class DemoCommand implements Callable<Integer> {
  static final String BUNDLED = "/io/mcpiac/cli/examples/opnsense-web.yaml";

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description = "Deployment to apply (default: examples/opnsense-web.yaml).")
  Path file;

  @Option(
      names = "--state",
      paramLabel = "LOCATION",
      description = "State location (default: a temporary SQLite file, removed afterwards).")
  String state;

  @Option(
      names = "--firewall-version",
      defaultValue = "26.7",
      paramLabel = "V",
      description = "OPNsense API the sandbox imitates: 26.1 or 26.7 (default: ${DEFAULT-VALUE}).")
  String version;

  @Option(
      names = "--keep-running",
      description = "Keep the sandbox firewall running afterwards, until Ctrl-C.")
  boolean keepRunning;

  @Mixin OutputOptions output;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    String source = file != null ? file.toString() : "examples/opnsense-web.yaml";
    Deployment deployment = load();
    Set<String> instances = new LinkedHashSet<>();
    for (ResourceConfig r : deployment.resources()) {
      if (r.type().startsWith("opnsense:")) {
        instances.add(r.providerInstance());
      }
    }
    if (instances.isEmpty()) {
      instances.add("opnsense");
    }
    Path tempState = null;
    String location = state;
    if (location == null) {
      tempState = Files.createTempDirectory("mcp-iac-demo-");
      location = "sqlite:" + tempState.resolve("state.db");
    }
    List<Sandbox> sandboxes = new ArrayList<>();
    try {
      Map<String, String> env = new HashMap<>();
      for (String instance : instances) {
        Sandbox s = Sandbox.start(version);
        sandboxes.add(s);
        env.putAll(s.env(ConnectionSettings.envPrefix(instance)));
        out.println(
            "Sandbox firewall "
                + instance
                + ": the OPNsense emulator (OPNsense "
                + s.emulator().version()
                + " API) at "
                + s.emulator().url());
      }
      out.println("Deployment: " + source + " (" + deployment.resources().size() + " resources)");
      out.println("State:      " + location + (state == null ? " (temporary)" : ""));
      out.println();
      out.flush();
      int code = run(deployment, instances, env, location, out);
      out.println();
      nextSteps(out, source);
      out.flush();
      if (keepRunning && code == ExitCodes.OK) {
        out.println();
        out.println("The sandbox keeps running; press Ctrl-C to stop it.");
        out.flush();
        new java.util.concurrent.CountDownLatch(1).await();
      }
      return code;
    } finally {
      for (Sandbox s : sandboxes) {
        s.close();
      }
      if (tempState != null) {
        deleteTree(tempState);
      }
    }
  }

  private int run(
      Deployment deployment,
      Set<String> instances,
      Map<String, String> env,
      String location,
      PrintWriter out) {
    OpnsenseProviderFactory factory = new OpnsenseProviderFactory(env);
    try (StateStore store = StateStores.open(location);
        ProviderRegistry registry = new ProviderRegistry()) {
      registry.register(CoreProvider.NAME, new CoreProvider());
      for (String instance : instances) {
        ObjectNode settings =
            deployment.providers().getOrDefault(instance, Json.object()).deepCopy();
        // the sandbox stands in for whatever firewall the file names
        settings.remove("url");
        settings.remove("caFile");
        settings.remove("insecure");
        registry.register(instance, factory.create(instance, settings));
      }
      DeploymentValidator.requireValid(deployment, registry);
      Engine engine = new Engine(registry, store);
      out.println("== Plan and apply ==");
      PlanProgress progress = new PlanProgress(out, output.json(), output.colour());
      Engine.Applied applied =
          engine.planAndApply(
              deployment,
              ExecutionOptions.DEFAULTS,
              progress.remembering(Approval.of(true, output.json(), output.colour(), out)),
              progress,
              new Cancellation());
      if (applied.applied()) {
        ResultPrinter.print(applied.result(), out);
        if (!applied.result().success()) {
          return ExitCodes.FAILED;
        }
      } else {
        out.print(new PlanRenderer(output.colour()).render(applied.plan()));
      }
      out.println();
      out.println("== Plan again: the firewall now matches the file ==");
      Plan again = engine.plan(deployment);
      out.print(new PlanRenderer(output.colour()).render(again));
      out.flush();
      return again.hasChanges() ? ExitCodes.FAILED : ExitCodes.OK;
    }
  }

  private Deployment load() throws IOException {
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw new UsageException("no such deployment file: " + file);
      }
      return DeploymentLoader.load(file);
    }
    Path local = Path.of("examples", "opnsense-web.yaml");
    if (Files.isRegularFile(local)) {
      return DeploymentLoader.load(local);
    }
    try (InputStream in = DemoCommand.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new UsageException(
            "examples/opnsense-web.yaml is not here and not bundled; use -f FILE");
      }
      return DeploymentLoader.load(
          new String(in.readAllBytes(), StandardCharsets.UTF_8), "examples/opnsense-web.yaml");
    }
  }

  private static void nextSteps(PrintWriter out, String source) {
    out.println("Next steps");
    out.println(
        "  The same file against a real firewall (create an API key under System ▸ Access ▸");
    out.println("  Users; the secret never goes into the file):");
    out.println("    export OPNSENSE_URL=https://fw.example.lan");
    out.println(
        "    export OPNSENSE_API_KEY=…  OPNSENSE_API_SECRET=…   # or OPNSENSE_API_KEY_FILE=apikey.txt");
    out.println(
        "    export OPNSENSE_CA_FILE=fw-ca.pem                  # the firewall's CA, if private");
    String cmd =
        io.mcpiac.cli.Installation.onPath() ? "mcp-iac" : io.mcpiac.cli.Installation.command();
    out.println("    " + cmd + " plan  -f " + source);
    out.println("    " + cmd + " apply -f " + source);
    out.println(
        "  Adopt what a firewall already has: " + cmd + " import --all --out firewall.yaml");
    if (!io.mcpiac.cli.Installation.onPath()) {
      out.println("  Put mcp-iac on your PATH: bin/mcp-iac install   (then just: mcp-iac …)");
    }
    out.println(
        "  Connect an AI client (MCP over stdio): add this to its MCP server settings (e.g."
            + " Claude Desktop's claude_desktop_config.json):");
    out.print(mcpConfiguration());
    out.println(
        "  A sandbox of your own to point it at: " + cmd + " opnsense-emulator --port 8443");
  }

  /**
   * An MCP client configuration that works wherever the client starts servers: the launcher and the
   * state file as absolute paths.
   */
  static String mcpConfiguration() {
    String command = io.mcpiac.cli.Installation.command();
    String launcher = command.startsWith("java -jar ") ? "java" : command;
    String jarArgs =
        command.startsWith("java -jar ")
            ? "\"-jar\", "
                + io.mcpiac.engine.json.Json.write(
                    io.mcpiac.engine.json.Json.MAPPER.valueToTree(command.substring(10)))
                + ", "
            : "";
    String state = "sqlite:" + io.mcpiac.cli.Installation.userStateFile();
    return "    {\n"
        + "      \"mcpServers\": {\n"
        + "        \"mcp-iac\": {\n"
        + "          \"command\": "
        + io.mcpiac.engine.json.Json.write(io.mcpiac.engine.json.Json.MAPPER.valueToTree(launcher))
        + ",\n"
        + "          \"args\": ["
        + jarArgs
        + "\"serve\", \"--provider\", \"opnsense\", \"--state\", "
        + io.mcpiac.engine.json.Json.write(io.mcpiac.engine.json.Json.MAPPER.valueToTree(state))
        + "],\n"
        + "          \"env\": {\"OPNSENSE_URL\": \"https://fw.example.lan\","
        + " \"OPNSENSE_API_KEY\": \"…\", \"OPNSENSE_API_SECRET\": \"…\"}\n"
        + "        }\n"
        + "      }\n"
        + "    }\n";
  }

  private static void deleteTree(Path dir) {
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException ignored) {
                  // temporary files; the OS cleans up what is left
                }
              });
    } catch (IOException ignored) {
      // nothing to clean
    }
  }
}
