package io.mcpiac.kubernetes.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * What a write waits for: the rollout (Deployments and StatefulSets by default), a condition that
 * must become True (a CRD's {@code Established} by default), both, or nothing ({@code wait:
 * false}); and for how long (default 300 s, Helm's {@code --timeout}).
 */
record WaitSpec(boolean rollout, String condition, Duration timeout) {
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(300);

  static final String SCHEMA =
      """
      {"description": "wait after a write: false, or {rollout, condition, timeoutSeconds}",
       "anyOf": [{"type": "boolean"},
                 {"type": "object", "additionalProperties": false,
                  "properties": {"rollout": {"type": "boolean"},
                                 "condition": {"type": "string", "minLength": 1},
                                 "timeoutSeconds": {"type": "integer", "minimum": 1}}}]}""";

  /**
   * @param props the resource's properties ({@code wait} may be absent, a boolean or an object)
   * @param rollsByDefault whether the kind waits for a rollout unless told not to
   * @param defaultCondition the condition waited for unless told otherwise (null: none)
   */
  static WaitSpec of(ObjectNode props, boolean rollsByDefault, String defaultCondition) {
    JsonNode w = props == null ? null : props.get("wait");
    if (w != null && w.isBoolean() && !w.booleanValue()) {
      return new WaitSpec(false, null, DEFAULT_TIMEOUT);
    }
    if (w == null || !w.isObject()) {
      return new WaitSpec(rollsByDefault, defaultCondition, DEFAULT_TIMEOUT);
    }
    return new WaitSpec(
        w.path("rollout").asBoolean(rollsByDefault),
        w.hasNonNull("condition") ? w.get("condition").asText() : defaultCondition,
        w.hasNonNull("timeoutSeconds")
            ? Duration.ofSeconds(w.get("timeoutSeconds").asLong())
            : DEFAULT_TIMEOUT);
  }
}
