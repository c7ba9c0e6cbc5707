package io.mcpiac.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A request the UI refuses, with the HTTP status and what the page shows. */
final class ApiError extends RuntimeException {
  private final int status;
  private final transient ObjectNode details;

  ApiError(int status, String message) {
    this(status, message, null);
  }

  ApiError(int status, String message, ObjectNode details) {
    super(message);
    this.status = status;
    this.details = details;
  }

  int status() {
    return status;
  }

  ObjectNode details() {
    return details;
  }
}
