package io.mcpiac.cli.commands;

import io.mcpiac.cli.ExitCodes;
import io.mcpiac.cli.StateOptions;
import io.mcpiac.cli.UsageException;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.LoadedDeployment;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.states.DeploymentState;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.policy.ComplianceFormats;
import io.mcpiac.policy.ComplianceReport;
import io.mcpiac.policy.PolicySet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mcp-iac compliance report [-f FILE | NAME] --pack P [--format text|json|html]}. */
@Command(
    name = "compliance",
    mixinStandardHelpOptions = true,
    description = "Compliance reports: every control of a policy pack against a deployment.",
    subcommands = {ComplianceCommand.Report.class})
public final class ComplianceCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code compliance report}. */
  @Command(
      name = "report",
      mixinStandardHelpOptions = true,
      description = {
        "Every control of a pack against a deployment (its file and its applied state):",
        "pass, fail, exempt (with the reason), not evaluated, not applicable; and a score.",
        "Exit 0 whatever the outcome: the report is the answer (use plan to enforce)."
      })
  public static final class Report implements Callable<Integer> {
    @Parameters(
        arity = "0..1",
        paramLabel = "NAME",
        description = "A deployment in state (when no -f is given).")
    String name;

    @Option(
        names = {"-f", "--file"},
        paramLabel = "FILE",
        description = "The deployment file or directory; its applied state is used too.")
    Path file;

    @Option(names = "--pack", required = true, paramLabel = "PACK", description = "The pack.")
    String pack;

    @Option(
        names = "--format",
        paramLabel = "FORMAT",
        description = "text (default), json or html (one self-contained file).")
    String format = "text";

    @Option(
        names = {"-o", "--out"},
        paramLabel = "FILE",
        description = "Write the report to FILE instead of standard output.")
    Path out;

    @Mixin VariableOptions variables;
    @Mixin StateOptions state;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      if (!java.util.Set.of("text", "json", "html").contains(format)) {
        throw new UsageException("--format is text, json or html, not '" + format + "'");
      }
      if ((file == null) == (name == null)) {
        throw new UsageException("name the deployment: -f FILE, or its NAME in state");
      }
      Deployment configuration = null;
      Map<String, java.util.List<io.mcpiac.policy.Subject.Exemption>> exemptions = Map.of();
      String deployment = name;
      if (file != null) {
        LoadedDeployment loaded = DeploymentFiles.read(file, variables.inputs());
        configuration = DeploymentFiles.deployment(loaded);
        deployment = configuration.name();
        exemptions =
            PolicySet.load(
                    PolicySet.deploymentSources(file), java.util.List.of(), java.util.List.of())
                .exemptions();
      }
      DeploymentState recorded = null;
      if (state.missingFile().isEmpty()) {
        try (StateStore store = state.readOnly().open()) {
          recorded = store.load(deployment).orElse(null);
        }
      }
      if (configuration == null && recorded == null) {
        throw new io.mcpiac.engine.errors.NotFoundException(
            "no deployment named '" + name + "' in " + state.location());
      }
      ComplianceReport report = ComplianceReport.forPack(pack, configuration, recorded, exemptions);
      String text =
          switch (format) {
            case "json" -> Json.pretty(ComplianceFormats.json(report)) + "\n";
            case "html" -> ComplianceFormats.html(report);
            default -> ComplianceFormats.text(report);
          };
      if (out != null) {
        Files.writeString(out, text, StandardCharsets.UTF_8);
        spec.commandLine()
            .getErr()
            .println("Wrote the " + format + " report (" + report.score() + "%) to " + out);
      } else {
        spec.commandLine().getOut().print(text);
      }
      return ExitCodes.OK;
    }
  }
}
