package io.mcpiac.cli.commands;

import io.mcpiac.cli.ExitCodes;
import io.mcpiac.cli.Providers;
import io.mcpiac.cli.StateOptions;
import io.mcpiac.cli.UsageException;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.imports.Importer;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.states.StateStore;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mcp-iac import --type T | --all --out FILE}: adopt what a firewall already has. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Adopt existing objects (e.g. everything on an OPNsense firewall) into a deployment (new,"
          + " or existing: the objects are added): writes the deployment file and records the"
          + " objects in state, so that planning the file shows no changes."
    })
public final class ImportCommand implements Callable<Integer> {
  @Option(
      names = "--type",
      paramLabel = "TYPE",
      description = "Resource type to import (repeatable), e.g. opnsense:firewall:rule.")
  List<String> types = new ArrayList<>();

  @Option(
      names = "--id",
      paramLabel = "ID",
      description = "Adopt only the object with this id (its UUID); needs exactly one --type.")
  String id;

  @Option(names = "--all", description = "Import every type of the provider.")
  boolean all;

  @Option(
      names = {"-o", "--out"},
      required = true,
      paramLabel = "FILE",
      description = "Deployment file to write.")
  Path out;

  @Option(
      names = "--name",
      defaultValue = "imported",
      paramLabel = "DEPLOYMENT",
      description = "Name of the new deployment (default: ${DEFAULT-VALUE}).")
  String name;

  @Option(
      names = "--provider",
      defaultValue = "opnsense",
      paramLabel = "INSTANCE",
      description =
          "Provider instance to import from: opnsense, opnsense/branch… (default: ${DEFAULT-VALUE}).")
  String instance;

  @Option(
      names = "--force",
      description =
          "Overwrite FILE if it exists, and adopt objects another deployment already manages"
              + " (skipped otherwise, with a note).")
  boolean force;

  @Mixin StateOptions state;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (types.isEmpty() && !all) {
      throw new UsageException("name the types to import with --type TYPE, or use --all");
    }
    if (id != null && (all || types.size() != 1)) {
      throw new UsageException("--id needs exactly one --type");
    }
    if (Files.exists(out) && !force) {
      throw new UsageException(out + " exists; pass --force to overwrite it");
    }
    PrintWriter w = spec.commandLine().getOut();
    try (StateStore store = state.open();
        ProviderRegistry registry = Providers.registry(Map.of(), List.of(instance))) {
      List<ResourceType> chosen;
      try {
        chosen = Importer.types(registry, instance, all ? List.of() : types);
      } catch (NoSuchElementException e) {
        throw new UsageException(e.getMessage());
      }
      Importer.Result result =
          Importer.run(
              new Engine(registry, store),
              name,
              instance,
              chosen,
              new Importer.Options(force, id, "--force"));
      Files.writeString(out, result.yaml(), StandardCharsets.UTF_8);
      result.notes().forEach(n -> w.println("note: " + n));
      w.println(
          "Imported "
              + result.resources()
              + " resources into "
              + out
              + " and deployment '"
              + name
              + "' ("
              + store.location()
              + ").");
      w.println("Check: mcp-iac plan -f " + out + "   (shows no changes)");
      return ExitCodes.OK;
    }
  }
}
