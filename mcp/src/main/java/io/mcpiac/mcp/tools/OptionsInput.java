package io.mcpiac.mcp.tools;

import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.mcp.protocol.OptionsCodec;

/** The seed's execution options from a tool's {@code options} argument. */
final class OptionsInput {
  private OptionsInput() {}

  static ExecutionOptions of(ToolCall call) {
    return OptionsCodec.decode(call.options());
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
