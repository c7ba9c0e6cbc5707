package io.mcpiac.mcp.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;

/** The output schema every tool declares: the envelope, with the tool's own {@code data}. */
public final class EnvelopeSchema {
  private EnvelopeSchema() {}

  /**
   * @param data the JSON Schema of a successful answer's {@code data}
   */
  public static ObjectNode of(JsonNode data) {
    ObjectNode schema = Json.object();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.put("type", "object");
    ObjectNode props = schema.putObject("properties");
    props.putObject("success").put("type", "boolean");
    props.set("data", data);
    ObjectNode error = props.putObject("error");
    error.put("type", "object");
    ObjectNode errorProps = error.putObject("properties");
    ObjectNode code = errorProps.putObject("code");
    code.put("type", "string");
    ArrayNode codes = code.putArray("enum");
    for (ErrorCode c : ErrorCode.values()) {
      codes.add(c.name());
    }
    errorProps.putObject("message").put("type", "string");
    errorProps.putObject("details").put("description", "Structured details, e.g. diagnostics");
    error.putArray("required").add("code").add("message");
    ObjectNode metadata = props.putObject("metadata");
    metadata.put("type", "object");
    ObjectNode metaProps = metadata.putObject("properties");
    metaProps.putObject("timestamp").put("type", "string");
    metaProps.putObject("duration").put("type", "number").put("description", "milliseconds");
    metaProps.putObject("server").put("type", "string");
    metaProps.putObject("version").put("type", "string");
    metadata.putArray("required").add("timestamp").add("duration").add("server").add("version");
    schema.putArray("required").add("success").add("metadata");
    return schema;
  }
}
