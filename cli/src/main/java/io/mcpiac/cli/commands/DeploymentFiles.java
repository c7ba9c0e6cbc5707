package io.mcpiac.cli.commands;

import io.mcpiac.cli.UsageException;
import io.mcpiac.engine.config.ConfigException;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.DeploymentLoader;
import io.mcpiac.engine.config.DeploymentValidator;
import io.mcpiac.engine.config.Diagnostic;
import io.mcpiac.engine.config.LoadedDeployment;
import io.mcpiac.engine.config.VariableInputs;
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
  private DeploymentFiles() {}

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
      try {
        String text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        return DeploymentLoader.read(text, "<stdin>", inputs);
      } catch (IOException e) {
        throw new UsageException("cannot read the deployment from standard input: " + e);
      }
    }
    if (!Files.isRegularFile(file) && !Files.isDirectory(file)) {
      throw new UsageException("no such deployment file or directory: " + file);
    }
    return DeploymentLoader.read(file, inputs);
  }

  /** The deployment read; throws with every syntax problem when it cannot be read at all. */
  static Deployment deployment(LoadedDeployment loaded) {
    if (loaded.unparsable()) {
      throw new ConfigException(loaded.problems());
    }
    return loaded.deployment();
  }

  /** The file's deployment; throws with every syntax problem when it cannot be read at all. */
  static Deployment load(Path file) {
    LoadedDeployment loaded = read(file);
    if (loaded.unparsable()) {
      throw new ConfigException(loaded.problems());
    }
    return loaded.deployment();
  }

  static List<Diagnostic> diagnostics(LoadedDeployment loaded, ProviderRegistry registry) {
    return DeploymentValidator.validate(loaded, registry);
  }

  /** Validates with the file's line map; throws {@link ConfigException} with everything. */
  static void validate(LoadedDeployment loaded, ProviderRegistry registry) {
    List<Diagnostic> problems = diagnostics(loaded, registry);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }
}
