package io.mcpiac.cli.commands;

import io.mcpiac.cli.UsageException;
import io.mcpiac.engine.config.ConfigException;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.DeploymentLoader;
import io.mcpiac.engine.config.DeploymentValidator;
import io.mcpiac.engine.config.Diagnostic;
import io.mcpiac.engine.providers.ProviderRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Loads and validates deployment files; every problem at once, nothing touched. */
final class DeploymentFiles {
  private DeploymentFiles() {}

  static Deployment load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UsageException("no such deployment file: " + file);
    }
    return DeploymentLoader.load(file);
  }

  static List<Diagnostic> diagnostics(Deployment deployment, ProviderRegistry registry) {
    return DeploymentValidator.validate(deployment, registry);
  }

  static void validate(Deployment deployment, ProviderRegistry registry) {
    List<Diagnostic> problems = diagnostics(deployment, registry);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }
}
