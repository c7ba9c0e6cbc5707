package io.mcpiac.opnsense.emulator.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.opnsense.emulator.api.ApiResponse;
import io.mcpiac.opnsense.emulator.api.CrudRoutes.Names;
import io.mcpiac.opnsense.emulator.api.ModelGet;
import io.mcpiac.opnsense.emulator.api.ResourceDef;
import io.mcpiac.opnsense.emulator.api.RouteTable;
import io.mcpiac.opnsense.emulator.config.Subsystem;
import io.mcpiac.opnsense.emulator.model.Collections;
import io.mcpiac.opnsense.emulator.model.ItemModel;
import io.mcpiac.opnsense.emulator.model.SystemEnvironment;

/** The services' routes: HAProxy, Unbound, Kea DHCPv4 and Dnsmasq. */
final class ServiceRoutes {
  private final RouteKit kit;

  ServiceRoutes(RouteKit kit) {
    this.kit = kit;
  }

  void register(RouteTable t) {
    haproxy(t);
    unbound(t);
    kea(t);
    dnsmasq(t);
  }

  private void haproxy(RouteTable t) {
    RouteTable.Controller c = t.controller("haproxy", "Settings");
    ResourceDef servers =
        new ResourceDef(
                Collections.HAPROXY_SERVERS,
                "server",
                kit.load("haproxy_servers.md", "servers.server"),
                "servers.server")
            .safeDelete()
            .toggleIgnoresArgument()
            .defaultSort("name");
    kit.crud().register(c, servers, Names.of("Server").withSearch("searchServers"));
    ResourceDef backends =
        new ResourceDef(
                Collections.HAPROXY_BACKENDS,
                "backend",
                kit.load("haproxy_backends.md", "backends.backend"),
                "backends.backend")
            .safeDelete()
            .toggleIgnoresArgument()
            .defaultSort("name");
    kit.crud().register(c, backends, Names.of("Backend").withSearch("searchBackends"));
    ResourceDef frontends =
        new ResourceDef(
                Collections.HAPROXY_FRONTENDS,
                "frontend",
                kit.load("haproxy_frontends.md", "frontends.frontend"),
                "frontends.frontend")
            .safeDelete()
            .toggleIgnoresArgument()
            .defaultSort("name");
    kit.crud().register(c, frontends, Names.of("Frontend").withSearch("searchFrontends"));
    ItemModel general = kit.load("haproxy_general.md", "general");
    kit.settings()
        .register(c, "haproxy", "haproxy", new ItemModel().addContainer("general", general));
    new ModelGet(kit.core(), "haproxy")
        .settings("", "haproxy", new ItemModel().addContainer("general", general))
        .list("servers.server", servers)
        .list("backends.backend", backends)
        .list("frontends.frontend", frontends)
        .register(c);

    RouteTable.Controller svc = t.controller("haproxy", "Service");
    kit.services()
        .register(
            svc,
            Subsystem.HAPROXY,
            config ->
                "1".equals(config.settings("haproxy").path("general").path("enabled").asText()));
    svc.action(
        "configtest",
        0,
        call -> ApiResponse.single("result", kit.core().store().read(HaproxyConfigTest::run)));
  }

  private void unbound(RouteTable t) {
    ItemModel aliasModel = kit.load("unbound_aliases.md", "aliases.alias");
    ResourceDef hosts =
        new ResourceDef(
                Collections.UNBOUND_HOSTS,
                "host",
                kit.load("unbound_hosts.md", "hosts.host"),
                "hosts.host")
            .hooks(new ServiceHooks.UnboundHost(aliasModel))
            .defaultSort("hostname");
    RouteTable.Controller c = t.controller("unbound", "Settings");
    kit.crud().register(c, hosts, Names.of("HostOverride"));
    ResourceDef aliases =
        new ResourceDef(Collections.UNBOUND_ALIASES, "alias", aliasModel, "aliases.alias")
            .defaultSort("hostname");
    kit.crud().register(c, aliases, Names.of("HostAlias"));
    // only the lists served here; Unbound's general settings are not modelled
    new ModelGet(kit.core(), "unbound")
        .list("hosts.host", hosts)
        .list("aliases.alias", aliases)
        .register(c);
    kit.services().register(t.controller("unbound", "Service"), Subsystem.UNBOUND, config -> true);
  }

