package io.mcpiac.opnsense.emulator.resources;

import io.mcpiac.opnsense.emulator.VersionProfile;
import io.mcpiac.opnsense.emulator.api.ApiResponse;
import io.mcpiac.opnsense.emulator.api.CrudRoutes.Names;
import io.mcpiac.opnsense.emulator.api.ModelGet;
import io.mcpiac.opnsense.emulator.api.ResourceDef;
import io.mcpiac.opnsense.emulator.api.RouteTable;
import io.mcpiac.opnsense.emulator.config.Subsystem;
import io.mcpiac.opnsense.emulator.model.Collections;
import io.mcpiac.opnsense.emulator.model.ItemModel;
import java.util.List;

/**
 * The firewall's routes: rules, aliases, categories, NAT, and the Filter model's own get that four
 * of its controllers answer.
 */
final class FirewallRoutes {
  private final RouteKit kit;
  private final FirewallEndpoints firewall;

  /** The lists of the Filter model, for its model-level get (served by four controllers). */
  private final java.util.Map<String, ResourceDef> filterLists = new java.util.LinkedHashMap<>();

  FirewallRoutes(RouteKit kit, SavepointTimer timer) {
    this.kit = kit;
    this.firewall = new FirewallEndpoints(kit.core(), timer);
  }

  /** Rules, aliases, categories and NAT. */
  void registerRulesAndNat(RouteTable t) {
    firewallRules(t);
    aliases(t);
    categories(t);
    nat(t);
  }

  /** The Filter model's get, once the lists it answers are registered. */
  void registerFilterModelGets(RouteTable t) {
    filterModelGets(t);
  }

  private void firewallRules(RouteTable t) {
    ItemModel model = kit.load("filter_rules.md", "rules.rule");
    ResourceDef rules =
        new ResourceDef(Collections.FILTER_RULES, "rule", model, "rules.rule")
            .hooks(new FilterRuleHooks())
            .defaultSort("sequence")
            .recordsetSearch(VersionProfile::rulesUseRecordset);
    filterLists.put("rules.rule", rules);
    RouteTable.Controller c = t.controller("firewall", "Filter");
    kit.crud().register(c, rules, Names.of("Rule"));
    new RuleOrderEndpoints(kit.core(), kit.crud().crud()).register(c, rules);
    firewall.register(c);
  }

  private void aliases(RouteTable t) {
    ItemModel model = kit.load("alias.md", "aliases.alias");
    ResourceDef aliases =
        new ResourceDef(Collections.ALIASES, "alias", model, "aliases.alias")
            .hooks(new AliasHooks(model))
            .defaultSort("name");
    RouteTable.Controller c = t.controller("firewall", "Alias");
    kit.crud().register(c, aliases, Names.of("Item"));
    new ModelGet(kit.core(), "alias")
        .settings("geoip", "alias.geoip", kit.load("alias.md", "geoip"))
        .list("aliases.alias", aliases)
        .adjust((out, ctx) -> AliasHooks.addBuiltins(out, model, ctx))
        .register(c);
    c.action(
        "getAliasUUID",
        1,
        call ->
            kit.core()
                .store()
                .read(
                    config -> {
                      for (var e : config.items(Collections.ALIASES)) {
                        if (e.getValue().path("name").asText().equals(call.param(0))) {
                          return ApiResponse.single("uuid", e.getKey());
                        }
                      }
                      return ApiResponse.ok(io.mcpiac.opnsense.emulator.api.PhpJsonNodes.array());
                    }));
    kit.reconfigure(c, Subsystem.ALIASES);
  }

  private void categories(RouteTable t) {
    ItemModel model = kit.load("category.md", "categories.category");
    ResourceDef categories =
        new ResourceDef(Collections.CATEGORIES, "category", model, "categories.category")
            .hooks(new CategoryHooks())
            .safeDelete()
            .defaultSort("name");
    RouteTable.Controller cc = t.controller("firewall", "Category");
    kit.crud().register(cc, categories, Names.of("Item").withoutToggle());
    new ModelGet(kit.core(), "category").list("categories.category", categories).register(cc);
  }

