package io.mcpiac.mcp.jobs;

import io.mcpiac.engine.execution.ProgressEvent;
import io.mcpiac.engine.execution.ProgressListener;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;
import io.modelcontextprotocol.spec.McpSchema.LoggingMessageNotification;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's progress events as MCP notifications: a progress notification (progress = completed
 * actions, total = actions, message = the event's line) when the client sent a {@code
 * progressToken}, and always a logging notification.
 */
public final class McpProgress implements ProgressListener {
  private static final Logger LOG = LoggerFactory.getLogger(McpProgress.class);

  private final McpSyncServerExchange exchange;
  private final Object progressToken;

  /** MCP requires each progress value to be larger than the last; -1: none sent yet. */
  private double lastProgress = -1;

  public McpProgress(McpSyncServerExchange exchange, Object progressToken) {
    this.exchange = exchange;
    this.progressToken = progressToken;
  }

  @Override
  public void on(ProgressEvent e) {
    String line = EventLines.line(e);
    try {
      if (progressToken != null && e.completed() > lastProgress) {
        lastProgress = e.completed();
        exchange.progressNotification(
            new ProgressNotification(
                progressToken, (double) e.completed(), (double) e.total(), line, null));
      }
      exchange.loggingNotification(
          LoggingMessageNotification.builder()
              .level(levelOf(e))
              .logger("mcp-iac")
              .data(line)
              .build());
    } catch (RuntimeException ex) {
      // a client that went away must not stop the apply; the job still records the event
      LOG.debug("could not notify the client: {}", ex.toString());
    }
  }

  private static LoggingLevel levelOf(ProgressEvent e) {
    if ("failed".equals(e.status())) {
      return LoggingLevel.ERROR;
    }
    return switch (e.kind()) {
      case ROLLBACK_START, ROLLBACK_ACTION, ROLLBACK_COMPLETE -> LoggingLevel.WARNING;
      default -> LoggingLevel.INFO;
    };
  }
}
