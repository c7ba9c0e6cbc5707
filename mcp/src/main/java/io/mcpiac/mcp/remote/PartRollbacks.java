package io.mcpiac.mcp.remote;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.ProviderException;
import io.mcpiac.mcp.protocol.ToolArguments;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rolling one server's part back to the snapshot taken before a batch: each batch once, however
 * many of its changes the engine undoes, and every rollback remembered for the result. Callers hold
 * the {@link SubDeployment}'s lock.
 */
final class PartRollbacks {
  private static final Logger LOG = LoggerFactory.getLogger(PartRollbacks.class);

  private final RemoteServer server;
  private final StandardToolsClient tools;
  private final String part;
  private final Set<UndoToken> rolledBack = new HashSet<>();
  private final List<ServerRollback> done = new ArrayList<>();

  PartRollbacks(RemoteServer server, StandardToolsClient tools, String part) {
    this.server = server;
    this.tools = tools;
    this.part = part;
  }

  List<ServerRollback> all() {
    return List.copyOf(done);
  }

  /** Undoes the batch a token belongs to, once; later undos of the same batch are already done. */
  ChangeResult undo(UndoToken token, Change c) {
    if (token.kind() == UndoToken.Kind.NOTHING || rolledBack.contains(token)) {
      return ChangeResult.ok(c.name(), c.id(), Json.object());
    }
    try {
      JsonNode result = restore(token);
      rolledBack.add(token);
      done.add(new ServerRollback(server.name(), token.describe(), result, null));
      LOG.info("{}: rolled back to {}", server.spec().describe(), token.describe());
      return ChangeResult.ok(c.name(), c.id(), Json.object());
    } catch (ProviderException e) {
      done.add(new ServerRollback(server.name(), token.describe(), null, e.getMessage()));
      return ChangeResult.failed(c.name(), e.getMessage());
    }
  }

  /**
   * Puts back what a batch whose answer was lost may have done; the text to add to the batch's
   * error.
   */
  String afterLostBatch(UndoToken token) {
    try {
      restore(token);
      rolledBack.add(token);
      done.add(new ServerRollback(server.name(), token.describe(), null, null));
      return "; its part of this batch was rolled back to " + token.describe();
    } catch (ProviderException e) {
      done.add(new ServerRollback(server.name(), token.describe(), null, e.getMessage()));
      return "; its part may be half-applied (a later apply converges): " + e.getMessage();
    }
  }

  private JsonNode restore(UndoToken token) {
    Answered<JsonNode> a;
    if (token.kind() == UndoToken.Kind.DESTROY_PART) {
      a = tools.destroy(new ToolArguments.Destroy(part, true));
      if (!a.success() && a.notFound()) {
        return Json.object();
      }
    } else {
      a = tools.rollback(new ToolArguments.RollbackToSnapshot(token.value(), true));
    }
    if (!a.success()) {
      throw new ProviderException(
          server.spec().describe()
              + " could not roll back to "
              + token.describe()
              + ": "
              + a.errorMessage());
    }
    return a.value();
  }
}
