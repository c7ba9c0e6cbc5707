package io.mcpiac.cli.commands;

import io.mcpiac.cli.Providers;
import io.mcpiac.cli.UsageException;
import io.mcpiac.engine.config.ConfigException;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.DeploymentLoader;
import io.mcpiac.engine.config.DeploymentValidator;
import io.mcpiac.engine.config.Diagnostic;
import io.mcpiac.engine.config.LoadedDeployment;
import io.mcpiac.engine.config.ProviderSettingsChecks;
import io.mcpiac.engine.config.VariableInputs;
import io.mcpiac.engine.plans.PlannedOrder;
import io.mcpiac.engine.providers.ProviderRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads and validates deployment files: every problem at once, each with its file and line, before
 * anything touches a real system.
 */
final class DeploymentFiles {
  /** Where a deployment from standard input is, in messages. */
  static final String STDIN = "<stdin>";

  private static java.io.InputStream stdinRead;
  private static String stdinText;

  private DeploymentFiles() {}

  /**
   * The deployment on standard input ({@code -f -}), read once per stream: the loader and the
   * policy check (its {@code spec.policies}, packs and exceptions) both read it.
   */
  static synchronized String stdin() {
    if (System.in != stdinRead) {
      try {
        stdinText = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UsageException("cannot read the deployment from standard input: " + e);
      }
      stdinRead = System.in;
    }
    return stdinText;
  }

  /** The file as read, with its syntax problems (not thrown: validation reports them all). */
  static LoadedDeployment read(Path file) {
    return read(file, VariableInputs.fromEnvironment());
  }

  /**
   * A file, a directory ({@code -f DIR}: one deployment and its templates) or standard input
   * ({@code -f -}), expanded with the variables' values.
   */
  static LoadedDeployment read(Path file, VariableInputs inputs) {
    for (Path varFile : inputs.varFiles()) {
      if (!Files.isRegularFile(varFile)) {
        throw new UsageException("no such variable file: " + varFile);
      }
    }
    if (file.toString().equals("-")) {
      return DeploymentLoader.read(stdin(), STDIN, inputs);
    }
    if (!Files.isRegularFile(file) && !Files.isDirectory(file)) {
      throw new UsageException("no such deployment file or directory: " + file);
    }
    return DeploymentLoader.read(file, inputs);
  }

  /**
   * The deployment read; throws with every syntax problem when it cannot be read at all, and with
   * every settings problem before any provider is created from them.
   */
  static Deployment deployment(LoadedDeployment loaded) {
    if (loaded.unparsable()) {
      throw new ConfigException(loaded.problems());
    }
    List<Diagnostic> settings = settingsProblems(loaded);
    if (!settings.isEmpty()) {
      List<Diagnostic> all = new java.util.ArrayList<>(loaded.problems());
      all.addAll(settings);
      all.sort(java.util.Comparator.comparingInt(d -> d.location().line()));
      throw new ConfigException(all);
    }
    return loaded.deployment();
  }

  /** The file's deployment, with variables from the environment only. */
  static Deployment load(Path file) {
    return deployment(read(file));
  }

  /**
   * Every problem of a file, with providers made for it alone (no state is opened): what {@code
   * validate} reports, and what a writing command checks before it creates a state file.
   */
  static List<Diagnostic> problemsAlone(LoadedDeployment loaded) {
    return checked(loaded, false).problems();
  }

  /**
   * A file checked on its own, as {@code validate} shows it.
   *
   * @param stages how many stages a first plan of it has (implied order included); 0 when it has
   *     problems or was not asked for
   */
  record Checked(List<Diagnostic> problems, int stages) {}

  static Checked checked(LoadedDeployment loaded, boolean countStages) {
    if (loaded.unparsable()) {
      return new Checked(loaded.problems(), 0);
    }
    List<Diagnostic> settings = settingsProblems(loaded);
    if (!settings.isEmpty()) {
      // no provider is created from settings that are wrong
      List<Diagnostic> all = new java.util.ArrayList<>(loaded.problems());
      all.addAll(settings);
      all.sort(java.util.Comparator.comparingInt(d -> d.location().line()));
      return new Checked(all, 0);
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
      List<Diagnostic> problems = diagnostics(loaded, registry);
      int stages =
          countStages && problems.isEmpty()
              ? PlannedOrder.of(registry, deployment).waves().size()
              : 0;
      return new Checked(problems, stages);
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
    if (!loaded.unparsable()) {
      all.addAll(loaded.declarations().moved().check(loaded.deployment()));
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
