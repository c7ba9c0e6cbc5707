package io.mcpiac.engine.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.errors.ErrorKind;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.resources.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** One validation of one deployment against one registry; see {@link DeploymentValidator}. */
final class DeploymentChecks {
  private static final List<String> CREDENTIAL_WORDS =
      List.of("password", "passwd", "secret", "token", "apikey", "privatekey", "credential");

  private final Deployment deployment;
  private final ProviderRegistry registry;
  private final Findings findings;
  private final Map<String, Integer> indexByName = new LinkedHashMap<>();
  private final List<ResourceType> types = new ArrayList<>();
  private final PropertySchemas schemas = new PropertySchemas();

  DeploymentChecks(Deployment deployment, SourceMap lines, ProviderRegistry registry) {
    this.deployment = deployment;
    this.registry = registry;
    this.findings = new Findings(deployment, lines);
  }

  List<Diagnostic> run() {
    checkDeploymentName();
    checkProviderSettings();
    for (int i = 0; i < deployment.resources().size(); i++) {
      types.add(checkIdentity(i, deployment.resources().get(i)));
    }
    new ReferenceChecks(deployment, indexByName, types, findings).run();
    for (int i = 0; i < deployment.resources().size(); i++) {
      ResourceType type = types.get(i);
      if (type != null) {
        checkProperties(i, deployment.resources().get(i), type);
      }
    }
    return new ArrayList<>(findings.list());
  }

  private void checkDeploymentName() {
    String name = deployment.name();
    if (name == null || name.isBlank()) {
      findings.deployment(
          DiagnosticCodes.MISSING_DEPLOYMENT_NAME,
          "metadata.name",
          "the deployment has no name: add 'metadata: {name: my-deployment}'");
    } else {
      Names.deploymentNameProblem(name)
          .ifPresent(
              problem ->
                  findings.deployment(
                      DiagnosticCodes.INVALID_DEPLOYMENT_NAME, "metadata.name", problem));
    }
  }

  /**
   * Settings for a provider nobody registered are a typo, or settings nothing will use; and a
   * deployment file is shared and committed, so it must not hold credentials.
   */
  private void checkProviderSettings() {
    Set<String> providerNames = new TreeSet<>();
    registry.instances().values().forEach(p -> providerNames.add(p.name()));
    // sorted: the record's map has no order, and diagnostics should come out the same every time
    for (String instance : new TreeSet<>(deployment.providers().keySet())) {
      String base = ProviderRegistry.baseName(instance);
      Optional<String> badName = Names.instanceNameProblem(instance);
      if (badName.isPresent()) {
        findings.deployment(
            DiagnosticCodes.UNKNOWN_PROVIDER, "spec.providers." + instance, badName.get());
      } else if (!providerNames.contains(base)) {
        findings.deployment(
            DiagnosticCodes.UNKNOWN_PROVIDER,
            "spec.providers." + instance,
            "there is no provider '"
                + base
                + "'"
                + Suggestions.didYouMean(base, providerNames)
                + "; known providers: "
                + String.join(", ", providerNames));
      }
      deployment
          .providers()
          .get(instance)
          .fieldNames()
          .forEachRemaining(
              key -> {
                if (looksLikeACredential(key)) {
                  findings.deployment(
                      DiagnosticCodes.SECRET_IN_DEPLOYMENT,
                      "spec.providers." + instance + "." + key,
                      "'"
                          + key
                          + "' looks like a credential; credentials come from the environment or"
                          + " a file (e.g. '"
                          + key
                          + "File: /path'), never from the deployment");
                }
              });
    }
  }

  /** {@code apiSecret}, {@code api_key}, {@code password}; not {@code passwordFile}. */
  private static boolean looksLikeACredential(String key) {
    String k = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    boolean secretWord = CREDENTIAL_WORDS.stream().anyMatch(k::contains);
    boolean reference = k.endsWith("file") || k.endsWith("path") || k.endsWith("env");
    return secretWord && !reference;
  }

  /** Type, name, uniqueness and provider instance; returns the type when it is known. */
  private ResourceType checkIdentity(int index, ResourceConfig r) {
    if (r.name() == null || r.name().isBlank()) {
      findings.resource(
          index,
          DiagnosticCodes.MISSING_NAME,
          "name",
          "resource #"
              + (index + 1)
              + (r.type() == null ? "" : " (" + r.type() + ")")
              + " has no name");
    } else {
      Names.resourceNameProblem(r.name())
          .ifPresent(
              problem -> findings.resource(index, DiagnosticCodes.INVALID_NAME, "name", problem));
      Integer first = indexByName.putIfAbsent(r.name(), index);
      if (first != null) {
        int firstLine = deployment.resources().get(first).location().line();
        findings.resource(
            index,
            DiagnosticCodes.DUPLICATE_NAME,
            "name",
            "another resource is already named '"
                + r.name()
                + "'"
                + (firstLine > 0 ? " (line " + firstLine + ")" : "")
                + "; names are unique in a deployment");
      }
    }
    if (r.type() == null || r.type().isBlank()) {
      findings.resource(index, DiagnosticCodes.MISSING_TYPE, "type", "the resource has no type");
      return null;
    }
    Optional<ResourceType> type = registry.type(r.type());
    if (type.isEmpty()) {
      reportUnknownType(index, r.type());
      return null;
    }
    checkProviderInstance(index, r);
    return type.get();
  }

