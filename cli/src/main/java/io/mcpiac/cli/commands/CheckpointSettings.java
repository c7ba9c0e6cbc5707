package io.mcpiac.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.cli.Providers;
import io.mcpiac.engine.checkpoints.CheckpointConfiguration;
import io.mcpiac.engine.checkpoints.CheckpointConfiguration.ProviderSettings;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.states.Checkpoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The provider settings a checkpoint restore without {@code -f} runs with. The environment decides
 * where an instance points, as for every command; where it names no address for an instance, the
 * settings the checkpoint was made with are used (the file's {@code spec.providers} entry and the
 * address it pointed at). Credentials still come from the environment only, bound to the address
 * the environment names (OPNsense: {@code OPNSENSE_TRUST_FILE_URL=true} lets them go to the
 * checkpoint's). When the environment points somewhere else than the checkpoint was made against,
 * the restore goes where the environment says and says so.
 */
final class CheckpointSettings {
  /** Settings keys that hold an instance's address, in the providers' settings schemas. */
  private static final List<String> ADDRESS_KEYS = List.of("url", "host", "endpoint");

  private CheckpointSettings() {}

  static Map<String, ObjectNode> resolve(Checkpoint checkpoint, Consumer<String> notes) {
    Map<String, ProviderSettings> stored =
        CheckpointConfiguration.providers(checkpoint.configuration());
    Map<String, ObjectNode> out = new LinkedHashMap<>();
    if (stored.isEmpty()) {
      return out;
    }
    try (ProviderRegistry fromEnvironment = Providers.registry(Map.of(), stored.keySet())) {
      for (ProviderSettings s : stored.values()) {
        String now = fromEnvironment.instance(s.instance()).map(Provider::endpoint).orElse(null);
        if (now == null && s.endpoint() != null) {
          ObjectNode settings = s.settings().deepCopy();
          String key = addressKey(s.instance());
          if (key != null && !settings.has(key)) {
            settings.put(key, s.endpoint());
          }
          out.put(s.instance(), settings);
          notes.accept(
              s.instance()
                  + ": the environment names no address; using "
                  + s.endpoint()
                  + ", where checkpoint "
                  + checkpoint.id()
                  + " was made");
        } else if (now != null && s.endpoint() != null && !same(now, s.endpoint())) {
          notes.accept(
              s.instance()
                  + ": checkpoint "
                  + checkpoint.id()
                  + " was made against "
                  + s.endpoint()
                  + ", the environment points at "
                  + now
                  + ": restoring there");
        }
      }
    }
    return out;
  }

  private static String addressKey(String instance) {
    JsonNode schema = Providers.settingsSchemas().get(ProviderRegistry.baseName(instance));
    if (schema == null) {
      return null;
    }
    for (String key : ADDRESS_KEYS) {
      if (schema.path("properties").has(key)) {
        return key;
      }
    }
    return null;
  }

  private static boolean same(String a, String b) {
    return strip(a).equalsIgnoreCase(strip(b));
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
