package io.mcpiac.opnsense.emulator.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.opnsense.emulator.api.ApiCall;
import io.mcpiac.opnsense.emulator.api.ApiResponse;
import io.mcpiac.opnsense.emulator.api.CrudActions;
import io.mcpiac.opnsense.emulator.api.EmulatorCore;
import io.mcpiac.opnsense.emulator.api.ResourceDef;
import io.mcpiac.opnsense.emulator.api.RouteTable;
import io.mcpiac.opnsense.emulator.api.UserException;
import io.mcpiac.opnsense.emulator.config.ConfigStore.Outcome;
import io.mcpiac.opnsense.emulator.messages.Message;
import java.util.Map;

/**
 * The 25.7+ rule helpers of {@code FilterController}: {@code toggleRuleLog}, {@code moveRuleBefore}
 * and {@code getRule?fetchmode=copy} (a copy gets the next free sequence).
 */
final class RuleOrderEndpoints {
  private final EmulatorCore core;
  private final CrudActions crud;

  RuleOrderEndpoints(EmulatorCore core, CrudActions crud) {
    this.core = core;
    this.crud = crud;
  }

  void register(RouteTable.Controller c, ResourceDef rules) {
    c.action("getRule", 0, call -> get(call, rules));
    c.action("toggleRuleLog", 2, call -> toggleLog(call, rules));
    c.action("moveRuleBefore", 2, call -> move(call, rules));
  }

  private ApiResponse get(ApiCall call, ResourceDef rules) {
    ApiResponse plain = crud.get(call, rules, call.param(0));
    if (!"copy".equals(call.requestParam("fetchmode")) || call.param(0) == null) {
      return plain;
    }
    try {
      JsonNode answer = io.mcpiac.opnsense.emulator.api.PhpJson.MAPPER.readTree(plain.body());
      if (answer.path("rule") instanceof ObjectNode rule) {
        String next =
            core.store()
                .read(
                    config ->
                        rules
                            .model()
                            .field("sequence")
                            .initialValue(core.context(config, rules.collection(), null)));
        rule.put("sequence", next);
        return ApiResponse.ok(answer);
      }
      return plain;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private ApiResponse toggleLog(ApiCall call, ResourceDef rules) {
    if (!call.isPost()) {
      return ApiResponse.single("status", "failed");
    }
    String log = "1".equals(call.param(1)) ? "1" : "0";
    return ApiResponse.ok(
        core.store()
            .write(
                call.revisionUser(),
                call.revisionDescription(),
                config -> {
                  ObjectNode rule = config.item(rules.collection(), call.param(0));
                  if (rule == null) {
                    throw new UserException(Message.RULE_NOT_FOUND.text(), "");
                  }
                  core.checkWritable(call);
                  rule.put("log", log);
                  return Outcome.saved(ApiResponse.obj().put("status", "ok"));
                }));
  }

  /** Gives the rule the target's sequence and shifts the target and everything after it by one. */
  private ApiResponse move(ApiCall call, ResourceDef rules) {
    if (!call.isPost()) {
      return ApiResponse.single("status", "failed");
    }
    return ApiResponse.ok(
        core.store()
            .write(
                call.revisionUser(),
                call.revisionDescription(),
                config -> {
                  ObjectNode moved = config.item(rules.collection(), call.param(0));
                  ObjectNode target = config.item(rules.collection(), call.param(1));
                  if (moved == null || target == null || moved == target) {
                    throw new UserException(Message.RULE_MOVE_FOREIGN.text(), "");
                  }
                  core.checkWritable(call);
                  long at = Long.parseLong(target.path("sequence").asText("1"));
                  for (Map.Entry<String, JsonNode> e : config.items(rules.collection())) {
                    ObjectNode r = (ObjectNode) e.getValue();
                    long seq = Long.parseLong(r.path("sequence").asText("0"));
                    if (r != moved && seq >= at) {
                      r.put("sequence", String.valueOf(seq + 1));
                    }
                  }
                  moved.put("sequence", String.valueOf(at));
                  return Outcome.saved(ApiResponse.obj().put("status", "ok"));
                }));
  }
}
