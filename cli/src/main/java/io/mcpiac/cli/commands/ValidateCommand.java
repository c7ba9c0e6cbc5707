package io.mcpiac.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.cli.ExitCodes;
import io.mcpiac.cli.OutputOptions;
import io.mcpiac.cli.Providers;
import io.mcpiac.cli.Workspace;
import io.mcpiac.cli.output.DiagnosticsJson;
import io.mcpiac.engine.config.ConfigException;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.Diagnostic;
import io.mcpiac.engine.config.LoadedDeployment;
import io.mcpiac.engine.config.ResourceConfig;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.policies.PolicyViolation;
import io.mcpiac.engine.providers.ProviderContext;
import io.mcpiac.engine.providers.ProviderProbe;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.policy.DeploymentPolicies;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mcp-iac validate -f FILE}. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Check a deployment file without touching any system: all problems at once.")
public final class ValidateCommand implements Callable<Integer> {
  @Option(
      names = {"-f", "--file"},
      required = true,
      paramLabel = "FILE",
      description = "A deployment file, a directory (one deployment and its templates), or -.")
  Path file;

  @Option(
      names = "--live",
      description =
          "Also reach every provider instance the file uses (address, certificate, credentials);"
              + " changes nothing.")
  boolean live;

  @Mixin VariableOptions variables;
  @Mixin PolicyOptions policyOptions;
  @Mixin OutputOptions output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    LoadedDeployment loaded = DeploymentFiles.read(file, variables.inputs());
    Deployment deployment = loaded.deployment();
    DeploymentFiles.Checked checked = DeploymentFiles.checked(loaded, !output.json());
    List<Diagnostic> problems = new ArrayList<>(checked.problems());
    List<PolicyViolation> violations = List.of();
    try {
      var policies = PolicyCheck.load(file, policyOptions);
      if (problems.isEmpty()) {
        violations = DeploymentPolicies.violations(policies.onConfiguration(deployment));
      }
    } catch (ConfigException bad) {
      problems.addAll(bad.diagnostics());
    }
    if (live && problems.isEmpty()) {
      reachProviders(deployment);
    }
    if (output.json()) {
      ObjectNode json = DiagnosticsJson.of(problems);
      json.put("file", file.toString());
      json.set("policyViolations", Json.MAPPER.valueToTree(violations));
      spec.commandLine().getOut().println(Json.pretty(json));
    } else if (problems.isEmpty()) {
      printVerdict(deployment, checked.stages(), violations);
    } else {
      spec.commandLine().getErr().println(new ConfigException(problems).getMessage());
    }
    if (!problems.isEmpty()) {
      return ExitCodes.INVALID_INPUT;
    }
    // a mandatory violation stops validate as it stops plan and apply: exit 1
    return violations.stream().anyMatch(PolicyViolation::mandatory)
        ? ExitCodes.FAILED
        : ExitCodes.OK;
  }

  /** {@code --live}: every provider instance the file uses answers, or this throws. */
  private static void reachProviders(Deployment deployment) {
    try (ProviderRegistry registry =
        Providers.registry(
            deployment.providers(),
            deployment.resources().stream().map(ResourceConfig::providerInstance).toList(),
            new ProviderContext(deployment.name(), Workspace.baseDirectory(deployment)))) {
      Map<String, String> instances = new LinkedHashMap<>();
      deployment.resources().forEach(r -> instances.putIfAbsent(r.providerInstance(), r.type()));
      ProviderProbe.require(registry, instances);
    }
  }

  /** The policy warnings on stderr, then one line: valid, or refused by mandatory policies. */
  private void printVerdict(Deployment deployment, int stages, List<PolicyViolation> violations) {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    for (var v : violations) {
      err.println(
          (v.mandatory() ? "policy violation: " : "policy warning (advisory): ") + v.text());
    }
    long mandatory = violations.stream().filter(PolicyViolation::mandatory).count();
    if (mandatory > 0) {
      out.println(
          "✗ "
              + file
              + ": "
              + mandatory
              + " mandatory policy violation(s); plan and apply refuse it.");
      return;
    }
    out.println(
        "✓ "
            + file
            + " is valid: deployment '"
            + deployment.name()
            + "', "
            + deployment.resources().size()
            + " resources in "
            + stages
            + (stages == 1 ? " stage." : " stages."));
  }
}
