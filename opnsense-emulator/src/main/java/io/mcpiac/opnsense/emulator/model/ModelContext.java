package io.mcpiac.opnsense.emulator.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.opnsense.emulator.VersionProfile;
import io.mcpiac.opnsense.emulator.config.Config;
import io.mcpiac.opnsense.emulator.fields.FieldContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link FieldContext} over a configuration, for the list being edited and the item in it. */
public final class ModelContext implements FieldContext {
  private final Config config;
  private final VersionProfile version;
  private final String collectionId;
  private final String currentUuid;

  public ModelContext(
      Config config, VersionProfile version, String collectionId, String currentUuid) {
    this.config = config;
    this.version = version;
    this.collectionId = collectionId;
    this.currentUuid = currentUuid;
  }

  public Config config() {
    return config;
  }

  public VersionProfile version() {
    return version;
  }

  @Override
  public LinkedHashMap<String, String> relationOptions(String id, List<String> displayFields) {
    LinkedHashMap<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : config.items(id)) {
      List<String> parts = new ArrayList<>();
      for (String f : displayFields) {
        String v = e.getValue().path(f).asText();
        if (!v.isEmpty()) {
          parts.add(v);
        }
      }
      out.put(e.getKey(), String.join(".", parts));
    }
    return out;
  }

  @Override
  public LinkedHashMap<String, String> interfaces() {
    return SystemEnvironment.interfaces(config);
  }

  @Override
  public LinkedHashMap<String, String> aliasTypes() {
    LinkedHashMap<String, String> out = new LinkedHashMap<>();
    for (BuiltinAliases.Builtin b : BuiltinAliases.all(config)) {
      out.put(b.name(), b.type());
    }
    for (Map.Entry<String, JsonNode> e : config.items(Collections.ALIASES)) {
      out.put(e.getValue().path("name").asText(), e.getValue().path("type").asText());
    }
    return out;
  }

  @Override
  public LinkedHashMap<String, String> certificates(String type) {
    String id = "ca".equals(type) ? Collections.CAS : "crl".equals(type) ? null : Collections.CERTS;
    LinkedHashMap<String, String> out = new LinkedHashMap<>();
    if (id != null) {
      for (Map.Entry<String, JsonNode> e : config.items(id)) {
        out.put(e.getValue().path("refid").asText(), e.getValue().path("descr").asText());
      }
    }
    return out;
  }

  @Override
  public LinkedHashMap<String, String> configdOptions(String action) {
    return SystemEnvironment.configd(action, config);
  }

  @Override
  public List<String> siblingValues(String fieldName) {
    List<String> out = new ArrayList<>();
    if (collectionId != null) {
      for (Map.Entry<String, JsonNode> e : config.items(collectionId)) {
        if (!e.getKey().equals(currentUuid)) {
          out.add(e.getValue().path(fieldName).asText());
        }
      }
    }
    return out;
  }

  @Override
  public boolean describeInGet() {
    return version.describesInGet();
  }
}
