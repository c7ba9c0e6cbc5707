package io.mcpiac.mcp.envelope;

import com.fasterxml.jackson.databind.JsonNode;

/** A tool call that ends in an error envelope with this code, message and details. */
public class ToolFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ErrorCode code;
  private final transient JsonNode details;

  public ToolFailure(ErrorCode code, String message) {
    this(code, message, null);
  }

  public ToolFailure(ErrorCode code, String message, JsonNode details) {
    super(message);
    this.code = code;
    this.details = details;
  }

  public ErrorCode code() {
    return code;
  }

  /** Structured details, or null. */
  public JsonNode details() {
    return details;
  }
}
