package io.mcpiac.cli.commands;

import io.mcpiac.cli.UsageException;
import io.mcpiac.engine.config.ConfigException;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.DeploymentLoader;
import io.mcpiac.engine.config.DeploymentValidator;
import io.mcpiac.engine.config.Diagnostic;
import io.mcpiac.engine.config.LoadedDeployment;
import io.mcpiac.engine.config.MovedList;
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
    return loaded.deployment();
  }

  static List<Diagnostic> diagnostics(LoadedDeployment loaded, ProviderRegistry registry) {
    List<Diagnostic> all =
        new java.util.ArrayList<>(DeploymentValidator.validate(loaded, registry));
    String origin = loaded.deployment().location().file();
    if (!loaded.unparsable() && origin != null && !origin.startsWith("<")) {
      all.addAll(MovedList.read(Path.of(origin)).check(loaded.deployment()));
    }
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
