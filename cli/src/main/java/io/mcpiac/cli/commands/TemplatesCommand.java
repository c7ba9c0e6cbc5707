package io.mcpiac.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.cli.ExitCodes;
import io.mcpiac.cli.OutputOptions;
import io.mcpiac.engine.config.OutputDeclaration;
import io.mcpiac.engine.config.Template;
import io.mcpiac.engine.config.TemplateLibrary;
import io.mcpiac.engine.config.Templates;
import io.mcpiac.engine.config.VariableDeclaration;
import io.mcpiac.engine.errors.NotFoundException;
import io.mcpiac.engine.json.Json;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mcp-iac templates list|show NAME}: the built-in template library. */
@Command(
    name = "templates",
    mixinStandardHelpOptions = true,
    description = "The built-in templates (use one as 'type: template:NAME').",
    subcommands = {TemplatesCommand.ListTemplates.class, TemplatesCommand.Show.class})
public final class TemplatesCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code templates list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the templates.")
  public static final class ListTemplates implements Callable<Integer> {
    @Mixin OutputOptions output;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      if (output.json()) {
        ArrayNode all = Json.MAPPER.createArrayNode();
        TemplateLibrary.builtIn().forEach(t -> all.add(Templates.describe(t)));
        out.println(Json.pretty(all));
        return ExitCodes.OK;
      }
      for (Template t : TemplateLibrary.builtIn()) {
        out.println(t.name() + "  " + (t.description() == null ? "" : t.description()));
        out.println(
            "    parameters: "
                + String.join(
                    ", ",
                    t.parameters().values().stream()
                        .map(p -> p.name() + (p.required() ? "" : "?"))
                        .toList()));
      }
      out.println();
      out.println(
          "AWS web tier: not yet — it comes with the AWS provider. Details: mcp-iac templates show"
              + " NAME");
      return ExitCodes.OK;
    }
  }

  /** {@code templates show NAME}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "A template's parameters, outputs, resources and its YAML.")
  public static final class Show implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "The template, as `templates list` names it.")
    String name;

    @Mixin OutputOptions output;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Template t =
          TemplateLibrary.builtIn().stream()
              .filter(x -> x.name().equals(name))
              .findFirst()
              .orElseThrow(
                  () ->
                      new NotFoundException(
                          "no built-in template '"
                              + name
                              + "'; templates: "
                              + String.join(
                                  ", ",
                                  TemplateLibrary.builtIn().stream()
                                      .map(Template::name)
                                      .toList())));
      if (output.json()) {
        ObjectNode json = Templates.describe(t);
        json.put("source", TemplateLibrary.source(t.name()));
        out.println(Json.pretty(json));
        return ExitCodes.OK;
      }
      out.println("template:" + t.name() + " — " + t.description());
      out.println();
      out.println("Parameters:");
      for (VariableDeclaration p : t.parameters().values()) {
        out.println(
            "  "
                + p.name()
                + " ("
                + p.typeName()
                + (p.required() ? ", required" : ", default " + Json.write(p.defaultValue()))
                + ")"
                + (p.description() == null ? "" : ": " + p.description()));
      }
      out.println();
      out.println("Outputs:");
      for (OutputDeclaration o : t.outputs()) {
        out.println("  " + o.name() + (o.description() == null ? "" : ": " + o.description()));
      }
      out.println();
      out.println("Resources (named INSTANCE.NAME):");
      t.resources().forEach(r -> out.println("  " + r.type() + " " + r.name()));
      out.println();
      out.println("Source:");
      out.print(TemplateLibrary.source(t.name()));
      return ExitCodes.OK;
    }
  }
}
