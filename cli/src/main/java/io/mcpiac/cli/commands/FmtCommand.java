package io.mcpiac.cli.commands;

import io.mcpiac.cli.ExitCodes;
import io.mcpiac.cli.UsageException;
import io.mcpiac.engine.config.DeploymentFormatter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mcp-iac fmt}: Terraform's {@code fmt} for deployment files. */
@Command(
    name = "fmt",
    mixinStandardHelpOptions = true,
    description = {
      "Rewrite deployment files in the canonical YAML: block style, two-space indentation, keys"
          + " in a fixed order (apiVersion, kind, metadata, spec; type, name, provider, dependsOn,"
          + " properties), quotes only where YAML needs them. Comments are kept; the content is"
          + " never changed (checked). Prints the names of the files it changed.",
      "Without FILE: every *.yaml and *.yml deployment file of the working directory. '-' reads"
          + " standard input and writes standard output.",
      "Exit codes (as terraform fmt): 0 done, 3 with --check when a file is not formatted."
    })
public final class FmtCommand implements Callable<Integer> {
  /** Terraform's {@code fmt -check} exits 3 when a file needs formatting. */
  static final int NOT_FORMATTED = 3;

  @Parameters(arity = "0..*", paramLabel = "FILE", description = "Files to format, or '-'.")
  List<String> files = new ArrayList<>();

  @Option(names = "--check", description = "Change nothing; exit 3 when a file is not formatted.")
  boolean check;

  @Option(names = "--diff", description = "Also print each changed file in its canonical form.")
  boolean diff;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    var out = spec.commandLine().getOut();
    if (files.equals(List.of("-"))) {
      String text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
      String formatted = format(text, "<stdin>");
      if (check) {
        return formatted.equals(text) ? ExitCodes.OK : NOT_FORMATTED;
      }
      out.print(formatted);
      return ExitCodes.OK;
    }
    boolean unformatted = false;
    for (Path file : targets()) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      String formatted = format(text, file.toString());
      if (formatted.equals(text)) {
        continue;
      }
      unformatted = true;
      out.println(file);
      if (diff) {
        out.print(formatted);
      }
      if (!check) {
        Files.writeString(file, formatted, StandardCharsets.UTF_8);
      }
    }
    return check && unformatted ? NOT_FORMATTED : ExitCodes.OK;
  }

  private List<Path> targets() throws IOException {
    if (!files.isEmpty()) {
      List<Path> out = new ArrayList<>();
      for (String f : files) {
        Path p = Path.of(f);
        if (!Files.isRegularFile(p)) {
          throw new UsageException("no such file: " + f);
        }
        out.add(p);
      }
      return out;
    }
    try (Stream<Path> here = Files.list(Path.of(""))) {
      return here.filter(p -> p.toString().matches(".*\\.ya?ml$"))
          .filter(FmtCommand::isDeployment)
          .sorted()
          .toList();
    }
  }

  private static boolean isDeployment(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8).contains("iac.mcp/");
    } catch (IOException e) {
      return false;
    }
  }

  private static String format(String text, String origin) {
    try {
      return DeploymentFormatter.format(text);
    } catch (org.yaml.snakeyaml.error.YAMLException | IllegalStateException e) {
      throw new UsageException(origin + ": cannot format: " + e.getMessage());
    }
  }
}
