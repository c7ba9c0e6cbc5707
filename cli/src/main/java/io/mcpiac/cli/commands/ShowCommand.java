package io.mcpiac.cli.commands;

import io.mcpiac.cli.OutputOptions;
import io.mcpiac.cli.UsageException;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlanFile;
import io.mcpiac.engine.plans.PlanJson;
import io.mcpiac.engine.plans.PlanRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mcp-iac show PLANFILE [--json]}: a saved plan as {@code plan} printed it, or as {@code
 * plan --json} (Terraform's {@code show -json plan.out}, which pipelines feed to their own checks).
 * It reads the file alone: no state, no system. Secrets in a saved plan are digests already.
 */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Show a plan saved with plan --out, as plan printed it (--json: as plan --json did).",
      "Reads the file alone. A deployment's state: mcp-iac state show NAME"
    })
public final class ShowCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PLANFILE", description = "A plan saved with: mcp-iac plan --out FILE")
  Path file;

  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new UsageException(
          file + ": no such file; for a deployment's state: mcp-iac state show NAME");
    }
    Plan plan;
    try {
      plan = PlanFile.read(file);
    } catch (PlanFile.NotAPlanException e) {
      throw new UsageException(
          e.getMessage() + "; save one with: mcp-iac plan -f FILE --out PLANFILE");
    }
    var out = spec.commandLine().getOut();
    if (output.json()) {
      out.println(Json.pretty(PlanJson.of(plan)));
    } else {
      out.print(new PlanRenderer(output.colour()).render(plan));
    }
    return 0;
  }
}
