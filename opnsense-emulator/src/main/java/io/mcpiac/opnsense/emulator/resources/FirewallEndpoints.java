package io.mcpiac.opnsense.emulator.resources;

import io.mcpiac.opnsense.emulator.api.ApiCall;
import io.mcpiac.opnsense.emulator.api.ApiResponse;
import io.mcpiac.opnsense.emulator.api.EmulatorCore;
import io.mcpiac.opnsense.emulator.api.RouteTable;
import io.mcpiac.opnsense.emulator.config.Revision;
import io.mcpiac.opnsense.emulator.config.Subsystem;

/**
 * {@code FilterBaseController}'s actions shared by the rule and NAT controllers: {@code apply} and,
 * on 26.1, the savepoint mechanism (contract 2.1.1).
 */
final class FirewallEndpoints {
  private final EmulatorCore core;
  private final SavepointTimer timer;

  FirewallEndpoints(EmulatorCore core, SavepointTimer timer) {
    this.core = core;
    this.timer = timer;
  }

  void register(RouteTable.Controller c) {
    register(c, true);
  }

  /**
   * {@code modelRollsBack}: false for port forwards, whose {@code DNat} model has no {@code
   * rollback()} — {@code revert} of an existing revision is then a PHP error (HTTP 500).
   */
  void register(RouteTable.Controller c, boolean modelRollsBack) {
    c.action("apply", 0, this::apply);
    if (core.version().hasSavepoints()) {
      c.action("savepoint", 0, this::savepoint);
      c.action("cancelRollback", 1, this::cancelRollback);
      c.action("revert", 1, call -> modelRollsBack ? revert(call) : revertWithoutRollback(call));
    }
  }

  private ApiResponse revertWithoutRollback(ApiCall call) {
    if (!call.isPost()) {
      return ApiResponse.single("status", "error");
    }
    if (timer.hasRevision(call.param(0))) {
      return ApiResponse.unexpected();
    }
    return ApiResponse.single("status", "unknown (or removed) savepoint");
  }

  /** {@code apply[/rev]}: starts the rollback timer (26.1) and reloads the firewall. */
  private ApiResponse apply(ApiCall call) {
    if (!call.isPost()) {
      return ApiResponse.single("status", "error");
    }
    String rev = call.param(0);
    if (rev != null && core.version().hasSavepoints()) {
      timer.start(rev);
    }
    core.apply(Subsystem.FILTER);
    return ApiResponse.single("status", "OK\n\n");
  }

  private ApiResponse savepoint(ApiCall call) {
    if (!call.isPost()) {
      return ApiResponse.single("status", "error");
    }
    Revision r = core.store().saveUnchanged(call.revisionUser(), call.revisionDescription());
    return ApiResponse.ok(
        ApiResponse.obj()
            .put("status", "ok")
            .put(
                "retention",
                String.valueOf(io.mcpiac.opnsense.emulator.config.ConfigStore.RETENTION))
            .put("revision", r.time()));
  }

  private ApiResponse cancelRollback(ApiCall call) {
    if (!call.isPost()) {
      return ApiResponse.single("status", "error");
    }
    // configd appends "\n\n" to the (empty) script output; a failing script yields ""
    return ApiResponse.single("status", timer.cancel(call.param(0)) ? "\n\n" : "");
  }

  private ApiResponse revert(ApiCall call) {
    if (!call.isPost()) {
      return ApiResponse.single("status", "error");
    }
    boolean ok = timer.rollback(call.param(0), call.revisionUser(), call.revisionDescription());
    return ApiResponse.single("status", ok ? "ok" : "unknown (or removed) savepoint");
  }
}