  private void kea(RouteTable t) {
    RouteTable.Controller c = t.controller("kea", "Dhcpv4");
    ResourceDef subnets =
        new ResourceDef(
                Collections.KEA_SUBNETS,
                "subnet4",
                kit.load("kea4.md", "subnets.subnet4"),
                "subnets.subnet4")
            .hooks(new ServiceHooks.KeaSubnet())
            .safeDelete()
            .defaultSort("subnet");
    kit.crud().register(c, subnets, Names.of("Subnet").withoutToggle());
    ResourceDef reservations =
        new ResourceDef(
                Collections.KEA_RESERVATIONS,
                "reservation",
                kit.load("kea4.md", "reservations.reservation"),
                "reservations.reservation")
            .hooks(new ServiceHooks.KeaReservation())
            .safeDelete()
            .defaultSort("hw_address");
    kit.crud().register(c, reservations, Names.of("Reservation").withoutToggle());
    if (kit.version().atLeast(26, 7, 0)) {
      ResourceDef options =
          new ResourceDef(
                  Collections.KEA_OPTIONS,
                  "option",
                  kit.load("kea4.md", "options.option"),
                  "options.option")
              .safeDelete()
              .defaultSort("description");
      kit.crud().register(c, options, Names.of("Option").withoutToggle());
    }
    ResourceDef peers =
        new ResourceDef(
                Collections.KEA_PEERS,
                "peer",
                kit.load("kea4.md", "ha_peers.peer"),
                "ha_peers.peer")
            .defaultSort("name");
    kit.crud().register(c, peers, Names.of("Peer").withoutToggle());
    ItemModel settingsModel =
        new ItemModel()
            .addContainer("general", kit.load("kea4.md", "general"))
            .addContainer("lexpire", kit.load("kea4.md", "lexpire"))
            .addContainer("ha", kit.load("kea4.md", "ha"));
    kit.settings().register(c, "dhcpv4", "dhcpv4", settingsModel);
    // Dhcpv4Controller::getAction: only general, lexpire and ha, plus the firewall's host name
    new ModelGet(kit.core(), "dhcpv4")
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
    kit.services()
        .register(
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
        new ResourceDef(Collections.DNSMASQ_HOSTS, "host", kit.load("dnsmasq.md", "hosts"), "hosts")
            .hooks(new ServiceHooks.DnsmasqHost())
            .safeDelete()
            .defaultSort("host");
    kit.crud().register(c, hosts, Names.of("Host").withoutToggle());
    ResourceDef ranges =
        new ResourceDef(
                Collections.DNSMASQ_RANGES,
                "range",
                kit.load("dnsmasq.md", "dhcp_ranges"),
                "dhcp_ranges")
            .hooks(new ServiceHooks.DnsmasqRange())
            .safeDelete()
            .defaultSort("interface");
    kit.crud().register(c, ranges, Names.of("Range").withoutToggle());
    ResourceDef tags =
        new ResourceDef(
                Collections.DNSMASQ_TAGS, "tag", kit.load("dnsmasq.md", "dhcp_tags"), "dhcp_tags")
            .safeDelete()
            .defaultSort("tag");
    kit.crud().register(c, tags, Names.of("Tag").withoutToggle());
    ResourceDef options =
        new ResourceDef(
                Collections.DNSMASQ_OPTIONS,
                "option",
                kit.load("dnsmasq.md", "dhcp_options"),
                "dhcp_options")
            .hooks(new ServiceHooks.DnsmasqOption())
            .defaultSort("option");
    kit.crud().register(c, options, Names.of("Option").withoutToggle());
    ResourceDef domains =
        new ResourceDef(
                Collections.DNSMASQ_DOMAINS,
                "domainoverride",
                kit.load("dnsmasq.md", "domainoverrides"),
                "domainoverrides")
            .hooks(new ServiceHooks.DnsmasqDomain())
            .defaultSort("sequence");
    kit.crud().register(c, domains, Names.of("Domain").withoutToggle());
    ResourceDef boot =
        new ResourceDef(
                Collections.DNSMASQ_BOOT, "boot", kit.load("dnsmasq.md", "dhcp_boot"), "dhcp_boot")
            .defaultSort("filename");
    kit.crud().register(c, boot, Names.of("Boot").withoutToggle());
    ItemModel root = kit.load("dnsmasq.md", "(root)");
    root.addContainer("dhcp", kit.load("dnsmasq.md", "dhcp"));
    kit.settings().register(c, "dnsmasq", "dnsmasq", root);
    new ModelGet(kit.core(), "dnsmasq")
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
    kit.services()
        .register(
            t.controller("dnsmasq", "Service"),
            Subsystem.DNSMASQ,
            config -> "1".equals(config.settings("dnsmasq").path("enable").asText()));
  }
}
