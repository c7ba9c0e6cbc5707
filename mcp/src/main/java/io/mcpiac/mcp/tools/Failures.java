package io.mcpiac.mcp.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.config.ConfigException;
import io.mcpiac.engine.dag.CycleException;
import io.mcpiac.engine.execution.RiskRefusedException;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.PlanStaleException;
import io.mcpiac.engine.providers.ProviderException;
import io.mcpiac.engine.providers.Risk;
import io.mcpiac.engine.states.LockedException;
import io.mcpiac.mcp.envelope.ErrorCode;
import io.mcpiac.mcp.envelope.ToolFailure;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Engine exceptions as envelope errors with stable codes; never a stack trace to the client. */
public final class Failures {
  private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

  private Failures() {}

  public static ToolFailure of(Throwable e) {
    if (e instanceof ToolFailure f) {
      return f;
    }
    if (e instanceof ConfigException c) {
      return DeploymentInput.invalid(c.diagnostics());
    }
    if (e instanceof PlanStaleException) {
      return new ToolFailure(ErrorCode.PLAN_STALE, e.getMessage());
    }
    if (e instanceof LockedException) {
      return new ToolFailure(ErrorCode.LOCKED, e.getMessage());
    }
    if (e instanceof RiskRefusedException r) {
      ObjectNode details = Json.object();
      for (Risk risk : r.risks()) {
        ObjectNode node = details.withArray("risks").addObject();
        node.put("code", risk.code());
        node.put("resource", risk.resource());
        node.put("message", risk.message());
      }
      return new ToolFailure(
          ErrorCode.RISK_REFUSED,
          e.getMessage() + "\nAccept a risk with options.acceptRisks: [\"<code>\"].",
          details);
    }
    if (e instanceof NoSuchElementException) {
      return new ToolFailure(ErrorCode.NOT_FOUND, e.getMessage());
    }
    if (e instanceof ProviderException) {
      return new ToolFailure(ErrorCode.PROVIDER_ERROR, e.getMessage());
    }
    if (e instanceof CycleException || e instanceof IllegalArgumentException) {
      return new ToolFailure(ErrorCode.VALIDATION_FAILED, e.getMessage());
    }
    LOG.error("internal error", e);
    return new ToolFailure(
        ErrorCode.INTERNAL,
        "internal error ("
            + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage())
            + "); the server's log has details");
  }
}
