package io.mcpiac.mcp.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.json.Json;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The seed's execution options as the {@code options} argument of the tools that change things,
 * read by the server and written by the orchestrator's client. Only what differs from the defaults
 * is written, so an older server reads the same options.
 */
public final class OptionsCodec {
  static final String PARALLELISM = "parallelism";
  static final String CONTINUE_ON_ERROR = "continueOnError";
  static final String ROLLBACK_ON_FAILURE = "rollbackOnFailure";
  static final String ACCEPT_RISKS = "acceptRisks";

  private OptionsCodec() {}

  public static ExecutionOptions decode(JsonNode o) {
    ExecutionOptions d = ExecutionOptions.DEFAULTS;
    int parallelism = o.path(PARALLELISM).asInt(d.parallelism());
    boolean continueOnError = o.path(CONTINUE_ON_ERROR).asBoolean(d.continueOnError());
    boolean rollback = o.path(ROLLBACK_ON_FAILURE).asBoolean(d.rollbackOnFailure());
    Set<String> risks = new LinkedHashSet<>();
    o.path(ACCEPT_RISKS).forEach(r -> risks.add(r.asText()));
    return new ExecutionOptions(Math.max(1, parallelism), continueOnError, rollback, risks);
  }

  public static ObjectNode encode(ExecutionOptions options) {
    ExecutionOptions d = ExecutionOptions.DEFAULTS;
    ObjectNode o = Json.object();
    if (options.parallelism() != d.parallelism()) {
      o.put(PARALLELISM, options.parallelism());
    }
    if (options.continueOnError() != d.continueOnError()) {
      o.put(CONTINUE_ON_ERROR, options.continueOnError());
    }
    if (options.rollbackOnFailure() != d.rollbackOnFailure()) {
      o.put(ROLLBACK_ON_FAILURE, options.rollbackOnFailure());
    }
    if (!options.acceptedRisks().isEmpty()) {
      options.acceptedRisks().stream().sorted().forEach(o.putArray(ACCEPT_RISKS)::add);
    }
    return o;
  }
}
