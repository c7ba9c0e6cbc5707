package io.mcpiac.opnsense.emulator.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.opnsense.emulator.api.ApiCall;
import io.mcpiac.opnsense.emulator.api.ApiResponse;
import io.mcpiac.opnsense.emulator.api.EmulatorCore;
import io.mcpiac.opnsense.emulator.api.PhpJsonNodes;
import io.mcpiac.opnsense.emulator.api.RouteTable;
import io.mcpiac.opnsense.emulator.config.Config;
import io.mcpiac.opnsense.emulator.config.Subsystem;
import java.util.function.Predicate;

/**
 * {@code ApiMutableServiceControllerBase} (1.13): {@code /api/<module>/service/{reconfigure,
 * status,start,stop,restart}}; reconfigure makes the subsystem's pending configuration live.
 */
final class ServiceEndpoints {
  private final EmulatorCore core;

  ServiceEndpoints(EmulatorCore core) {
    this.core = core;
  }

  void register(RouteTable.Controller c, Subsystem subsystem, Predicate<Config> enabled) {
    c.action(
        "reconfigure",
        0,
        call -> {
          if (!call.isPost()) {
            return ApiResponse.single("status", "failed");
          }
          core.apply(subsystem);
          return ApiResponse.single("status", "ok");
        });
    c.action("status", 0, call -> status(enabled));
    for (String verb : new String[] {"start", "stop", "restart"}) {
      c.action(verb, 0, call -> control(call));
    }
  }

  private ApiResponse status(Predicate<Config> enabled) {
    boolean on = core.store().read(enabled::test);
    ObjectNode out = ApiResponse.obj().put("status", on ? "running" : "disabled");
    out.putObject("widget")
        .put("caption_restart", "Restart")
        .put("caption_start", "Start")
        .put("caption_stop", "Stop");
    return ApiResponse.ok(out);
  }

  private static ApiResponse control(ApiCall call) {
    if (!call.isPost()) {
      ObjectNode o = ApiResponse.obj();
      o.set("response", PhpJsonNodes.array());
      return ApiResponse.ok(o);
    }
    return ApiResponse.single("response", "OK");
  }
}
