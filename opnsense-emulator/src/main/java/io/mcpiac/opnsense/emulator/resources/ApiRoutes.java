package io.mcpiac.opnsense.emulator.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.opnsense.emulator.VersionProfile;
import io.mcpiac.opnsense.emulator.api.ApiResponse;
import io.mcpiac.opnsense.emulator.api.CrudActions;
import io.mcpiac.opnsense.emulator.api.CrudRoutes;
import io.mcpiac.opnsense.emulator.api.CrudRoutes.Names;
import io.mcpiac.opnsense.emulator.api.EmulatorCore;
import io.mcpiac.opnsense.emulator.api.ModelGet;
import io.mcpiac.opnsense.emulator.api.ResourceDef;
import io.mcpiac.opnsense.emulator.api.RouteTable;
import io.mcpiac.opnsense.emulator.api.SearchAction;
import io.mcpiac.opnsense.emulator.api.SettingsActions;
import io.mcpiac.opnsense.emulator.config.Subsystem;
import io.mcpiac.opnsense.emulator.model.Collections;
import io.mcpiac.opnsense.emulator.model.ItemModel;
import io.mcpiac.opnsense.emulator.model.SystemEnvironment;
import java.util.List;

/**
 * The routing table of a version profile: every controller and action the emulator serves, with the
 * resources' models loaded from the contract's tables.
 */
public final class ApiRoutes {
  private final EmulatorCore core;
  private final SavepointTimer timer;
  private final CrudRoutes crud;
  private final FirewallEndpoints firewall;
  private final ServiceEndpoints services;
  private final SettingsActions settings;

  /** The lists of the Filter model, for its model-level get (served by four controllers). */
  private final java.util.Map<String, ResourceDef> filterLists = new java.util.LinkedHashMap<>();

  public ApiRoutes(EmulatorCore core, SavepointTimer timer) {
    this.core = core;
    this.timer = timer;
    this.crud = new CrudRoutes(new CrudActions(core), new SearchAction(core));
    this.firewall = new FirewallEndpoints(core, timer);
    this.services = new ServiceEndpoints(core);
    this.settings = new SettingsActions(core);
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
    new SystemEndpoints(core).register(t);
    t.controller("core", "Service").action("search", 0, call -> coreServices());
    firewallRules(t);
    aliases(t);
    categories(t);
    nat(t);
    interfaces(t);
    haproxy(t);
    unbound(t);
    kea(t);
    dnsmasq(t);
    trust(t);
    users(t);
    filterModelGets(t);
    return t;
  }

  /** A model table section as this profile's model. */
  private ItemModel load(String table, String section) {
    return io.mcpiac.opnsense.emulator.model.ModelVersions.load(table, section, core.version());
  }

  private VersionProfile version() {
    return core.version();
  }

  private void firewallRules(RouteTable t) {
    ItemModel model = load("filter_rules.md", "rules.rule");
    ResourceDef rules =
        new ResourceDef(Collections.FILTER_RULES, "rule", model, "rules.rule")
            .hooks(new FilterRuleHooks())
            .defaultSort("sequence")
            .recordsetSearch(VersionProfile::rulesUseRecordset);
    filterLists.put("rules.rule", rules);
    RouteTable.Controller c = t.controller("firewall", "Filter");
    crud.register(c, rules, Names.of("Rule"));
    new RuleOrderEndpoints(core, crud.crud()).register(c, rules);
    firewall.register(c);
  }

  private void aliases(RouteTable t) {
    ItemModel model = load("alias.md", "aliases.alias");
    ResourceDef aliases =
        new ResourceDef(Collections.ALIASES, "alias", model, "aliases.alias")
            .hooks(new AliasHooks(model))
            .defaultSort("name");
    RouteTable.Controller c = t.controller("firewall", "Alias");
    crud.register(c, aliases, Names.of("Item"));
    new ModelGet(core, "alias")
        .settings("geoip", "alias.geoip", load("alias.md", "geoip"))
        .list("aliases.alias", aliases)
        .adjust((out, ctx) -> AliasHooks.addBuiltins(out, model, ctx))
        .register(c);
    c.action(
        "getAliasUUID",
        1,
        call ->
            core.store()
                .read(
                    config -> {
                      for (var e : config.items(Collections.ALIASES)) {
                        if (e.getValue().path("name").asText().equals(call.param(0))) {
                          return ApiResponse.single("uuid", e.getKey());
                        }
                      }
                      return ApiResponse.ok(io.mcpiac.opnsense.emulator.api.PhpJsonNodes.array());
                    }));
    reconfigure(c, Subsystem.ALIASES);
  }

