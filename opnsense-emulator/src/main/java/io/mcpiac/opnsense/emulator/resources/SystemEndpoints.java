package io.mcpiac.opnsense.emulator.resources;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.opnsense.emulator.api.ApiResponse;
import io.mcpiac.opnsense.emulator.api.EmulatorCore;
import io.mcpiac.opnsense.emulator.api.RouteTable;
import io.mcpiac.opnsense.emulator.model.SystemEnvironment;

/** The cheap health and version probes of contract 3.3. */
final class SystemEndpoints {
  private final EmulatorCore core;

  SystemEndpoints(EmulatorCore core) {
    this.core = core;
  }

  void register(RouteTable table) {
    table
        .controller("core", "Firmware")
        .action("status", 0, call -> ApiResponse.ok(firmwareStatus()))
        .action("info", 0, call -> ApiResponse.ok(firmwareInfo()))
        .action("running", 0, call -> ApiResponse.single("status", "ready"));
    table
        .controller("diagnostics", "System")
        .action("systemInformation", 0, call -> ApiResponse.ok(systemInformation()));
    table.controller("core", "System").action("status", 0, call -> ApiResponse.ok(systemStatus()));
  }

  private ObjectNode product() {
    ObjectNode p = ApiResponse.obj();
    p.put("product_abi", core.version().series());
    p.put("product_arch", "amd64");
    p.put("product_copyright_owner", "Deciso B.V.");
    p.put("product_email", "project@opnsense.org");
    p.put("product_hash", "emulated");
    p.put("product_id", "opnsense");
    p.put("product_name", "OPNsense");
    p.put("product_nickname", "emulator");
    p.put("product_series", core.version().series());
    p.put("product_version", core.version().productVersion());
    p.put("product_website", "https://opnsense.org/");
    return p;
  }

  private ObjectNode firmwareStatus() {
    ObjectNode o = ApiResponse.obj();
    o.set("product", product());
    o.put(
        "status_msg",
        "Firmware status requires to check for update first to provide more information.");
    o.put("status", "none");
    return o;
  }

  private ObjectNode firmwareInfo() {
    ObjectNode o = ApiResponse.obj();
    o.put("product_id", "opnsense");
    o.put("product_version", core.version().productVersion());
    ArrayNode packages = o.putArray("package");
    packages
        .addObject()
        .put("name", "opnsense")
        .put("version", core.version().productVersion())
        .put("installed", "1");
    ArrayNode plugins = o.putArray("plugin");
    plugins.addObject().put("name", "os-haproxy").put("version", "5.1").put("installed", "1");
    o.putArray("changelog");
    o.set("product", product());
    return o;
  }

  private ObjectNode systemInformation() {
    ObjectNode o = ApiResponse.obj();
    o.put("name", SystemEnvironment.HOSTNAME);
    ArrayNode v = o.putArray("versions");
    v.add("OPNsense " + core.version().productVersion() + "-amd64");
    v.add("FreeBSD 14.3-RELEASE-p2");
    v.add("OpenSSL 3.0.17 1 Jul 2025");
    o.put("updates", "Click to check for updates.");
    return o;
  }

  private ObjectNode systemStatus() {
    ObjectNode o = ApiResponse.obj();
    ObjectNode sys = o.putObject("metadata").putObject("system");
    sys.put("status", "OK");
    sys.put("message", "No pending messages");
    sys.put("title", "System");
    o.putObject("subsystems");
    return o;
  }
}
