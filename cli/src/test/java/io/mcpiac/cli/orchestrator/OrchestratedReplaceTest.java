package io.mcpiac.cli.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.states.JournalEntry;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A replacement of a remote type that is create-before-destroy ({@code core:data}) keeps that order
 * through the orchestrator: the new object exists before the old one goes, on the orchestrator's
 * journal and on the server that owns it, and the server ends with the new object (the
 * orchestrator's delete of the old one must not remove the new one of the same name).
 */
class OrchestratedReplaceTest extends OrchestratedParts {
  static String deployment(String input, int trigger, String extra) {
    return web(
        """
            - type: core:data
              name: app-1
              properties: {input: "%s", triggersReplace: %d}
        %s"""
            .formatted(input, trigger, extra));
  }

  @Test
  void aCreateBeforeDestroyRemoteTypeIsReplacedNewFirstThenOld() throws Exception {
    Path file = parts.file("web.yaml", deployment("a", 1, ""));
    Processes.Run first = parts.orchestrate("apply", "-f", file.toString(), "--yes", "--json");
    assertThat(first.exit()).as(first.toString()).isZero();
    String oldId = parts.serverState("app.db").resources().get("app-1").id();
    long serverVersion = parts.serverState("app.db").version();
    long mineVersion = parts.orchestratorState("web").version();

    Path replaced = parts.file("web.yaml", deployment("b", 2, ""));
    Processes.Run again = parts.orchestrate("apply", "-f", replaced.toString(), "--yes", "--json");
    assertThat(again.exit()).as(again.toString()).isZero();

    // the orchestrator created the new object before it deleted the old one
    assertThat(kinds("orch.db", "web", mineVersion, "app-1"))
        .containsExactly(Change.Kind.CREATE, Change.Kind.DELETE);
    // so did the server that owns it, and it kept the new object
    assertThat(kinds("app.db", FirewallAndAppServers.SUB, serverVersion, "app-1"))
        .containsExactly(Change.Kind.CREATE, Change.Kind.DELETE);
    var now = parts.serverState("app.db").resources().get("app-1");
    assertThat(now).isNotNull();
    assertThat(now.properties().path("input").asText()).isEqualTo("b");
    assertThat(now.id()).isNotEqualTo(oldId);
    assertThat(parts.orchestratorState("web").resources().get("app-1").id()).isEqualTo(now.id());

    Processes.Run plan =
        parts.orchestrate("plan", "-f", replaced.toString(), "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.toString()).isZero();
  }

  @Test
  void aFailureAfterTheReplacementPutsTheOldObjectBackOnTheServer() throws Exception {
    Path file = parts.file("web.yaml", deployment("a", 1, ""));
    assertThat(parts.orchestrate("apply", "-f", file.toString(), "--yes").exit()).isZero();

    Path failing =
        parts.file(
            "failing.yaml",
            deployment(
                "b",
                2,
                """
                    - type: core:data
                      name: boom
                      properties: {input: x, failOnCreate: true}
                      dependsOn: [app-1]
                """));
    Processes.Run run = parts.orchestrate("apply", "-f", failing.toString(), "--yes", "--json");
    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.json().path("rolledBack").asBoolean()).as(run.toString()).isTrue();

    var back = parts.serverState("app.db").resources();
    assertThat(back).containsOnlyKeys("app-1");
    assertThat(back.get("app-1").properties().path("input").asText()).isEqualTo("a");
    Processes.Run plan = parts.orchestrate("plan", "-f", file.toString(), "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.toString()).isZero();
  }

  /** The kinds of the journalled apply calls of one resource after {@code since}, oldest first. */
  private List<Change.Kind> kinds(String db, String deployment, long since, String resource) {
    List<Change.Kind> out = new ArrayList<>();
    try (StateStore s = StateStores.open("sqlite:" + dir.resolve(db))) {
      long last = s.version(deployment);
      for (long v = since + 1; v <= last; v++) {
        for (JournalEntry e : s.journal(deployment, v)) {
          if (resource.equals(e.resource()) && e.phase() == JournalEntry.Phase.APPLY) {
            out.add(e.kind());
          }
        }
      }
    }
    return out;
  }
}