  private void reportUnknownType(int index, String type) {
    String prefix = ResourceType.prefixOf(type);
    boolean providerKnown =
        registry.instances().values().stream().anyMatch(p -> p.name().equals(prefix));
    String message =
        "unknown resource type '"
            + type
            + "'"
            + Suggestions.didYouMean(type, registry.typeNames())
            + (providerKnown || !type.contains(":")
                ? ""
                : "; no provider '" + prefix + "' is registered");
    findings.resource(index, DiagnosticCodes.UNKNOWN_TYPE, "type", message);
  }

  private void checkProviderInstance(int index, ResourceConfig r) {
    String instance = r.provider();
    if (instance == null) {
      return;
    }
    Optional<String> badName = Names.instanceNameProblem(instance);
    if (badName.isPresent()) {
      findings.resource(index, DiagnosticCodes.UNKNOWN_PROVIDER, "provider", badName.get());
      return;
    }
    String prefix = ResourceType.prefixOf(r.type());
    String base = ProviderRegistry.baseName(instance);
    if (!base.equals(prefix)) {
      findings.resource(
          index,
          DiagnosticCodes.PROVIDER_MISMATCH,
          "provider",
          "'"
              + instance
              + "' is an instance of provider '"
              + base
              + "', but type '"
              + r.type()
              + "' belongs to provider '"
              + prefix
              + "'");
      return;
    }
    Set<String> known = new LinkedHashSet<>();
    known.add(prefix);
    known.addAll(deployment.providers().keySet());
    known.addAll(registry.instances().keySet());
    if (!known.contains(instance)) {
      findings.resource(
          index,
          DiagnosticCodes.UNKNOWN_PROVIDER,
          "provider",
          "provider instance '"
              + instance
              + "' is not configured"
              + Suggestions.didYouMean(instance, known)
              + "; add it under spec.providers");
    }
  }

  /** JSON Schema, then the provider's own checks, on what is known before apply. */
  private void checkProperties(int index, ResourceConfig r, ResourceType type) {
    ObjectNode properties = r.properties() == null ? Json.object() : r.properties();
    InternalMarkers.find(properties, "properties")
        .forEach(
            path ->
                findings.resource(
                    index,
                    DiagnosticCodes.INVALID_VALUE,
                    path,
                    "contains a NUL character (U+0000), which no system accepts and which mcp-iac"
                        + " reserves for its own markers"));
    try {
      for (PropertySchemas.Violation v : schemas.check(type, properties)) {
        findings.resource(
            index,
            DiagnosticCodes.SCHEMA_VIOLATION,
            v.path().isEmpty() ? "properties" : "properties." + v.path(),
            v.message());
      }
    } catch (RuntimeException e) {
      findings.resource(
          index,
          DiagnosticCodes.PROVIDER_VALIDATION,
          "type",
          "the schema of '" + type.name() + "' cannot be used (a provider bug): " + e.getMessage());
    }
    providerOf(r)
        .ifPresent(
            provider -> {
              ObjectNode withUnknowns = References.resolveObject(properties, ref -> Values.UNKNOWN);
              Map<String, String> messages;
              try {
                messages = provider.validate(type, r.name(), withUnknowns);
              } catch (RuntimeException e) {
                if (ErrorKind.of(e) != ErrorKind.INVALID_INPUT) {
                  // a provider's bug or its system's failure, not a mistake in the file: the
                  // front ends must not report it as the caller's (MCP's VALIDATION_FAILED)
                  throw e;
                }
                messages = Map.of("", "the provider's validation failed: " + e.getMessage());
              }
              new TreeMap<>(messages)
                  .forEach(
                      (property, message) ->
                          findings.resource(
                              index,
                              DiagnosticCodes.PROVIDER_VALIDATION,
                              property == null || property.isEmpty()
                                  ? null
                                  : "properties." + property,
                              message));
            });
  }

  /** The instance's provider, or another instance of the same provider for its checks. */
  private Optional<Provider> providerOf(ResourceConfig r) {
    String prefix = ResourceType.prefixOf(r.type());
    return registry
        .instance(r.providerInstance())
        .filter(p -> p.name().equals(prefix))
        .or(
            () ->
                registry.instances().values().stream()
                    .filter(p -> p.name().equals(prefix))
                    .findFirst());
  }
}
