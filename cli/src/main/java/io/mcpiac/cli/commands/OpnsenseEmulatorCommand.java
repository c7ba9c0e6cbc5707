package io.mcpiac.cli.commands;

import io.mcpiac.opnsense.emulator.EmulatorLauncher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code mcp-iac opnsense-emulator …}: a sandbox OPNsense API server, until Ctrl-C. */
@Command(
    name = "opnsense-emulator",
    description = {
      "Run the OPNsense emulator: a sandbox firewall API for trying mcp-iac and for CI.",
      "Arguments are the emulator's own: [--port N] [--bind ADDR] [--version V]"
          + " [--tls|--no-tls] [--api-key K --api-secret S] [--data DIR] [--no-control-api]"
          + " [--ca-out FILE] [--read-only-key] [--config config.xml]",
      "V: 26.1.0, 26.1.2, 26.1.6, 26.1.11, 26.7.2 (26.1 = 26.1.6, 26.7 = 26.7.2).",
      "--config starts from a real OPNsense backup; GET /__emulator/config.xml exports it."
    })
public final class OpnsenseEmulatorCommand implements Callable<Integer> {
  @Unmatched List<String> args = new ArrayList<>();

  @Override
  public Integer call() {
    return EmulatorLauncher.run(args.toArray(new String[0]), System.out, System.err);
  }
}
