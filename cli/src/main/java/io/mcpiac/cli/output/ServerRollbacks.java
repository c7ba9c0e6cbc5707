package io.mcpiac.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.mcp.remote.ServerRollback;
import io.mcpiac.mcp.remote.SubDeployment;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** What each provider server undid when the orchestrator rolled it back to its snapshots. */
public final class ServerRollbacks {
  private ServerRollbacks() {}

  public static List<ServerRollback> of(List<SubDeployment> parts) {
    List<ServerRollback> out = new ArrayList<>();
    parts.forEach(p -> out.addAll(p.rollbacks()));
    return out;
  }

  public static void print(List<ServerRollback> rollbacks, PrintWriter out) {
    for (ServerRollback r : rollbacks) {
      out.println(
          "  server '"
              + r.server()
              + "' "
              + (r.success()
                  ? "rolled back to " + r.snapshotId() + ": " + String.join(", ", undone(r))
                  : "could not be rolled back to " + r.snapshotId() + ": " + r.error()));
    }
  }

  public static ArrayNode json(List<ServerRollback> rollbacks) {
    ArrayNode list = Json.MAPPER.createArrayNode();
    for (ServerRollback r : rollbacks) {
      ObjectNode node = list.addObject();
      node.put("server", r.server());
      node.put("snapshotId", r.snapshotId());
      node.put("success", r.success());
      if (r.error() != null) {
        node.put("error", r.error());
      }
      node.set("undone", Json.MAPPER.valueToTree(undone(r)));
    }
    return list;
  }

  /** "delete web-2" for each change the server made to get back to the snapshot. */
  static List<String> undone(ServerRollback r) {
    List<String> out = new ArrayList<>();
    if (r.result() != null) {
      for (JsonNode a : r.result().path("results")) {
        if ("complete".equals(a.path("status").asText())) {
          out.add(a.path("action").asText() + " " + a.path("resource").asText());
        }
      }
    }
    if (out.isEmpty()) {
      out.add("nothing left to undo");
    }
    return out;
  }
}
