package io.mcpiac.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.cli.ExitCodes;
import io.mcpiac.cli.StateOptions;
import io.mcpiac.cli.Workspace;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.states.DeploymentState;
import io.mcpiac.engine.states.StateJson;
import java.io.PrintWriter;
import java.util.function.Function;

/**
 * The shape every command that edits recorded state shares (state rm, mv, rollback; checkpoint
 * create): the edit under the deployment's lock, then the result as JSON or as sentences.
 */
final class StateEditReport {
  private StateEditReport() {}

  /** Edits {@code name}'s state through the engine (which locks) and reports the new state. */
  static int edit(
      StateOptions state,
      boolean json,
      PrintWriter out,
      String name,
      Function<Engine, DeploymentState> edit,
      Function<DeploymentState, String> said) {
    try (Workspace ws = Workspace.forState(state, StateFiles.existing(state, name))) {
      DeploymentState after = edit.apply(ws.engine());
      return print(out, json, StateJson.of(after), said.apply(after));
    }
  }

  /** {@code asJson} under {@code --json}, else {@code text}; exit 0. */
  static int print(PrintWriter out, boolean json, JsonNode asJson, String text) {
    out.println(json ? Json.pretty(asJson) : text);
    return ExitCodes.OK;
  }
}
