package io.mcpiac.opnsense.emulator.resources;

import io.mcpiac.opnsense.emulator.VersionProfile;
import io.mcpiac.opnsense.emulator.api.ApiResponse;
import io.mcpiac.opnsense.emulator.api.CrudActions;
import io.mcpiac.opnsense.emulator.api.CrudRoutes;
import io.mcpiac.opnsense.emulator.api.CrudRoutes.Names;
import io.mcpiac.opnsense.emulator.api.EmulatorCore;
import io.mcpiac.opnsense.emulator.api.ResourceDef;
import io.mcpiac.opnsense.emulator.api.RouteTable;
import io.mcpiac.opnsense.emulator.api.SearchAction;
import io.mcpiac.opnsense.emulator.model.Collections;
import io.mcpiac.opnsense.emulator.model.ItemModel;
import io.mcpiac.opnsense.emulator.model.ModelCatalog;

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

  public ApiRoutes(EmulatorCore core, SavepointTimer timer) {
    this.core = core;
    this.timer = timer;
    this.crud = new CrudRoutes(new CrudActions(core), new SearchAction(core));
    this.firewall = new FirewallEndpoints(core, timer);
    this.services = new ServiceEndpoints(core);
  }

  public SavepointTimer timer() {
    return timer;
  }

  public RouteTable build() {
    RouteTable t = new RouteTable();
    new SystemEndpoints(core).register(t);
    firewallRules(t);
    aliases(t);
    categories(t);
    return t;
  }

  private VersionProfile version() {
    return core.version();
  }

  private void firewallRules(RouteTable t) {
    ItemModel model = ModelCatalog.load("filter_rules.md", "rules.rule");
    ResourceDef rules =
        new ResourceDef(Collections.FILTER_RULES, "rule", model, "rules.rule")
            .hooks(new FilterRuleHooks())
            .defaultSort("sequence")
            .recordsetSearch(VersionProfile::rulesUseRecordset);
    RouteTable.Controller c = t.controller("firewall", "Filter");
    crud.register(c, rules, Names.of("Rule"));
    firewall.register(c);
  }

  private void aliases(RouteTable t) {
    ItemModel model = ModelCatalog.load("alias.md", "aliases.alias");
    ResourceDef aliases =
        new ResourceDef(Collections.ALIASES, "alias", model, "aliases.alias")
            .hooks(new AliasHooks(model))
            .defaultSort("name");
    RouteTable.Controller c = t.controller("firewall", "Alias");
    crud.register(c, aliases, Names.of("Item"));
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
    c.action(
        "reconfigure",
        0,
        call -> {
          if (!call.isPost()) {
            return ApiResponse.single("status", "failed");
          }
          core.apply(io.mcpiac.opnsense.emulator.config.Subsystem.ALIASES);
          return ApiResponse.single("status", "ok");
        });
  }

  private void categories(RouteTable t) {
    ItemModel model = ModelCatalog.load("category.md", "categories.category");
    ResourceDef categories =
        new ResourceDef(Collections.CATEGORIES, "category", model, "categories.category")
            .hooks(new CategoryHooks())
            .safeDelete()
            .defaultSort("name");
    crud.register(
        t.controller("firewall", "Category"), categories, Names.of("Item").withoutToggle());
  }

  RouteTable.Controller service(RouteTable t, String module) {
    return t.controller(module, "Service");
  }

  ServiceEndpoints services() {
    return services;
  }
}
