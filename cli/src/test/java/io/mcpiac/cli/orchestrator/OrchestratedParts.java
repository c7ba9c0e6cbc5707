package io.mcpiac.cli.orchestrator;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test with {@link FirewallAndAppServers} in a fresh directory, closed after each test. */
abstract class OrchestratedParts {
  @TempDir Path dir;
  FirewallAndAppServers parts;

  @BeforeEach
  void start() throws Exception {
    parts = new FirewallAndAppServers(dir);
  }

  @AfterEach
  void stop() {
    parts.close();
  }

  /** Deployment {@code web} with these resources (YAML list items, indented for {@code spec}). */
  static String web(String resources) {
    return """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          resources:
        %s"""
        .formatted(resources);
  }
}
