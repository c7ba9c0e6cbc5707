package io.mcpiac.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.resources.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks each {@code spec.providers} entry against its provider's settings schema (unknown keys
 * with "did you mean", wrong types), before any provider is created from it. Providers without a
 * schema are not checked here.
 */
public final class ProviderSettingsChecks {
  private ProviderSettingsChecks() {}

  /**
   * @param schemas the JSON Schema of each provider's settings, by provider name ({@code opnsense})
   */
  public static List<Diagnostic> check(LoadedDeployment loaded, Map<String, JsonNode> schemas) {
    List<Diagnostic> out = new ArrayList<>();
    Deployment d = loaded.deployment();
    String origin = d.location().file();
    PropertySchemas validator = new PropertySchemas();
    for (String instance : new TreeSet<>(d.providers().keySet())) {
      JsonNode schema = schemas.get(ProviderRegistry.baseName(instance));
      if (schema == null) {
        continue;
      }
      ObjectNode settings = d.providers().get(instance);
      ResourceType asType =
          new ResourceType(
              "settings of " + instance, null, schema, Set.of(), Set.of(), Map.of(), false);
      for (PropertySchemas.Violation v : validator.check(asType, settings)) {
        String path = "spec.providers." + instance + (v.path().isEmpty() ? "" : "." + v.path());
        out.add(
            new Diagnostic(
                DiagnosticCodes.INVALID_VALUE,
                new SourceLocation(origin, loaded.sourceMap().nearestLineOf(path)),
                null,
                path,
                v.message()));
      }
    }
    return out;
  }
}
