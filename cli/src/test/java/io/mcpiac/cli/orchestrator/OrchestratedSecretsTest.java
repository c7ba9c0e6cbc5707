package io.mcpiac.cli.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The orchestrator sends a server its whole part, and the server answers secret properties masked.
 * Which properties are secret comes from the type's schema ({@code x-secretProperties}), not from
 * what a value looks like.
 */
class OrchestratedSecretsTest extends OrchestratedParts {

  /**
   * Applies {@code first}, then (a later run: a new orchestrator, which sends the server its whole
   * part again) {@code first} with {@code added}; returns the second run.
   */
  private Processes.Run applyThenAdd(String first, String added) throws Exception {
    Processes.Run one =
        parts.orchestrate("apply", "-f", parts.file("web.yaml", web(first)).toString(), "--yes");
    assertThat(one.exit()).as(one.toString()).isZero();
    return parts.orchestrate(
        "apply", "-f", parts.file("web.yaml", web(first + added)).toString(), "--yes");
  }

  @Test
  void aValueThatReadsLikeTheMaskIsNotASecret() throws Exception {
    Processes.Run again =
        applyThenAdd(
            """
                - type: core:data
                  name: note
                  properties: {input: "(sensitive)"}
            """,
            """
                - type: core:data
                  name: other
                  properties: {input: x}
            """);
    assertThat(again.exit()).as(again.toString()).isZero();
    assertThat(parts.serverState("app.db").resources()).containsOnlyKeys("note", "other");
    assertThat(
            parts.serverState("app.db").resources().get("note").properties().path("input").asText())
        .isEqualTo("(sensitive)");
  }

  @Test
  void aSecretPropertyTheServerAnswersMaskedIsNeverOverwrittenWithItsMask() throws Exception {
    Processes.Run again =
        applyThenAdd(
            """
                - type: opnsense:security:user
                  name: ops
                  properties: {password: "Str0ng-and-long-pass"}
            """,
            """
                - type: opnsense:service:haproxy:server
                  name: web-2
                  properties: {address: 10.9.0.8, port: 8080}
            """);
    // the second run restates the untouched user with the password its file gives, not the mask
    assertThat(again.exit()).as(again.toString()).isZero();
    assertThat(again.stdout() + again.stderr()).doesNotContain("Str0ng-and-long-pass");
    assertThat(parts.haproxy("Servers")).containsKey("web-2");
    assertThat(parts.user("ops").path("password").asText())
        .isEqualTo(io.mcpiac.opnsense.emulator.api.ApiKeys.hash("Str0ng-and-long-pass"));
  }
}