  private void categories(RouteTable t) {
    ItemModel model = load("category.md", "categories.category");
    ResourceDef categories =
        new ResourceDef(Collections.CATEGORIES, "category", model, "categories.category")
            .hooks(new CategoryHooks())
            .safeDelete()
            .defaultSort("name");
    RouteTable.Controller cc = t.controller("firewall", "Category");
    crud.register(cc, categories, Names.of("Item").withoutToggle());
    new ModelGet(core, "category").list("categories.category", categories).register(cc);
  }

  private void nat(RouteTable t) {
    ResourceDef dnat =
        new ResourceDef(Collections.DNAT, "rule", load("dnat.md", "rule"), "rule")
            .hooks(new NatHooks.PortForward())
            .toggleInverted("disabled")
            .defaultSort("sequence");
    RouteTable.Controller d = t.controller("firewall", "DNat");
    crud.register(d, dnat, Names.of("Rule"));
    new RuleOrderEndpoints(core, crud.crud()).registerMove(d, dnat);
    firewall.register(d, false);
    new ModelGet(core, "DNat").list("rule", dnat).register(d);

    ResourceDef snat =
        new ResourceDef(
                Collections.SNAT_RULES,
                "rule",
                load("filter_snat.md", "snatrules.rule"),
                "snatrules.rule")
            .hooks(new NatHooks.SourceNat())
            .defaultSort("sequence")
            .recordsetSearch(VersionProfile::hasSnatMode);
    filterLists.put("snatrules.rule", snat);
    RouteTable.Controller s = t.controller("firewall", "SourceNat");
    crud.register(s, snat, Names.of("Rule"));
    new RuleOrderEndpoints(core, crud.crud()).registerMove(s, snat);
    firewall.register(s);
    if (version().hasSnatMode()) {
      ItemModel general = load("filter_general.md", "general");
      settings.register(s, "filter", "filter", new ItemModel().addContainer("general", general));
    }

    ResourceDef oneToOne =
        new ResourceDef(
                Collections.ONE_TO_ONE,
                "rule",
                load("filter_onetoone.md", "onetoone.rule"),
                "onetoone.rule")
            .hooks(new NatHooks.OneToOne())
            .defaultSort("sequence");
    filterLists.put("onetoone.rule", oneToOne);
    RouteTable.Controller o = t.controller("firewall", "OneToOne");
    crud.register(o, oneToOne, Names.of("Rule"));
    new RuleOrderEndpoints(core, crud.crud()).registerMove(o, oneToOne);
    firewall.register(o);

    ResourceDef npt =
        new ResourceDef(Collections.NPT, "rule", load("filter_npt.md", "npt.rule"), "npt.rule")
            .hooks(new NatHooks.Npt())
            .defaultSort("sequence");
    filterLists.put("npt.rule", npt);
    RouteTable.Controller n = t.controller("firewall", "Npt");
    crud.register(n, npt, Names.of("Rule"));
    new RuleOrderEndpoints(core, crud.crud()).registerMove(n, npt);
    firewall.register(n);
  }

