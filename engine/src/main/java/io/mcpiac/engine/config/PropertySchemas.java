package io.mcpiac.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.mcpiac.engine.resources.ResourceType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks properties against their type's JSON Schema (2020-12 unless the schema says otherwise),
 * judging only what is known before apply. Each instance compiles a type's schema once.
 */
final class PropertySchemas {
  /**
   * One violation.
   *
   * @param path relative to the properties, e.g. {@code port} or {@code servers[0].host}
   */
  record Violation(String path, String message) {}

  // keywords whose error names the offending key in getProperty(), not in the instance location
  private static final Set<String> KEYWORDS_NAMING_A_PROPERTY =
      Set.of("required", "additionalProperties", "unevaluatedProperties", "dependentRequired");

  private final SchemaRegistry registry =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private final Map<String, Schema> byType = new HashMap<>();

  /**
   * @throws RuntimeException when the type's schema itself is broken (a provider bug)
   */
  List<Violation> check(ResourceType type, ObjectNode properties) {
    if (type.schema() == null || type.schema().isNull()) {
      return List.of();
    }
    Schema schema = byType.computeIfAbsent(type.name(), t -> registry.getSchema(type.schema()));
    KnownValues values = KnownValues.of(properties);
    List<Violation> out = new ArrayList<>();
    for (Error error : schema.validate(values.known())) {
      String path = pathOf(error);
      if ("required".equals(error.getKeyword()) && values.removed().contains(path)) {
        continue; // present, only not known yet
      }
      out.add(new Violation(path, messageOf(error) + suggestion(type.schema(), error)));
    }
    return out;
  }

  private static String pathOf(Error error) {
    String path = "";
    NodePath location = error.getInstanceLocation();
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      path =
          element instanceof Integer index
              ? SourceMap.element(path, index)
              : SourceMap.child(path, String.valueOf(element));
    }
    if (error.getProperty() != null && KEYWORDS_NAMING_A_PROPERTY.contains(error.getKeyword())) {
      path = SourceMap.child(path, error.getProperty());
    }
    return path;
  }

  /**
   * For an unknown property, " (did you mean 'x'?)" naming the closest property the schema object
   * at that place declares.
   */
  private static String suggestion(JsonNode root, Error error) {
    if (!KEYWORDS_NAMING_A_PROPERTY.contains(error.getKeyword())
        || "required".equals(error.getKeyword())
        || "dependentRequired".equals(error.getKeyword())
        || error.getProperty() == null) {
      return "";
    }
    NodePath fragment = error.getSchemaLocation().getFragment();
    JsonNode object = root;
    for (int i = 0; i < fragment.getNameCount() - 1 && object != null; i++) {
      Object element = fragment.getElement(i);
      object =
          element instanceof Integer index
              ? object.get(index)
              : object.get(String.valueOf(element));
    }
    if (object == null || !object.path("properties").isObject()) {
      return "";
    }
    List<String> declared = new ArrayList<>();
    object.path("properties").fieldNames().forEachRemaining(declared::add);
    return Suggestions.didYouMean(error.getProperty(), declared);
  }

  private static String messageOf(Error error) {
    String message = error.getMessage();
    JsonNode value = error.getInstanceNode();
    if (value != null && value.isValueNode() && !"required".equals(error.getKeyword())) {
      message += " (found " + value + ")";
    }
    return message;
  }
}
