package io.mcpiac.cli.commands;

import io.mcpiac.cli.StateOptions;
import io.mcpiac.ui.UiServer;
import io.mcpiac.ui.UiSettings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mcp-iac ui}: the local web page for plans, live applies, state history, checkpoints. */
@Command(
    name = "ui",
    mixinStandardHelpOptions = true,
    description = {
      "Serve a local web page: deployments, plans drawn as dependency graphs, applies followed"
          + " live (cancel rolls back), state history with diff and rollback, checkpoints.",
      "Binds 127.0.0.1 unless told otherwise and prints the page's URL with a fresh random"
          + " access token, which every request needs. Nothing is fetched from elsewhere."
    })
public final class UiCommand implements Callable<Integer> {
  @Option(
      names = "--port",
      defaultValue = "8809",
      description = "Port, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--bind",
      defaultValue = UiSettings.DEFAULT_BIND,
      description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String bind;

  @Mixin PolicyOptions policyOptions;
  @Mixin StateOptions state;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    UiServer server;
    try {
      server =
          UiServer.start(
              new CliUiBackend(state, policyOptions),
              new UiSettings(bind, port, UiSettings.randomToken()));
    } catch (Exception e) {
      System.err.println("error: cannot start the web UI on " + bind + ":" + port + ": " + e);
      return io.mcpiac.cli.ExitCodes.FAILED;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    var out = spec.commandLine().getOut();
    out.println("mcp-iac ui: open " + server.url());
    out.println("(the token in the URL is required on every request; Ctrl-C stops the server)");
    out.flush();
    server.join();
    return 0;
  }
}
