package io.mcpiac.engine.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.LiveResource;
import java.time.Instant;
import java.util.List;

/** The deployment file an import writes: every object with its properties, in YAML. */
final class ImportedFile {
  private static final ObjectMapper YAML =
      new ObjectMapper(
          new YAMLFactory()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

  private ImportedFile() {}

  static String yaml(
      String deployment, String instance, List<LiveResource> found, List<String> typeOf) {
    ObjectNode doc = Json.object();
    doc.put("apiVersion", "iac.mcp/v1");
    doc.put("kind", "Deployment");
    doc.putObject("metadata").put("name", deployment);
    ObjectNode spec = doc.putObject("spec");
    boolean defaultInstance = !instance.contains("/");
    if (!defaultInstance) {
      spec.putObject("providers").putObject(instance);
    }
    ArrayNode resources = spec.putArray("resources");
    for (int i = 0; i < found.size(); i++) {
      LiveResource r = found.get(i);
      ObjectNode res = resources.addObject();
      res.put("type", typeOf.get(i));
      res.put("name", r.name());
      if (!defaultInstance) {
        res.put("provider", instance);
      }
      res.set("properties", r.properties());
    }
    try {
      return "# Imported by mcp-iac import on "
          + Instant.now()
          + "; `mcp-iac plan -f` on this file shows no changes.\n"
          + YAML.writeValueAsString(doc);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
