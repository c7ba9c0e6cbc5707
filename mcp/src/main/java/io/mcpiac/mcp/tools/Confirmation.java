package io.mcpiac.mcp.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.ActionType;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlannedAction;
import io.mcpiac.mcp.envelope.ErrorCode;
import io.mcpiac.mcp.envelope.ToolFailure;
import io.mcpiac.mcp.protocol.Arguments;
import io.modelcontextprotocol.spec.McpSchema.ClientCapabilities;
import io.modelcontextprotocol.spec.McpSchema.ElicitRequest;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import java.util.List;
import java.util.Map;

/**
 * A plan that deletes or replaces real objects runs only when confirmed: by {@code confirm: true}
 * in the arguments, or by the user through elicitation when the client supports it. Otherwise the
 * call ends in CONFIRMATION_REQUIRED and nothing changes.
 */
public final class Confirmation {
  private static final Map<String, Object> CONFIRM_SCHEMA =
      Map.of(
          "type",
          "object",
          "properties",
          Map.of(
              "confirm",
              Map.of(
                  "type",
                  "boolean",
                  "title",
                  "Apply these deletions and replacements",
                  "description",
                  "true to go ahead")),
          "required",
          List.of("confirm"));

  private Confirmation() {}

  /** True when the plan may go ahead; throws CONFIRMATION_REQUIRED otherwise. */
  public static boolean require(ToolCall call, Plan plan) {
    List<String> deletes = names(plan, ActionType.DELETE);
    List<String> replaces = names(plan, ActionType.REPLACE);
    if (deletes.isEmpty() && replaces.isEmpty()) {
      return true;
    }
    if (call.bool(Arguments.CONFIRM, false)) {
      return true;
    }
    String question =
        "Deployment '"
            + plan.deploymentName()
            + "': "
            + plan.summary()
            + (deletes.isEmpty() ? "" : " Deletes: " + String.join(", ", deletes) + ".")
            + (replaces.isEmpty() ? "" : " Replaces: " + String.join(", ", replaces) + ".");
    ClientCapabilities caps = call.exchange().getClientCapabilities();
    if (caps != null && caps.elicitation() != null) {
      ElicitResult answer;
      try {
        answer =
            call.exchange()
                .createElicitation(
                    ElicitRequest.builder()
                        .message(question + " Go ahead?")
                        .requestedSchema(CONFIRM_SCHEMA)
                        .build());
      } catch (RuntimeException e) {
        throw refused(question + " The confirmation was not answered: " + e.getMessage(), plan);
      }
      if (answer.action() == ElicitResult.Action.ACCEPT
          && answer.content() != null
          && Boolean.TRUE.equals(answer.content().get("confirm"))) {
        return true;
      }
      throw refused(question + " The user did not confirm.", plan);
    }
    throw refused(
        question + " Nothing was changed; call again with \"confirm\": true to go ahead.", plan);
  }

  private static ToolFailure refused(String message, Plan plan) {
    ObjectNode details = Json.object();
    details.put("planId", plan.id());
    details.set("delete", Json.MAPPER.valueToTree(names(plan, ActionType.DELETE)));
    details.set("replace", Json.MAPPER.valueToTree(names(plan, ActionType.REPLACE)));
    return new ToolFailure(ErrorCode.CONFIRMATION_REQUIRED, message, details);
  }

  private static List<String> names(Plan plan, ActionType type) {
    return plan.actions().stream()
        .filter(a -> a.action() == type)
        .map(PlannedAction::name)
        .toList();
  }
}
