package io.mcpiac.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.cli.ExitCodes;
import io.mcpiac.cli.OutputOptions;
import io.mcpiac.cli.StateOptions;
import io.mcpiac.engine.checkpoints.StateDiff;
import io.mcpiac.engine.errors.NotFoundException;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.PropertyChange;
import io.mcpiac.engine.resources.Values;
import io.mcpiac.engine.states.Checkpoint;
import io.mcpiac.engine.states.DeploymentState;
import io.mcpiac.engine.states.ResourceRecord;
import io.mcpiac.engine.states.StateStore;
import java.util.Collection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code checkpoint diff ID [ID2]}: what changed between a checkpoint and another, or now. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Show what differs between checkpoint ID and checkpoint ID2, or the current state when ID2"
          + " is not given: resources added, removed and changed, property by property.",
      "Compares recorded state (no live read); secrets compare as digests and show as"
          + " (sensitive)."
    })
public final class CheckpointDiffCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "ID", description = "The older checkpoint.")
  String id;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "ID2",
      description = "The newer checkpoint (default: the current state).")
  String id2;

  @Mixin StateOptions state;
  @Mixin OutputOptions output;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    Checkpoint from;
    Collection<ResourceRecord> after;
    String afterLabel;
    try (StateStore store = state.openExisting()) {
      from = find(store, id);
      if (id2 != null) {
        Checkpoint to = find(store, id2);
        if (!to.deployment().equals(from.deployment())) {
          throw new io.mcpiac.cli.UsageException(
              id + " and " + id2 + " belong to different deployments");
        }
        after = to.resources();
        afterLabel = id2 + " (version " + to.version() + ")";
      } else {
        DeploymentState now =
            store.load(from.deployment()).orElse(DeploymentState.empty(from.deployment()));
        after = now.resources().values();
        afterLabel = "the current state (version " + now.version() + ")";
      }
    }
    StateDiff diff = StateDiff.between(from.resources(), after);
    if (output.json()) {
      ObjectNode json = Json.object();
      json.put("deployment", from.deployment());
      json.put("from", id);
      json.put("to", id2);
      json.set("resources", Json.MAPPER.valueToTree(diff.entries()));
      out.println(Json.pretty(json));
      return ExitCodes.OK;
    }
    out.println(
        "'"
            + from.deployment()
            + "': checkpoint "
            + id
            + " (version "
            + from.version()
            + ") → "
            + afterLabel);
    if (diff.entries().isEmpty()) {
      out.println("No differences.");
      return ExitCodes.OK;
    }
    for (StateDiff.Entry e : diff.entries()) {
      String sign =
          switch (e.kind()) {
            case "added" -> "+";
            case "removed" -> "-";
            default -> "~";
          };
      out.println("  " + sign + " " + e.type() + " " + e.name());
      if (e.kind().equals("changed")) {
        for (PropertyChange c : e.changes()) {
          out.println(
              "      "
                  + c.path()
                  + ": "
                  + Values.display(c.before())
                  + " → "
                  + Values.display(c.after()));
        }
      }
    }
    out.println(
        diff.count("added")
            + " added, "
            + diff.count("changed")
            + " changed, "
            + diff.count("removed")
            + " removed.");
    return ExitCodes.OK;
  }

  private static Checkpoint find(StateStore store, String id) {
    return store
        .checkpoint(id)
        .orElseThrow(() -> new NotFoundException("checkpoint '" + id + "' not found"));
  }
}
