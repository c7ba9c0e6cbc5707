package io.mcpiac.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.json.Json;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ElicitFormRequest;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Real MCP Java SDK clients for the tests, with what they received. */
final class McpClients {
  private McpClients() {}

  /** A connected client and the notifications it received. */
  record Session(
      McpSyncClient client,
      List<McpSchema.ProgressNotification> progress,
      List<McpSchema.LoggingMessageNotification> logs)
      implements AutoCloseable {

    /** Calls a tool and returns the envelope from structuredContent. */
    JsonNode call(String tool, Map<String, Object> args) {
      return envelope(client.callTool(new McpSchema.CallToolRequest(tool, args)));
    }

    JsonNode callWithProgress(String tool, Map<String, Object> args, String token) {
      return envelope(
          client.callTool(
              McpSchema.CallToolRequest.builder()
                  .name(tool)
                  .arguments(args)
                  .progressToken(token)
                  .build()));
    }

    /**
     * The progress received, after waiting up to 5 s for the first: the SDK hands each notification
     * to its consumer on a pool thread, which may run after the call has returned.
     */
    List<McpSchema.ProgressNotification> progressArrived() {
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
      while (progress.isEmpty() && System.nanoTime() < deadline) {
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
      return progress;
    }

    @Override
    public void close() {
      client.closeGracefully();
    }
  }

  static JsonNode envelope(CallToolResult result) {
    JsonNode env = Json.MAPPER.valueToTree(result.structuredContent());
    if (env == null || env.isNull()) {
      throw new AssertionError("no structuredContent in " + result);
    }
    return env;
  }

  static Session connect(
      McpClientTransport transport, Function<ElicitFormRequest, ElicitResult> elicitation) {
    List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
    List<McpSchema.LoggingMessageNotification> logs = new CopyOnWriteArrayList<>();
    McpClient.SyncSpec spec =
        McpClient.sync(transport)
            .requestTimeout(Duration.ofSeconds(20))
            .initializationTimeout(Duration.ofSeconds(20))
            .progressConsumer(progress::add)
            .loggingConsumer(logs::add);
    if (elicitation != null) {
      spec.capabilities(McpSchema.ClientCapabilities.builder().elicitation().build())
          .elicitation(elicitation);
    }
    McpSyncClient client = spec.build();
    client.initialize();
    return new Session(client, progress, logs);
  }

  /** A client of a loopback HTTP server started by a test, without elicitation. */
  static Session connect(io.mcpiac.mcp.server.HttpServer http) {
    return connect(
        io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport.builder(
                "http://127.0.0.1:" + http.url().getPort())
            .endpoint(io.mcpiac.mcp.server.HttpSettings.ENDPOINT)
            .jsonMapper(io.mcpiac.mcp.server.IacServer.JSON)
            .build(),
        null);
  }
}
