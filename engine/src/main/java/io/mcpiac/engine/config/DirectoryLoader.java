package io.mcpiac.engine.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code -f DIR}: every {@code *.yaml}/{@code *.yml} of a directory (not its subdirectories), in
 * name order: exactly one {@code kind: Deployment} and any number of {@code kind: Template}s, which
 * the deployment may use, and {@code kind: Policy} files (left to the policy engine); variable
 * files named with {@code --var-file} are skipped. Secret files are read relative to the directory.
 */
final class DirectoryLoader {
  private DirectoryLoader() {}

  static LoadedDeployment read(Path dir, VariableInputs inputs) {
    Set<Path> varFiles =
        inputs.varFiles().stream().map(DirectoryLoader::normal).collect(Collectors.toSet());
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files =
          list.filter(Files::isRegularFile)
              .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
              .filter(p -> !varFiles.contains(normal(p)))
              .sorted()
              .toList();
    } catch (IOException | RuntimeException e) {
      return failed(dir, "cannot list the directory: " + e.getClass().getSimpleName());
    }
    List<LoadedDeployment> deployments = new ArrayList<>();
    List<Template> templates = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    for (Path file : files) {
      LoadedDeployment doc = DeploymentLoader.readDocument(file);
      if (doc.isPolicy()) {
        continue; // kind: Policy files belong to the policy engine (see PolicyService)
      }
      if (doc.isTemplate() && !doc.unparsable()) {
        problems.addAll(doc.problems());
        Template t = Templates.of(doc);
        if (templates.stream().anyMatch(other -> other.name().equals(t.name()))) {
          problems.add(
              new Diagnostic(
                  DiagnosticCodes.DUPLICATE_NAME,
                  t.location(),
                  null,
                  "metadata.name",
                  "another template of the directory is already named '" + t.name() + "'"));
        } else {
          templates.add(t);
        }
      } else {
        deployments.add(doc);
      }
    }
    if (deployments.size() != 1) {
      return failed(
          dir,
          deployments.isEmpty()
              ? "the directory has no deployment (a *.yaml file with kind: Deployment)"
              : "the directory has "
                  + deployments.size()
                  + " deployments ("
                  + deployments.stream()
                      .map(d -> d.deployment().location().file())
                      .collect(Collectors.joining(", "))
                  + "); -f DIR takes one, with any number of templates");
    }
    LoadedDeployment expanded = DeploymentLoader.expand(deployments.get(0), templates, inputs);
    problems.addAll(0, expanded.problems());
    return new LoadedDeployment(
        expanded.deployment(), problems, expanded.sourceMap(), expanded.declarations());
  }

  private static Path normal(Path p) {
    return p.toAbsolutePath().normalize();
  }

  private static LoadedDeployment failed(Path dir, String message) {
    SourceLocation at = new SourceLocation(dir.toString(), 0);
    return new LoadedDeployment(
        new Deployment(null, java.util.Map.of(), List.of(), at),
        List.of(new Diagnostic(DiagnosticCodes.UNREADABLE_FILE, at, null, null, message)),
        SourceMap.EMPTY);
  }
}
