package io.mcpiac.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The seed's second configuration language, in Java: builds the same {@link Deployment} as the YAML
 * file. Validate the result with {@link DeploymentValidator} like any other deployment.
 *
 * <pre>{@code
 * Deployment d = DeploymentBuilder.deployment("customer-portal")
 *     .provider("opnsense", Map.of("url", "https://fw.lan"))
 *     .resource("core:data", "a", r -> r.property("input", "hello"))
 *     .resource("core:data", "b", r -> r.property("input", ref("a", "output")).dependsOn("a"))
 *     .build();
 * }</pre>
 */
public final class DeploymentBuilder {
  /** What builder-made diagnostics name as the file. */
  public static final String ORIGIN = "<builder>";

  private static final SourceLocation LOCATION = new SourceLocation(ORIGIN, 0);

  private final String name;
  private final Map<String, ObjectNode> providers = new LinkedHashMap<>();
  private final List<ResourceConfig> resources = new ArrayList<>();

  private DeploymentBuilder(String name) {
    this.name = name;
  }

  public static DeploymentBuilder deployment(String name) {
    return new DeploymentBuilder(name);
  }

  /** {@code ${name.attribute}}. */
  public static String ref(String name, String attribute) {
    return "${" + name + "." + attribute + "}";
  }

  /** The seed's qualified form {@code ${type:name.attribute}}, e.g. {@code ${aws:ec2:app-1.ip}}. */
  public static String ref(String type, String name, String attribute) {
    return "${" + type + ":" + name + "." + attribute + "}";
  }

  /** Connection settings of a provider instance ({@code opnsense}, {@code opnsense/branch}). */
  public DeploymentBuilder provider(String instance, Map<String, ?> settings) {
    providers.put(instance, Json.MAPPER.valueToTree(settings));
    return this;
  }

  public DeploymentBuilder provider(String instance, ObjectNode settings) {
    providers.put(instance, settings.deepCopy());
    return this;
  }

  public DeploymentBuilder resource(String type, String name, Consumer<ResourceBuilder> spec) {
    ResourceBuilder builder = new ResourceBuilder(type, name);
    spec.accept(builder);
    resources.add(builder.build());
    return this;
  }

  /** A resource without properties. */
  public DeploymentBuilder resource(String type, String name) {
    return resource(type, name, r -> {});
  }

  public Deployment build() {
    return new Deployment(name, providers, resources, LOCATION);
  }

  /** One resource's properties, dependencies and provider instance. */
  public static final class ResourceBuilder {
    private final String type;
    private final String name;
    private final ObjectNode properties = Json.object();
    private final List<String> dependsOn = new ArrayList<>();
    private String provider;

    private ResourceBuilder(String type, String name) {
      this.type = type;
      this.name = name;
    }

    /**
     * @param value a String, Number, Boolean, List, Map, JsonNode or null; lists and maps may nest
     */
    public ResourceBuilder property(String key, Object value) {
      properties.set(key, toJson(key, value));
      return this;
    }

    public ResourceBuilder properties(Map<String, ?> values) {
      values.forEach(this::property);
      return this;
    }

    public ResourceBuilder dependsOn(String... names) {
      dependsOn.addAll(Arrays.asList(names));
      return this;
    }

    /** The provider instance, e.g. {@code opnsense/branch}; the type's prefix by default. */
    public ResourceBuilder provider(String instance) {
      this.provider = instance;
      return this;
    }

    private ResourceConfig build() {
      return new ResourceConfig(
          type, name, properties.deepCopy(), dependsOn, provider, LOCATION, Map.of());
    }

    private static JsonNode toJson(String key, Object value) {
      if (value instanceof JsonNode node) {
        return node.deepCopy();
      }
      if (value == null) {
        return Json.MAPPER.nullNode();
      }
      if (value instanceof String
          || value instanceof Number
          || value instanceof Boolean
          || value instanceof List<?>
          || value instanceof Map<?, ?>) {
        return Json.MAPPER.valueToTree(value);
      }
      throw new IllegalArgumentException(
          "property '"
              + key
              + "': "
              + value.getClass().getName()
              + " is not a JSON value; use a String, Number, Boolean, List, Map or JsonNode");
    }
  }
}
