package io.mcpiac.cli.commands;

import io.mcpiac.cli.Providers;
import io.mcpiac.cli.UsageException;
import io.mcpiac.engine.config.ConfigException;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.DeploymentLoader;
import io.mcpiac.engine.config.DeploymentValidator;
import io.mcpiac.engine.config.Diagnostic;
import io.mcpiac.engine.config.LoadedDeployment;
import io.mcpiac.engine.config.MovedList;
import io.mcpiac.engine.config.ProviderSettingsChecks;
import io.mcpiac.engine.providers.ProviderRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads and validates deployment files: every problem at once, each with its file and line, before
 * anything touches a real system.
 */
final class DeploymentFiles {
  private DeploymentFiles() {}

  /** The file as read, with its syntax problems (not thrown: validation reports them all). */
  static LoadedDeployment read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UsageException("no such deployment file: " + file);
    }
    return DeploymentLoader.read(file);
  }

  /** The file's deployment; throws with every syntax problem when it cannot be read at all. */
  static Deployment load(Path file) {
    LoadedDeployment loaded = read(file);
    if (loaded.unparsable()) {
      throw new ConfigException(loaded.problems());
    }
    // settings are checked before any provider is created from them
    List<Diagnostic> settings = settingsProblems(loaded);
    if (!settings.isEmpty()) {
      List<Diagnostic> all = new java.util.ArrayList<>(loaded.problems());
      all.addAll(settings);
      all.sort(java.util.Comparator.comparingInt(d -> d.location().line()));
      throw new ConfigException(all);
    }
    return loaded.deployment();
  }

  /**
   * Every problem of a file, with providers made for it alone (no state is opened): what {@code
   * validate} reports, and what a writing command checks before it creates a state file.
   */
  static List<Diagnostic> problemsAlone(LoadedDeployment loaded) {
    if (loaded.unparsable()) {
      return loaded.problems();
    }
    List<Diagnostic> settings = settingsProblems(loaded);
    if (!settings.isEmpty()) {
      // no provider is created from settings that are wrong
      List<Diagnostic> all = new java.util.ArrayList<>(loaded.problems());
      all.addAll(settings);
      all.sort(java.util.Comparator.comparingInt(d -> d.location().line()));
      return all;
    }
    var deployment = loaded.deployment();
    try (ProviderRegistry registry =
        Providers.registry(
            deployment.providers(),
            deployment.resources().stream()
                .map(io.mcpiac.engine.config.ResourceConfig::providerInstance)
                .toList(),
            new io.mcpiac.engine.providers.ProviderContext(
                deployment.name(), io.mcpiac.cli.Workspace.baseDirectory(deployment)))) {
      return diagnostics(loaded, registry);
    }
  }

  /** Before a command creates a missing state file: nothing is created for a bad file. */
  static void requireValidBeforeCreating(
      io.mcpiac.cli.StateOptions state, LoadedDeployment loaded) {
    if (state.missingFile().isPresent()) {
      List<Diagnostic> problems = problemsAlone(loaded);
      if (!problems.isEmpty()) {
        throw new ConfigException(problems);
      }
    }
  }

  static List<Diagnostic> settingsProblems(LoadedDeployment loaded) {
    return ProviderSettingsChecks.check(loaded, Providers.settingsSchemas());
  }

  static List<Diagnostic> diagnostics(LoadedDeployment loaded, ProviderRegistry registry) {
    List<Diagnostic> all =
        new java.util.ArrayList<>(DeploymentValidator.validate(loaded, registry));
    String origin = loaded.deployment().location().file();
    if (!loaded.unparsable() && origin != null && !origin.startsWith("<")) {
      all.addAll(MovedList.read(Path.of(origin)).check(loaded.deployment()));
    }
    all.sort(java.util.Comparator.comparingInt(d -> d.location().line()));
    return all;
  }

  /** Validates with the file's line map; throws {@link ConfigException} with everything. */
  static void validate(LoadedDeployment loaded, ProviderRegistry registry) {
    List<Diagnostic> problems = diagnostics(loaded, registry);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }
}
