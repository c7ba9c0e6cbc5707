package io.mcpiac.engine.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A resource type as one JSON document: its JSON Schema with every other field of {@link
 * ResourceType} beside it ({@code x-outputs}, {@code x-replaceOnChange}, {@code
 * x-secretProperties}, {@code x-createBeforeDestroy}, {@code x-unorderedProperties}) and the text
 * {@code mcp-iac schema TYPE} prints ({@code x-documentation}). Written by an MCP server (its
 * {@code mcp-iac://schema/types/…} resources) and by {@code mcp-iac schema --json}; read back by
 * the orchestrator, which sees a remote server's types through it. {@code decode(encode(t))} equals
 * {@code t}.
 */
public final class TypeDocument {
  static final String OUTPUTS = "x-outputs";
  static final String REPLACE_ON_CHANGE = "x-replaceOnChange";
  static final String SECRET_PROPERTIES = "x-secretProperties";
  static final String CREATE_BEFORE_DESTROY = "x-createBeforeDestroy";
  static final String DOCUMENTATION = "x-documentation";
  static final String UNORDERED = "x-unorderedProperties";

  /** What the document adds to the schema; everything else is the schema itself. */
  private static final List<String> ADDED =
      List.of(
          "$id",
          "title",
          OUTPUTS,
          REPLACE_ON_CHANGE,
          SECRET_PROPERTIES,
          CREATE_BEFORE_DESTROY,
          UNORDERED,
          DOCUMENTATION);

  private TypeDocument() {}

  /**
   * @param id the document's {@code $id}, e.g. {@code mcp-iac://schema/types/core:data}
   */
  public static ObjectNode encode(ResourceType t, String id) {
    ObjectNode doc = t.schema().isObject() ? ((ObjectNode) t.schema()).deepCopy() : Json.object();
    doc.put("$id", id);
    doc.put("title", t.name());
    if (t.description() != null) {
      doc.put("description", t.description());
    }
    doc.set(OUTPUTS, Json.MAPPER.valueToTree(new TreeMap<>(t.outputs())));
    doc.set(REPLACE_ON_CHANGE, Json.MAPPER.valueToTree(sorted(t.replaceOnChange())));
    doc.set(SECRET_PROPERTIES, Json.MAPPER.valueToTree(sorted(t.secretProperties())));
    doc.put(CREATE_BEFORE_DESTROY, t.createBeforeDestroy());
    doc.set(UNORDERED, Json.MAPPER.valueToTree(sorted(t.unorderedProperties())));
    doc.put(DOCUMENTATION, TypeDocs.text(t));
    return doc;
  }

  /**
   * The type a document describes. A document without {@code x-createBeforeDestroy} (a server older
   * than the flag) replaces delete-first: the order that never has two objects collide.
   *
   * @param name the type's name, as the document's URI says
   */
  public static ResourceType decode(String name, JsonNode doc) {
    ObjectNode schema = doc.isObject() ? ((ObjectNode) doc).deepCopy() : Json.object();
    String description = schema.path("description").asText(null);
    Map<String, String> outputs = new LinkedHashMap<>();
    schema
        .path(OUTPUTS)
        .fields()
        .forEachRemaining(e -> outputs.put(e.getKey(), e.getValue().asText()));
    Set<String> replace = strings(schema.path(REPLACE_ON_CHANGE));
    Set<String> secrets = strings(schema.path(SECRET_PROPERTIES));
    boolean createBeforeDestroy = schema.path(CREATE_BEFORE_DESTROY).asBoolean(false);
    Set<String> unordered = strings(schema.path(UNORDERED));
    schema.remove(ADDED);
    // the document's description is the type's (encode puts it there)
    schema.remove("description");
    return new ResourceType(
        name, description, schema, replace, secrets, outputs, createBeforeDestroy, unordered);
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new LinkedHashSet<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static List<String> sorted(Set<String> set) {
    return set.stream().sorted().toList();
  }
}