  private void nat(RouteTable t) {
    ResourceDef dnat =
        new ResourceDef(Collections.DNAT, "rule", kit.load("dnat.md", "rule"), "rule")
            .hooks(new NatHooks.PortForward())
            .toggleInverted("disabled")
            .defaultSort("sequence");
    RouteTable.Controller d = t.controller("firewall", "DNat");
    kit.crud().register(d, dnat, Names.of("Rule"));
    new RuleOrderEndpoints(kit.core(), kit.crud().crud()).registerMove(d, dnat);
    firewall.register(d, false);
    new ModelGet(kit.core(), "DNat").list("rule", dnat).register(d);

    ResourceDef snat =
        new ResourceDef(
                Collections.SNAT_RULES,
                "rule",
                kit.load("filter_snat.md", "snatrules.rule"),
                "snatrules.rule")
            .hooks(new NatHooks.SourceNat())
            .defaultSort("sequence")
            .recordsetSearch(VersionProfile::hasSnatMode);
    filterLists.put("snatrules.rule", snat);
    RouteTable.Controller s = t.controller("firewall", "SourceNat");
    kit.crud().register(s, snat, Names.of("Rule"));
    new RuleOrderEndpoints(kit.core(), kit.crud().crud()).registerMove(s, snat);
    firewall.register(s);
    if (kit.version().hasSnatMode()) {
      ItemModel general = kit.load("filter_general.md", "general");
      kit.settings()
          .register(s, "filter", "filter", new ItemModel().addContainer("general", general));
    }

    ResourceDef oneToOne =
        new ResourceDef(
                Collections.ONE_TO_ONE,
                "rule",
                kit.load("filter_onetoone.md", "onetoone.rule"),
                "onetoone.rule")
            .hooks(new NatHooks.OneToOne())
            .defaultSort("sequence");
    filterLists.put("onetoone.rule", oneToOne);
    RouteTable.Controller o = t.controller("firewall", "OneToOne");
    kit.crud().register(o, oneToOne, Names.of("Rule"));
    new RuleOrderEndpoints(kit.core(), kit.crud().crud()).registerMove(o, oneToOne);
    firewall.register(o);

    ResourceDef npt =
        new ResourceDef(Collections.NPT, "rule", kit.load("filter_npt.md", "npt.rule"), "npt.rule")
            .hooks(new NatHooks.Npt())
            .defaultSort("sequence");
    filterLists.put("npt.rule", npt);
    RouteTable.Controller n = t.controller("firewall", "Npt");
    kit.crud().register(n, npt, Names.of("Rule"));
    new RuleOrderEndpoints(kit.core(), kit.crud().crud()).registerMove(n, npt);
    firewall.register(n);
  }

  /**
   * {@code FilterBaseController::$internalModelName = 'filter'}: filter, one-to-one and NPT (and
   * source NAT up to 26.1) answer the whole Filter model; {@code general} came with 26.1.11.
   */
  private void filterModelGets(RouteTable t) {
    ModelGet filter = new ModelGet(kit.core(), "filter");
    for (String path : List.of("rules.rule", "snatrules.rule", "npt.rule", "onetoone.rule")) {
      filter.list(path, filterLists.get(path));
    }
    if (kit.version().atLeast(26, 1, 11)) {
      filter.settings(
          "",
          "filter",
          new ItemModel().addContainer("general", kit.load("filter_general.md", "general")));
    }
    filter.register(t.controller("firewall", "Filter"));
    filter.register(t.controller("firewall", "OneToOne"));
    filter.register(t.controller("firewall", "Npt"));
    if (!kit.version().hasSnatMode()) {
      filter.register(t.controller("firewall", "SourceNat"));
    }
  }
}
