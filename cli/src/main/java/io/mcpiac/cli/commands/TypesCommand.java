package io.mcpiac.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.mcpiac.cli.OutputOptions;
import io.mcpiac.cli.Providers;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.resources.ResourceType;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mcp-iac types [PREFIX]}: every resource type the installed providers offer. */
@Command(
    name = "types",
    mixinStandardHelpOptions = true,
    description = {
      "List the resource types of every provider (or those starting with PREFIX).",
      "See one type's properties with: mcp-iac schema TYPE"
    })
public final class TypesCommand implements Callable<Integer> {
  @Parameters(
      arity = "0..1",
      paramLabel = "PREFIX",
      description = "Only types starting with this, e.g. docker or opnsense:firewall.")
  String prefix;

  @Mixin OutputOptions output;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    List<ResourceType> types =
        Providers.allTypes().stream()
            .filter(t -> prefix == null || t.name().startsWith(prefix))
            .toList();
    var out = spec.commandLine().getOut();
    if (output.json()) {
      ArrayNode list = Json.MAPPER.createArrayNode();
      for (ResourceType t : types) {
        list.addObject()
            .put("type", t.name())
            .put("provider", t.prefix())
            .put("description", t.description());
      }
      out.println(Json.pretty(list));
      return 0;
    }
    if (types.isEmpty()) {
      throw new io.mcpiac.cli.UsageException(
          "no resource type starts with '" + prefix + "'; try: mcp-iac types");
    }
    int width = types.stream().mapToInt(t -> t.name().length()).max().orElse(4);
    for (ResourceType t : types) {
      out.printf("%-" + width + "s  %s%n", t.name(), firstSentence(t.description()));
    }
    return 0;
  }

  static String firstSentence(String text) {
    if (text == null) {
      return "";
    }
    int end = text.indexOf(". ");
    return end < 0 ? text : text.substring(0, end + 1);
  }
}
