package io.mcpiac.mcp;

import io.mcpiac.mcp.server.IacServer;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** The server as a separate process over stdio, driven by the Java SDK's client. */
class StdioServerTest extends McpServerContract {
  @TempDir Path dir;

  @Override
  McpClientTransport transport() {
    return process(dir.resolve("state.db").toString());
  }

  @Override
  McpClientTransport readOnlyTransport() {
    return process(dir.resolve("state.db").toString(), "--read-only");
  }

  private static McpClientTransport process(String... args) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of("-cp", System.getProperty("java.class.path"), StdioTestServer.class.getName()));
    command.addAll(List.of(args));
    return new StdioClientTransport(
        ServerParameters.builder(java).args(command).build(), IacServer.JSON);
  }
}
