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
import io.mcpiac.opnsense.emulator.model.Collections;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

  /**
   * The move endpoint alone, for the NAT controllers (26.1+), whose rules form one group: their
   * sequence order.
   */
  void registerMove(RouteTable.Controller c, ResourceDef rules) {
    c.action("moveRuleBefore", 2, call -> move(call, rules));
  }

  /**
   * {@code FilterBaseController::moveRuleBeforeBase} (and the filter's own, per priority group):
   * the moved rule takes the middle of the gap between the target and the rule before it; when that
   * gap is 2 or less there is no room, so the moved rule takes the predecessor's sequence + 50, the
   * target 50 more, and every later rule of the group that would now sort before its predecessor is
   * pushed to the predecessor's + 50. Rules outside the group keep theirs.
   */
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
                  var ctx = core.context(config, rules.collection(), null);
                  String group = groupOf(rules, target, ctx);
                  List<ObjectNode> ordered = new ArrayList<>();
                  for (Map.Entry<String, JsonNode> e : config.items(rules.collection())) {
                    ObjectNode r = (ObjectNode) e.getValue();
                    if (group.equals(groupOf(rules, r, ctx))) {
                      ordered.add(r);
                    }
                  }
                  ordered.sort(Comparator.comparingLong(RuleOrderEndpoints::sequence));
                  Long placed = null;
                  ObjectNode prev = null;
                  for (ObjectNode r : ordered) {
                    if (r == target) {
                      long base = prev == null ? 1 : sequence(prev);
                      long gap = sequence(r) - base;
                      if (gap > 2) {
                        placed = base + gap / 2;
                        break;
                      }
                      placed = prev == null ? 1 : base + STEP;
                      r.put("sequence", String.valueOf(placed + STEP));
                    } else if (placed != null && sequence(r) < sequence(prev)) {
                      r.put("sequence", String.valueOf(sequence(prev) + STEP));
                    }
                    prev = r;
                  }
                  if (placed != null) {
                    moved.put("sequence", String.valueOf(placed));
                  }
                  return Outcome.saved(ApiResponse.obj().put("status", "ok"));
                }));
  }

  private static final long STEP = 50;

  /** Filter rules move within their priority group (floating, group, interface); NAT rules all. */
  private static String groupOf(
      ResourceDef rules, ObjectNode rule, io.mcpiac.opnsense.emulator.model.ModelContext ctx) {
    if (!Collections.FILTER_RULES.equals(rules.collection())) {
      return "";
    }
    return FilterRuleHooks.prioGroup(rule.path("interface").asText(""), ctx);
  }

  private static long sequence(ObjectNode rule) {
    try {
      return Long.parseLong(rule.path("sequence").asText("0").trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
