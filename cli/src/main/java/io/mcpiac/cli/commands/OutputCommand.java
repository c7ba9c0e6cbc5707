package io.mcpiac.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.cli.ExitCodes;
import io.mcpiac.cli.OutputOptions;
import io.mcpiac.cli.StateOptions;
import io.mcpiac.cli.UsageException;
import io.mcpiac.engine.errors.NotFoundException;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.resources.Values;
import io.mcpiac.engine.states.DeploymentState;
import io.mcpiac.engine.states.DeploymentSummary;
import io.mcpiac.engine.states.StateJson;
import io.mcpiac.engine.states.StateStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mcp-iac output [NAME] [--json]}, as Terraform's: a deployment's recorded outputs, or one
 * of them. The deployment is {@code --deployment}, the one {@code -f FILE} names, or the only one
 * in state. A sensitive output prints as {@code (sensitive)}: its value is never stored.
 */
@Command(
    name = "output",
    mixinStandardHelpOptions = true,
    description = "Show a deployment's outputs (spec.outputs) as recorded by the last apply.")
public final class OutputCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "NAME", description = "One output; all when absent.")
  String output;

  @Option(
      names = {"-d", "--deployment"},
      paramLabel = "DEPLOYMENT",
      description = "The deployment (default: the one -f names, or the only one in state).")
  String deployment;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description = "The deployment file or directory whose deployment to show.")
  Path file;

  @Option(
      names = "--raw",
      description =
          "The bare value of one output (a string, number or boolean), for a script, as"
              + " Terraform's output -raw.")
  boolean raw;

  @Mixin StateOptions state;
  @Mixin OutputOptions json;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    // a missing state file is an error that says so, as for state show: output writes nothing
    try (StateStore store = state.openExisting()) {
      String name = deploymentName(store);
      DeploymentState s =
          store
              .load(name)
              .orElseThrow(
                  () ->
                      new NotFoundException(
                          "no deployment named '" + name + "' in " + store.location()));
      ObjectNode outputs = StateJson.outputs(s);
      if (raw && (output == null || json.json())) {
        throw new UsageException(
            output == null
                ? "--raw prints one output: name it (mcp-iac output --raw NAME)"
                : "--raw and --json are two ways to print the value: choose one");
      }
      if (output == null) {
        if (json.json()) {
          out.println(Json.pretty(outputs));
        } else if (outputs.isEmpty()) {
          out.println("The deployment '" + name + "' has no outputs.");
        } else {
          outputs
              .fields()
              .forEachRemaining(e -> out.println(e.getKey() + " = " + text(e.getValue())));
        }
        return ExitCodes.OK;
      }
      JsonNode value = outputs.get(output);
      if (value == null) {
        throw new NotFoundException(
            "the deployment '"
                + name
                + "' has no output '"
                + output
                + "'"
                + (outputs.isEmpty() ? "" : "; outputs: " + String.join(", ", names(outputs))));
      }
      if (raw && value.isContainerNode()) {
        throw new UsageException(
            "the output '"
                + output
                + "' is "
                + (value.isArray() ? "a list" : "an object")
                + "; --raw prints a string, a number or a boolean: use --json");
      }
      // like terraform output NAME: the bare value, for scripts
      out.println(
          json.json()
              ? Json.write(value)
              : value.isTextual() ? value.textValue() : Json.write(value));
      return ExitCodes.OK;
    }
  }

  private String deploymentName(StateStore store) {
    if (deployment != null) {
      return deployment;
    }
    if (file != null) {
      return DeploymentFiles.deployment(DeploymentFiles.read(file)).name();
    }
    List<String> all = store.deployments().stream().map(DeploymentSummary::name).toList();
    if (all.size() == 1) {
      return all.get(0);
    }
    throw new UsageException(
        all.isEmpty()
            ? "no deployments in " + store.location()
            : "name the deployment with --deployment (or -f FILE); the state has: "
                + String.join(", ", all));
  }

  private static List<String> names(ObjectNode outputs) {
    List<String> out = new java.util.ArrayList<>();
    outputs.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static String text(JsonNode value) {
    if (value.isTextual() && value.textValue().equals("(sensitive)")) {
      return "(sensitive)";
    }
    return value.isTextual() ? Values.display(value) : Json.write(value);
  }

  /** The "Outputs:" section after apply and in {@code state show}; nothing when there are none. */
  static void print(ObjectNode outputs, PrintWriter out) {
    if (outputs.isEmpty()) {
      return;
    }
    out.println();
    out.println("Outputs:");
    outputs
        .fields()
        .forEachRemaining(e -> out.println("  " + e.getKey() + " = " + text(e.getValue())));
  }
}
