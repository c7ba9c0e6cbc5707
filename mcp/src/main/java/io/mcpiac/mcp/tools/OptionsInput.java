package io.mcpiac.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.execution.ExecutionOptions;
import java.util.LinkedHashSet;
import java.util.Set;

/** The seed's execution options from a tool's {@code options} argument. */
final class OptionsInput {
  private OptionsInput() {}

  static ExecutionOptions of(ToolCall call) {
    JsonNode o = call.options();
    int parallelism = o.path("parallelism").asInt(ExecutionOptions.DEFAULTS.parallelism());
    boolean continueOnError =
        o.path("continueOnError").asBoolean(ExecutionOptions.DEFAULTS.continueOnError());
    boolean rollback =
        o.path("rollbackOnFailure").asBoolean(ExecutionOptions.DEFAULTS.rollbackOnFailure());
    Set<String> risks = new LinkedHashSet<>();
    o.path("acceptRisks").forEach(r -> risks.add(r.asText()));
    return new ExecutionOptions(Math.max(1, parallelism), continueOnError, rollback, risks);
  }

  /** The JSON Schema of {@code options} for tools that change things. */
  static final String SCHEMA =
      """
      {
        "type": "object",
        "description": "How to run the changes.",
        "properties": {
          "parallelism": {"type": "integer", "minimum": 1, "maximum": 64, "default": 5,
                          "description": "How many changes may run at once."},
          "continueOnError": {"type": "boolean", "default": false,
                              "description": "Keep going on independent branches after a failure."},
          "rollbackOnFailure": {"type": "boolean", "default": true,
                                "description": "Undo every completed change when anything failed."},
          "acceptRisks": {"type": "array", "items": {"type": "string"},
                          "description": "Codes of provider risks to accept, e.g. lockout."}
        },
        "additionalProperties": false
      }
      """;
}