  private void interfaces(RouteTable t) {
    ResourceDef vlans =
        new ResourceDef(Collections.VLANS, "vlan", load("vlan.md", "vlan"), "vlan")
            .hooks(new VlanHooks())
            .defaultSort("vlanif");
    RouteTable.Controller v = t.controller("interfaces", "VlanSettings");
    crud.register(v, vlans, Names.of("Item").withoutToggle());
    new ModelGet(core, "vlan").list("vlan", vlans).register(v);
    reconfigure(v, Subsystem.VLANS);

    if (version().hasAssignmentApi()) {
      ResourceDef assignment =
          new ResourceDef(
                  Collections.INTERFACES,
                  "interface",
                  load("assignment.md", "interface"),
                  "interface")
              .hooks(new AssignmentHooks())
              .keyedBy(AssignmentHooks::nextOpt)
              .defaultSort("identifier");
      RouteTable.Controller a = t.controller("interfaces", "Assignment");
      crud.register(a, assignment, Names.of("Item").withoutToggle());
      new ModelGet(core, "interface").list("interface", assignment).register(a);
      reconfigure(a, Subsystem.INTERFACES);
    }
  }

  private void haproxy(RouteTable t) {
    RouteTable.Controller c = t.controller("haproxy", "Settings");
    ResourceDef servers =
        new ResourceDef(
                Collections.HAPROXY_SERVERS,
                "server",
                load("haproxy_servers.md", "servers.server"),
                "servers.server")
            .safeDelete()
            .toggleIgnoresArgument()
            .defaultSort("name");
    crud.register(c, servers, Names.of("Server").withSearch("searchServers"));
    ResourceDef backends =
        new ResourceDef(
                Collections.HAPROXY_BACKENDS,
                "backend",
                load("haproxy_backends.md", "backends.backend"),
                "backends.backend")
            .safeDelete()
            .toggleIgnoresArgument()
            .defaultSort("name");
    crud.register(c, backends, Names.of("Backend").withSearch("searchBackends"));
    ResourceDef frontends =
        new ResourceDef(
                Collections.HAPROXY_FRONTENDS,
                "frontend",
                load("haproxy_frontends.md", "frontends.frontend"),
                "frontends.frontend")
            .safeDelete()
            .toggleIgnoresArgument()
            .defaultSort("name");
    crud.register(c, frontends, Names.of("Frontend").withSearch("searchFrontends"));
    ItemModel general = load("haproxy_general.md", "general");
    settings.register(c, "haproxy", "haproxy", new ItemModel().addContainer("general", general));
    new ModelGet(core, "haproxy")
        .settings("", "haproxy", new ItemModel().addContainer("general", general))
        .list("servers.server", servers)
        .list("backends.backend", backends)
        .list("frontends.frontend", frontends)
        .register(c);

    RouteTable.Controller svc = t.controller("haproxy", "Service");
    services.register(
        svc,
        Subsystem.HAPROXY,
        config -> "1".equals(config.settings("haproxy").path("general").path("enabled").asText()));
    svc.action(
        "configtest",
        0,
        call -> ApiResponse.single("result", core.store().read(HaproxyConfigTest::run)));
  }

  private void unbound(RouteTable t) {
    ItemModel aliasModel = load("unbound_aliases.md", "aliases.alias");
    ResourceDef hosts =
        new ResourceDef(
                Collections.UNBOUND_HOSTS,
                "host",
                load("unbound_hosts.md", "hosts.host"),
                "hosts.host")
            .hooks(new ServiceHooks.UnboundHost(aliasModel))
            .defaultSort("hostname");
    RouteTable.Controller c = t.controller("unbound", "Settings");
    crud.register(c, hosts, Names.of("HostOverride"));
    ResourceDef aliases =
        new ResourceDef(Collections.UNBOUND_ALIASES, "alias", aliasModel, "aliases.alias")
            .defaultSort("hostname");
    crud.register(c, aliases, Names.of("HostAlias"));
    // only the lists served here; Unbound's general settings are not modelled
    new ModelGet(core, "unbound")
        .list("hosts.host", hosts)
        .list("aliases.alias", aliases)
        .register(c);
    services.register(t.controller("unbound", "Service"), Subsystem.UNBOUND, config -> true);
  }

