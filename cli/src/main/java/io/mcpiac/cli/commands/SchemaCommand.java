package io.mcpiac.cli.commands;

import io.mcpiac.cli.OutputOptions;
import io.mcpiac.cli.Providers;
import io.mcpiac.cli.UsageException;
import io.mcpiac.engine.config.Suggestions;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.resources.TypeDocs;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mcp-iac schema TYPE}: a type's properties, outputs and an example. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = {
      "Explain a resource type: its properties with types, defaults, allowed values, which force"
          + " replacement and which are secret, its outputs, and an example.",
      "With --json, its JSON Schema (the document the MCP resource mcp-iac://schema/types/TYPE"
          + " serves)."
    })
public final class SchemaCommand implements Callable<Integer> {
  @Parameters(paramLabel = "TYPE", description = "A resource type, e.g. core:data.")
  String type;

  @Mixin OutputOptions output;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    List<ResourceType> all = Providers.allTypes();
    ResourceType t =
        all.stream()
            .filter(x -> x.name().equals(type))
            .findFirst()
            .orElseThrow(
                () ->
                    new UsageException(
                        "unknown resource type '"
                            + type
                            + "'"
                            + Suggestions.didYouMean(
                                type, all.stream().map(ResourceType::name).toList())
                            + "; see: mcp-iac types"));
    var out = spec.commandLine().getOut();
    if (output.json()) {
      out.println(Json.pretty(TypeDocs.document(t, "mcp-iac://schema/types/" + t.name())));
    } else {
      out.print(TypeDocs.text(t));
    }
    return 0;
  }
}
