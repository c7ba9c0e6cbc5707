package io.mcpiac.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.cli.OutputOptions;
import io.mcpiac.cli.Version;
import io.mcpiac.engine.json.Json;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code mcp-iac version [--json]}, as Terraform users type it: the text of {@code --version}, or
 * JSON in the shape of {@code terraform version -json} (the tool's version, the platform).
 */
@Command(
    name = "version",
    mixinStandardHelpOptions = true,
    description = "Show the version (the same as --version; --json for scripts).")
public final class VersionCommand implements Callable<Integer> {
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    if (output.json()) {
      ObjectNode json = Json.object();
      json.put("mcp_iac_version", Version.VERSION);
      json.put("platform", platform());
      json.put("java_version", System.getProperty("java.version"));
      json.put("java_vendor", System.getProperty("java.vendor"));
      out.println(Json.pretty(json));
      return 0;
    }
    for (String line : new Version().getVersion()) {
      out.println(line);
    }
    return 0;
  }

  /** Go's spelling, as Terraform prints it: {@code linux_amd64}, {@code darwin_arm64}. */
  static String platform() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String goOs = os.startsWith("mac") ? "darwin" : os.startsWith("windows") ? "windows" : os;
    String goArch =
        switch (arch) {
          case "x86_64", "amd64" -> "amd64";
          case "aarch64", "arm64" -> "arm64";
          case "x86", "i386", "i686" -> "386";
          default -> arch;
        };
    return goOs + "_" + goArch;
  }
}
