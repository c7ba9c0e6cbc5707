package io.mcpiac.mcp.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.config.ConfigException;
import io.mcpiac.engine.errors.ErrorKind;
import io.mcpiac.engine.execution.RiskRefusedException;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Risk;
import io.mcpiac.mcp.envelope.ErrorCode;
import io.mcpiac.mcp.envelope.ToolFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where an exception becomes an envelope error: by its {@link ErrorKind}, never by
 * its class, so a bug of ours (an {@code IllegalArgumentException} or {@code NullPointerException}
 * that declares no kind) is INTERNAL and never VALIDATION_FAILED; never a stack trace to the
 * client.
 */
public final class Failures {
  private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

  private Failures() {}

  public static ToolFailure of(Throwable e) {
    if (e instanceof ToolFailure f) {
      return f;
    }
    ErrorKind kind = ErrorKind.of(e);
    return switch (kind) {
      case INVALID_INPUT ->
          e instanceof ConfigException c
              ? DeploymentInput.invalid(c.diagnostics())
              : new ToolFailure(ErrorCode.VALIDATION_FAILED, e.getMessage());
      case NOT_FOUND -> new ToolFailure(ErrorCode.NOT_FOUND, e.getMessage());
      case LOCKED -> new ToolFailure(ErrorCode.LOCKED, e.getMessage());
      case STALE_PLAN -> new ToolFailure(ErrorCode.PLAN_STALE, e.getMessage());
      case RISK_REFUSED -> riskRefused(e);
      case POLICY_VIOLATION -> policyViolation(e);
      case PROVIDER_FAILURE -> new ToolFailure(ErrorCode.PROVIDER_ERROR, e.getMessage());
      case CANCELLED -> new ToolFailure(ErrorCode.CANCELLED, e.getMessage());
      case STATE_DAMAGED, INTERNAL -> internal(e);
    };
  }

  /** The envelope code of a kind that is not an exception (a cancelled or failed run's result). */
  public static ErrorCode code(ErrorKind kind) {
    return switch (kind) {
      case INVALID_INPUT -> ErrorCode.VALIDATION_FAILED;
      case NOT_FOUND -> ErrorCode.NOT_FOUND;
      case LOCKED -> ErrorCode.LOCKED;
      case STALE_PLAN -> ErrorCode.PLAN_STALE;
      case RISK_REFUSED -> ErrorCode.RISK_REFUSED;
      case POLICY_VIOLATION -> ErrorCode.POLICY_VIOLATION;
      case PROVIDER_FAILURE -> ErrorCode.PROVIDER_ERROR;
      case CANCELLED -> ErrorCode.CANCELLED;
      case STATE_DAMAGED, INTERNAL -> ErrorCode.INTERNAL;
    };
  }

  private static ToolFailure riskRefused(Throwable e) {
    if (!(e instanceof RiskRefusedException r)) {
      return new ToolFailure(ErrorCode.RISK_REFUSED, e.getMessage());
    }
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

  /** Every violation in {@code details.violations}, with the same fields as the CLI's JSON. */
  private static ToolFailure policyViolation(Throwable e) {
    ObjectNode details = Json.object();
    if (e instanceof io.mcpiac.engine.policies.PolicyViolationException pv) {
      details.set("violations", Json.MAPPER.valueToTree(pv.violations()));
    }
    return new ToolFailure(
        ErrorCode.POLICY_VIOLATION,
        e.getMessage()
            + "\nFix each property named, or add policyExceptions: [{rule: ID, reason: ...}] to"
            + " the resource.",
        details);
  }

  private static ToolFailure internal(Throwable e) {
    LOG.error("internal error", e);
    return new ToolFailure(
        ErrorCode.INTERNAL,
        "internal error ("
            + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage())
            + "); the server's log has details");
  }
}
