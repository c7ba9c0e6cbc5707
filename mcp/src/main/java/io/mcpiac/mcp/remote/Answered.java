package io.mcpiac.mcp.remote;

import io.mcpiac.mcp.envelope.ErrorCode;
import io.mcpiac.mcp.envelope.Response;
import io.mcpiac.mcp.protocol.StandardTool;

/**
 * A standard tool's answer: the envelope, and on success what its {@code data} means.
 *
 * @param value the decoded data; null when the tool failed
 */
record Answered<T>(StandardTool tool, Response response, T value) {
  boolean success() {
    return response.success();
  }

  boolean notFound() {
    return ErrorCode.NOT_FOUND.name().equals(response.errorCode());
  }

  String errorMessage() {
    return response.errorMessage();
  }

  /** Why the server refused, in words naming the tool and its code. */
  String refusal() {
    return tool.toolName() + ": " + response.errorCode() + " " + response.errorMessage();
  }
}
