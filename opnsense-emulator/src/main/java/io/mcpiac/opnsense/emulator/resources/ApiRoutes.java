package io.mcpiac.opnsense.emulator.resources;

import io.mcpiac.opnsense.emulator.api.ApiResponse;
import io.mcpiac.opnsense.emulator.api.CrudRoutes.Names;
import io.mcpiac.opnsense.emulator.api.EmulatorCore;
import io.mcpiac.opnsense.emulator.api.ModelGet;
import io.mcpiac.opnsense.emulator.api.ResourceDef;
import io.mcpiac.opnsense.emulator.api.RouteTable;
import io.mcpiac.opnsense.emulator.config.Subsystem;
import io.mcpiac.opnsense.emulator.model.Collections;
import io.mcpiac.opnsense.emulator.model.ItemModel;

/**
 * The routing table of a version profile: every controller and action the emulator serves, with the
 * resources' models loaded from the contract's tables. The firewall's and the services' routes are
 * in {@link FirewallRoutes} and {@link ServiceRoutes}.
 */
public final class ApiRoutes {
  private final RouteKit kit;
  private final SavepointTimer timer;

  public ApiRoutes(EmulatorCore core, SavepointTimer timer) {
    this.kit = new RouteKit(core);
    this.timer = timer;
  }

  /** An API key created through {@code addApiKey}, or null. */
  public static io.mcpiac.opnsense.emulator.api.ApiUser configuredKey(
      io.mcpiac.opnsense.emulator.config.Config config, String key) {
    return UserHooks.findKey(config, key);
  }

  public SavepointTimer timer() {
    return timer;
  }

  public RouteTable build() {
    RouteTable t = new RouteTable();
    new SystemEndpoints(kit.core()).register(t);
    t.controller("core", "Service").action("search", 0, call -> coreServices());
    FirewallRoutes firewall = new FirewallRoutes(kit, timer);
    firewall.registerRulesAndNat(t);
    interfaces(t);
    new ServiceRoutes(kit).register(t);
    trust(t);
    users(t);
    firewall.registerFilterModelGets(t);
    return t;
  }

  private void interfaces(RouteTable t) {
    ResourceDef vlans =
        new ResourceDef(Collections.VLANS, "vlan", kit.load("vlan.md", "vlan"), "vlan")
            .hooks(new VlanHooks())
            .defaultSort("vlanif");
    RouteTable.Controller v = t.controller("interfaces", "VlanSettings");
    kit.crud().register(v, vlans, Names.of("Item").withoutToggle());
    new ModelGet(kit.core(), "vlan").list("vlan", vlans).register(v);
    kit.reconfigure(v, Subsystem.VLANS);

    if (kit.version().hasAssignmentApi()) {
      ResourceDef assignment =
          new ResourceDef(
                  Collections.INTERFACES,
                  "interface",
                  kit.load("assignment.md", "interface"),
                  "interface")
              .hooks(new AssignmentHooks())
              .keyedBy(AssignmentHooks::nextOpt)
              .defaultSort("identifier");
      RouteTable.Controller a = t.controller("interfaces", "Assignment");
      kit.crud().register(a, assignment, Names.of("Item").withoutToggle());
      new ModelGet(kit.core(), "interface").list("interface", assignment).register(a);
      kit.reconfigure(a, Subsystem.INTERFACES);
    }
  }

  private void trust(RouteTable t) {
    ItemModel model = kit.load("cert.md", "cert");
    // caref names a certificate authority (Type=ca), not a certificate
    model.replace(
        new io.mcpiac.opnsense.emulator.fields.DynamicOptionField(
                "caref", c -> c.certificates("ca"))
            .blankDesc("self-signed"));
    ResourceDef certs =
        new ResourceDef(Collections.CERTS, "cert", model, "cert")
            .hooks(new CertHooks())
            .defaultSort("descr");
    RouteTable.Controller c = t.controller("trust", "Cert");
    kit.crud().register(c, certs, new Names("add", "get", "set", "del", null, "search"));
    c.action(
        "del",
        1,
        call ->
            call.isPost()
                ? kit.crud().crud().del(call, certs, call.param(0))
                : ApiResponse.single("status", "failed"));
  }

  private void users(RouteTable t) {
    ItemModel model = kit.load("user.md", "user");
    // memberships are kept with the user here (OPNsense stores them on the groups)
    model.field("group_memberships").setVolatile(false);
    ResourceDef users =
        new ResourceDef(Collections.USERS, "user", model, "user")
            .hooks(new UserHooks())
            .defaultSort("name");
    RouteTable.Controller c = t.controller("auth", "User");
    kit.crud().register(c, users, new Names("add", "get", "set", "del", null, "search"));
    new ApiKeyEndpoints(kit.core()).register(c);
  }

  /** {@code /api/kit.core()/service/search}: the services and whether they run. */
  private ApiResponse coreServices() {
    return kit.core()
        .store()
        .read(
            config -> {
              com.fasterxml.jackson.databind.node.ArrayNode rows =
                  io.mcpiac.opnsense.emulator.api.PhpJsonNodes.array();
              boolean haproxy =
                  "1".equals(config.settings("haproxy").path("general").path("enabled").asText());
              boolean kea =
                  "1".equals(config.settings("dhcpv4").path("general").path("enabled").asText());
              boolean dnsmasq = "1".equals(config.settings("dnsmasq").path("enable").asText());
              Object[][] services = {
                {"configd", "System Configuration Daemon", true, true},
                {"haproxy", "HAProxy Load Balancer", haproxy, false},
                {"kea-dhcpv4", "Kea DHCPv4 server", kea, false},
                {"dnsmasq", "Dnsmasq DNS/DHCP", dnsmasq, false},
                {"pf", "Packet Filter", true, true},
                {"unbound", "Unbound DNS", true, false}
              };
              for (Object[] s : services) {
                rows.addObject()
                    .put("id", (String) s[0])
                    .put("locked", (Boolean) s[3] ? 1 : 0)
                    .put("running", (Boolean) s[2] ? 1 : 0)
                    .put("description", (String) s[1])
                    .put("name", (String) s[0]);
              }
              com.fasterxml.jackson.databind.node.ObjectNode out = ApiResponse.obj();
              out.set("rows", rows);
              out.put("rowCount", rows.size());
              out.put("total", rows.size());
              out.put("current", 1);
              return ApiResponse.ok(out);
            });
  }
}
