package io.mcpiac.mcp.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.errors.ErrorKind;
import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.execution.ResultJson;
import io.mcpiac.mcp.envelope.Reply;
import io.mcpiac.mcp.envelope.ToolFailure;
import io.mcpiac.mcp.jobs.EventLines;

/** An execution result as the tool's answer: success, or a failure envelope with the result. */
final class Runs {
  private Runs() {}

  static Reply reply(ExecutionResult r) {
    ObjectNode data = ResultJson.of(r);
    String text = EventLines.result(r);
    if (r.success()) {
      return new Reply(data, text);
    }
    ErrorKind kind = r.cancelled() ? ErrorKind.CANCELLED : ErrorKind.PROVIDER_FAILURE;
    throw new ToolFailure(Failures.code(kind), text, data);
  }
}