  private void kea(RouteTable t) {
    RouteTable.Controller c = t.controller("kea", "Dhcpv4");
    ResourceDef subnets =
        new ResourceDef(
                Collections.KEA_SUBNETS,
                "subnet4",
                load("kea4.md", "subnets.subnet4"),
                "subnets.subnet4")
            .hooks(new ServiceHooks.KeaSubnet())
            .safeDelete()
            .defaultSort("subnet");
    crud.register(c, subnets, Names.of("Subnet").withoutToggle());
    ResourceDef reservations =
        new ResourceDef(
                Collections.KEA_RESERVATIONS,
                "reservation",
                load("kea4.md", "reservations.reservation"),
                "reservations.reservation")
            .hooks(new ServiceHooks.KeaReservation())
            .safeDelete()
            .defaultSort("hw_address");
    crud.register(c, reservations, Names.of("Reservation").withoutToggle());
    if (version().atLeast(26, 7, 0)) {
      ResourceDef options =
          new ResourceDef(
                  Collections.KEA_OPTIONS,
                  "option",
                  load("kea4.md", "options.option"),
                  "options.option")
              .safeDelete()
              .defaultSort("description");
      crud.register(c, options, Names.of("Option").withoutToggle());
    }
    ResourceDef peers =
        new ResourceDef(
                Collections.KEA_PEERS, "peer", load("kea4.md", "ha_peers.peer"), "ha_peers.peer")
            .defaultSort("name");
    crud.register(c, peers, Names.of("Peer").withoutToggle());
    ItemModel settingsModel =
        new ItemModel()
            .addContainer("general", load("kea4.md", "general"))
            .addContainer("lexpire", load("kea4.md", "lexpire"))
            .addContainer("ha", load("kea4.md", "ha"));
    settings.register(c, "dhcpv4", "dhcpv4", settingsModel);
    // Dhcpv4Controller::getAction: only general, lexpire and ha, plus the firewall's host name
    new ModelGet(core, "dhcpv4")
        .settings("", "dhcpv4", settingsModel)
        .adjust(
            (out, ctx) -> {
              if (ctx.version().keaServerNameLabel()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) out.get("ha"))
                    .put("%this_server_name", SystemEnvironment.HOSTNAME);
              } else {
                out.put("this_hostname", SystemEnvironment.HOSTNAME);
              }
            })
        .register(c);
    services.register(
        t.controller("kea", "Service"),
        Subsystem.KEA,
        config -> {
          JsonNode g = config.settings("dhcpv4").path("general");
          return "1".equals(g.path("enabled").asText())
              && !g.path("interfaces").asText("").isEmpty();
        });
  }

  private void dnsmasq(RouteTable t) {
    RouteTable.Controller c = t.controller("dnsmasq", "Settings");
    ResourceDef hosts =
        new ResourceDef(Collections.DNSMASQ_HOSTS, "host", load("dnsmasq.md", "hosts"), "hosts")
            .hooks(new ServiceHooks.DnsmasqHost())
            .safeDelete()
            .defaultSort("host");
    crud.register(c, hosts, Names.of("Host").withoutToggle());
    ResourceDef ranges =
        new ResourceDef(
                Collections.DNSMASQ_RANGES,
                "range",
                load("dnsmasq.md", "dhcp_ranges"),
                "dhcp_ranges")
            .hooks(new ServiceHooks.DnsmasqRange())
            .safeDelete()
            .defaultSort("interface");
    crud.register(c, ranges, Names.of("Range").withoutToggle());
    ResourceDef tags =
        new ResourceDef(
                Collections.DNSMASQ_TAGS, "tag", load("dnsmasq.md", "dhcp_tags"), "dhcp_tags")
            .safeDelete()
            .defaultSort("tag");
    crud.register(c, tags, Names.of("Tag").withoutToggle());
    ResourceDef options =
        new ResourceDef(
                Collections.DNSMASQ_OPTIONS,
                "option",
                load("dnsmasq.md", "dhcp_options"),
                "dhcp_options")
            .hooks(new ServiceHooks.DnsmasqOption())
            .defaultSort("option");
    crud.register(c, options, Names.of("Option").withoutToggle());
    ResourceDef domains =
        new ResourceDef(
                Collections.DNSMASQ_DOMAINS,
                "domainoverride",
                load("dnsmasq.md", "domainoverrides"),
                "domainoverrides")
            .hooks(new ServiceHooks.DnsmasqDomain())
            .defaultSort("sequence");
    crud.register(c, domains, Names.of("Domain").withoutToggle());
    ResourceDef boot =
        new ResourceDef(
                Collections.DNSMASQ_BOOT, "boot", load("dnsmasq.md", "dhcp_boot"), "dhcp_boot")
            .defaultSort("filename");
    crud.register(c, boot, Names.of("Boot").withoutToggle());
    ItemModel root = load("dnsmasq.md", "(root)");
    root.addContainer("dhcp", load("dnsmasq.md", "dhcp"));
    settings.register(c, "dnsmasq", "dnsmasq", root);
    new ModelGet(core, "dnsmasq")
        .settings("", "dnsmasq", root)
        .list("hosts", hosts)
        .list("domainoverrides", domains)
        .list("dhcp_tags", tags)
        .list("dhcp_ranges", ranges)
        .list("dhcp_options", options)
        .list("dhcp_boot", boot)
        .adjust(
            (out, ctx) ->
                ((com.fasterxml.jackson.databind.node.ObjectNode) out.get("dhcp"))
                    .put(
                        ctx.version().keaServerNameLabel() ? "%domain" : "this_domain",
                        SystemEnvironment.HOSTNAME.substring(
                            SystemEnvironment.HOSTNAME.indexOf('.') + 1)))
        .register(c);
    services.register(
        t.controller("dnsmasq", "Service"),
        Subsystem.DNSMASQ,
        config -> "1".equals(config.settings("dnsmasq").path("enable").asText()));
  }

  private void trust(RouteTable t) {
    ItemModel model = load("cert.md", "cert");
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
    crud.register(c, certs, new Names("add", "get", "set", "del", null, "search"));
    c.action(
        "del",
        1,
        call ->
            call.isPost()
                ? crud.crud().del(call, certs, call.param(0))
                : ApiResponse.single("status", "failed"));
  }

  private void users(RouteTable t) {
    ItemModel model = load("user.md", "user");
    // memberships are kept with the user here (OPNsense stores them on the groups)
    model.field("group_memberships").setVolatile(false);
    ResourceDef users =
        new ResourceDef(Collections.USERS, "user", model, "user")
            .hooks(new UserHooks())
            .defaultSort("name");
    RouteTable.Controller c = t.controller("auth", "User");
    crud.register(c, users, new Names("add", "get", "set", "del", null, "search"));
    new ApiKeyEndpoints(core).register(c);
  }

  /** {@code /api/core/service/search}: the services and whether they run. */
  private ApiResponse coreServices() {
    return core.store()
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

  /** A controller's own {@code reconfigure}: POST applies, GET answers failed. */
  private void reconfigure(RouteTable.Controller c, Subsystem s) {
    c.action(
        "reconfigure",
        0,
        call -> {
          if (!call.isPost()) {
            return ApiResponse.single("status", "failed");
          }
          core.apply(s);
          return ApiResponse.single("status", "ok");
        });
  }

  /**
   * {@code FilterBaseController::$internalModelName = 'filter'}: filter, one-to-one and NPT (and
   * source NAT up to 26.1) answer the whole Filter model; {@code general} came with 26.1.11.
   */
  private void filterModelGets(RouteTable t) {
    ModelGet filter = new ModelGet(core, "filter");
    for (String path : List.of("rules.rule", "snatrules.rule", "npt.rule", "onetoone.rule")) {
      filter.list(path, filterLists.get(path));
    }
    if (version().atLeast(26, 1, 11)) {
      filter.settings(
          "",
          "filter",
          new ItemModel().addContainer("general", load("filter_general.md", "general")));
    }
    filter.register(t.controller("firewall", "Filter"));
    filter.register(t.controller("firewall", "OneToOne"));
    filter.register(t.controller("firewall", "Npt"));
    if (!version().hasSnatMode()) {
      filter.register(t.controller("firewall", "SourceNat"));
    }
  }
}
