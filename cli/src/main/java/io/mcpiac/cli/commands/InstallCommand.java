package io.mcpiac.cli.commands;

import io.mcpiac.cli.Installation;
import io.mcpiac.cli.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bin/mcp-iac install [--prefix DIR]}: puts {@code mcp-iac} on the PATH. */
@Command(
    name = "install",
    mixinStandardHelpOptions = true,
    description = {
      "Put mcp-iac on your PATH: writes PREFIX/bin/mcp-iac, a launcher that runs this checkout's"
          + " bin/mcp-iac (which has already built the jar and its start-up archive, so an MCP"
          + " client never waits for a build), and bash and zsh completion scripts.",
      "Run it as: bin/mcp-iac install [--prefix ~/.local]"
    })
public final class InstallCommand implements Callable<Integer> {
  @Option(
      names = "--prefix",
      paramLabel = "DIR",
      description = "Where to install (default: ~/.local, so PREFIX/bin is ~/.local/bin).")
  Path prefix = Path.of(System.getProperty("user.home"), ".local");

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    var out = spec.commandLine().getOut();
    String target =
        Installation.launcher()
            .map(p -> "exec \"" + p + "\" \"$@\"")
            .orElseGet(
                () ->
                    "exec java -jar \""
                        + Installation.jar()
                            .orElseThrow(
                                () -> new UsageException("run this through bin/mcp-iac install"))
                        + "\" \"$@\"");
    Path bin = prefix.toAbsolutePath().resolve("bin");
    Files.createDirectories(bin);
    Path launcher = bin.resolve("mcp-iac");
    Files.writeString(
        launcher,
        "#!/bin/sh\n# written by mcp-iac install: runs this mcp-iac checkout\n" + target + "\n",
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    CommandLine root = spec.root().commandLine();
    Path bash = prefix.toAbsolutePath().resolve("share/bash-completion/completions/mcp-iac");
    Path zsh = prefix.toAbsolutePath().resolve("share/zsh/site-functions/_mcp-iac");
    for (var entry :
        java.util.Map.of(bash, CompletionCommand.Shell.bash, zsh, CompletionCommand.Shell.zsh)
            .entrySet()) {
      Files.createDirectories(entry.getKey().getParent());
      Files.writeString(
          entry.getKey(), CompletionCommand.script(root, entry.getValue()), StandardCharsets.UTF_8);
    }
    out.println("Installed " + launcher);
    out.println("Completion: " + bash + " (bash), " + zsh + " (zsh)");
    String path = System.getenv("PATH") == null ? "" : System.getenv("PATH");
    if (java.util.Arrays.asList(path.split(java.io.File.pathSeparator)).contains(bin.toString())) {
      out.println("Try: mcp-iac --version");
    } else {
      out.println(bin + " is not on your PATH; add it, e.g. in ~/.bashrc or ~/.zshrc:");
      out.println("  export PATH=\"" + bin + ":$PATH\"");
    }
    return 0;
  }
}
