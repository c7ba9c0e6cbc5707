package io.mcpiac.cli.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The orchestrator sends a server its whole part, and the server answers secret properties masked.
 * Which properties are secret comes from the type's schema ({@code x-secretProperties}), not from
 * what a value looks like.
 */
class OrchestratedSecretsTest {
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

  static String deployment(String resources) {
    return """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          resources:
        %s"""
        .formatted(resources);
  }

  @Test
  void aValueThatReadsLikeTheMaskIsNotASecret() throws Exception {
    String one =
        """
            - type: core:data
              name: note
              properties: {input: "(sensitive)"}
        """;
    Path file = parts.file("web.yaml", deployment(one));
    Processes.Run first = parts.orchestrate("apply", "-f", file.toString(), "--yes");
    assertThat(first.exit()).as(first.toString()).isZero();

    // a later run (a new orchestrator) sends the server its whole part again, 'note' included
    Path more =
        parts.file(
            "web.yaml",
            deployment(
                one
                    + """
                        - type: core:data
                          name: other
                          properties: {input: x}
                    """));
    Processes.Run again = parts.orchestrate("apply", "-f", more.toString(), "--yes");
    assertThat(again.exit()).as(again.toString()).isZero();
    assertThat(parts.serverState("app.db").resources()).containsOnlyKeys("note", "other");
    assertThat(
            parts.serverState("app.db").resources().get("note").properties().path("input").asText())
        .isEqualTo("(sensitive)");
  }

  @Test
  void aSecretPropertyTheServerAnswersMaskedIsNeverOverwrittenWithItsMask() throws Exception {
    String user =
        """
            - type: opnsense:security:user
              name: ops
              properties: {password: "Str0ng-and-long-pass"}
        """;
    Path file = parts.file("web.yaml", deployment(user));
    Processes.Run first = parts.orchestrate("apply", "-f", file.toString(), "--yes");
    assertThat(first.exit()).as(first.toString()).isZero();

    Path more =
        parts.file(
            "web.yaml",
            deployment(
                user
                    + """
                        - type: opnsense:service:haproxy:server
                          name: web-2
                          properties: {address: 10.9.0.8, port: 8080}
                    """));
    Processes.Run again = parts.orchestrate("apply", "-f", more.toString(), "--yes");
    assertThat(again.exit()).as(again.toString()).isEqualTo(1);
    assertThat(again.stdout() + again.stderr())
        .contains("'ops'")
        .contains("secret the server answers masked");
    assertThat(parts.haproxy("Servers")).doesNotContainKey("web-2");
    assertThat(again.stdout() + again.stderr()).doesNotContain("Str0ng-and-long-pass");
  }
}
