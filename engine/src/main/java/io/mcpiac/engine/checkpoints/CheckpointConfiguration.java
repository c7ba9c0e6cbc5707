package io.mcpiac.engine.checkpoints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.ResourceConfig;
import io.mcpiac.engine.config.SourceLocation;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.resources.Secrets;
import io.mcpiac.engine.states.Checkpoint;
import io.mcpiac.engine.states.ResourceRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a checkpoint keeps besides state so that it can be restored after a destroy: the
 * deployment's configuration as written — every resource's properties with their {@code ${…}}
 * references unresolved, its explicit dependencies and provider instance, in the order of the file
 * — and, per provider instance, the connection settings it was applied with (the file's {@code
 * spec.providers} entry and where the instance pointed). Restoring from it re-creates everything in
 * dependency order, new ids flowing through the references.
 *
 * <p>Secrets never go in: a property the type declares secret, one the file declares sensitive, and
 * one that refers to a sensitive variable are left out and named under {@code withheld}; a restore
 * takes them from the checkpoint's records (their stand-ins), as for a checkpoint without a
 * configuration. Provider settings are connection settings, never credentials (those come from the
 * environment); an endpoint's user-info part is dropped.
 */
public final class CheckpointConfiguration {
  private CheckpointConfiguration() {}

  /** Where an instance pointed and the file's settings for it, when the checkpoint was made. */
  public record ProviderSettings(String instance, ObjectNode settings, String endpoint) {}

  /** {@code deployment}'s configuration as kept in state (JSON text, no secrets). */
  public static String of(Deployment deployment, ProviderRegistry registry) {
    ObjectNode root = Json.object();
    ArrayNode resources = root.putArray("resources");
    Set<String> instances = new LinkedHashSet<>();
    for (ResourceConfig r : deployment.resources()) {
      ObjectNode node = resources.addObject();
      node.put("type", r.type());
      node.put("name", r.name());
      if (r.provider() != null) {
        node.put("provider", r.provider());
      }
      node.set("dependsOn", Json.MAPPER.valueToTree(r.dependsOn()));
      ObjectNode props = Json.copy(r.properties());
      ResourceType type = registry.type(r.type()).orElse(null);
      ObjectNode marked = deployment.markSensitive(r.name(), Secrets.markDeclared(type, props));
      ArrayNode withheld = Json.MAPPER.createArrayNode();
      for (String key : new ArrayList<>(iterable(props))) {
        JsonNode value = marked.get(key);
        if (Secrets.containsSecret(value) || refersToSensitive(value, deployment)) {
          props.remove(key);
          withheld.add(key);
        }
      }
      node.set("properties", props);
      if (!withheld.isEmpty()) {
        node.set("withheld", withheld);
      }
      instances.add(r.providerInstance());
    }
    ObjectNode providers = root.putObject("providers");
    for (String instance : instances) {
      ObjectNode entry = providers.putObject(instance);
      ObjectNode settings = deployment.providers().get(instance);
      entry.set("settings", settings == null ? Json.object() : settings.deepCopy());
      String endpoint = registry.instance(instance).map(Provider::endpoint).orElse(null);
      if (endpoint != null) {
        entry.put("endpoint", withoutUserInfo(endpoint));
      }
    }
    return Json.write(root);
  }

  /** The provider settings a configuration was applied with, by instance. */
  public static Map<String, ProviderSettings> providers(String configuration) {
    Map<String, ProviderSettings> out = new LinkedHashMap<>();
    if (configuration == null) {
      return out;
    }
    Json.parse(configuration)
        .path("providers")
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode settings = e.getValue().path("settings");
              out.put(
                  e.getKey(),
                  new ProviderSettings(
                      e.getKey(),
                      settings.isObject() ? (ObjectNode) settings.deepCopy() : Json.object(),
                      e.getValue().hasNonNull("endpoint")
                          ? e.getValue().get("endpoint").asText()
                          : null));
            });
    return out;
  }

  /**
   * The configuration to restore {@code cp} to: the kept configuration's resources that the
   * checkpoint recorded, in their order, with references unresolved; a recorded resource the
   * configuration lacks (imported or adopted after the last apply) as its record with references
   * recovered from outputs. A checkpoint without a configuration is restored from its records only.
   */
  public static Deployment restorable(Checkpoint cp) {
    Deployment fromRecords = RecordedDeployment.asRestorable(cp.deployment(), cp.resources());
    if (cp.configuration() == null) {
      return fromRecords;
    }
    Map<String, ResourceRecord> records = new LinkedHashMap<>();
    cp.resources().forEach(r -> records.put(r.name(), r));
    SourceLocation origin = new SourceLocation("<checkpoint " + cp.id() + ">", 0);
    List<ResourceConfig> out = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    for (JsonNode node : Json.parse(cp.configuration()).path("resources")) {
      String name = node.path("name").asText();
      ResourceRecord record = records.get(name);
      if (record == null) {
        continue; // not in the checkpoint's state (forgotten, or its create failed)
      }
      ObjectNode props = Json.copy((ObjectNode) node.path("properties"));
      for (JsonNode key : node.path("withheld")) {
        JsonNode kept = record.properties() == null ? null : record.properties().get(key.asText());
        if (kept != null) {
          props.set(key.asText(), kept.deepCopy());
        }
      }
      List<String> dependsOn = new ArrayList<>();
      node.path("dependsOn").forEach(d -> dependsOn.add(d.asText()));
      out.add(
          new ResourceConfig(
              node.path("type").asText(),
              name,
              props,
              dependsOn,
              node.hasNonNull("provider") ? node.get("provider").asText() : null,
              origin,
              Map.of()));
      done.add(name);
    }
    for (ResourceConfig r : fromRecords.resources()) {
      if (!done.contains(r.name())) {
        out.add(r);
      }
    }
    Map<String, ObjectNode> settings = new LinkedHashMap<>();
    providers(cp.configuration()).forEach((k, v) -> settings.put(k, v.settings()));
    return new Deployment(cp.deployment(), settings, out, origin);
  }

  private static boolean refersToSensitive(JsonNode value, Deployment deployment) {
    if (value == null || deployment.sensitiveValues().isEmpty()) {
      return false;
    }
    if (value.isTextual()) {
      for (String name : deployment.sensitiveValues().keySet()) {
        if (value.asText().contains("${var." + name)) {
          return true;
        }
      }
      return false;
    }
    for (JsonNode child : value) {
      if (refersToSensitive(child, deployment)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> iterable(ObjectNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private static String withoutUserInfo(String endpoint) {
    return endpoint.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1");
  }
}
