package io.mcpiac.opnsense.emulator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.opnsense.emulator.fields.Field;
import io.mcpiac.opnsense.emulator.fields.IntegerField;
import io.mcpiac.opnsense.emulator.fields.ListField;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract's model tables are read as data, including their awkward cells. */
class ModelTableParserTest {

  @Test
  void optionLabelsMayContainCommas() {
    FieldSpec pcp =
        ModelTableParser.row(
            "| `pcp` | OptionField | Y | `0` | options: `1`=Background (1, lowest), `0`=Best Effort (0, default), `2`=Excellent Effort (2) |");
    assertThat(pcp.required()).isTrue();
    assertThat(pcp.defaultValue()).isEqualTo("0");
    assertThat(pcp.options())
        .containsExactly(
            Map.entry("1", "Background (1, lowest)"),
            Map.entry("0", "Best Effort (0, default)"),
            Map.entry("2", "Excellent Effort (2)"));
  }

  @Test
  void masksWithSemicolonsEscapedPipesAndQuotedMessages() {
    FieldSpec f =
        ModelTableParser.row(
            "| `landing_page` | TextField |  |  | Mask=/^\\/[a-zA-Z0-9_\\-\\.~\\/?=&#+,@!;]*$/; msg: \"Must be a valid relative path without backslashes or URL schemes.\" |");
    assertThat(f.attr("Mask")).isEqualTo("/^\\/[a-zA-Z0-9_\\-\\.~\\/?=&#+,@!;]*$/");
    assertThat(f.message())
        .isEqualTo("Must be a valid relative path without backslashes or URL schemes.");
    FieldSpec t =
        ModelTableParser.row(
            "| `x` | TextField |  | `1m` | Mask=/^([0-9]{1,8}(?:us\\|ms\\|s)?)/u; msg: \"Should be \"d\", \"h\" or \"us\".\" |");
    assertThat(t.attr("Mask")).isEqualTo("/^([0-9]{1,8}(?:us|ms|s)?)/u");
    assertThat(t.message()).isEqualTo("Should be \"d\", \"h\" or \"us\".");
  }

  @Test
  void constraintsReferencesAndVolatility() {
    FieldSpec c =
        ModelTableParser.row(
            "| `client_id` | TextField |  |  | Mask=/^(?:[0-9A-Fa-f]{2})$/; msg: \"Value must be hex.\"; constraints: UniqueConstraint(addFields=subnet) msg=\"Duplicate entry exists.\" |");
    assertThat(c.constraints())
        .containsExactly("UniqueConstraint(addFields=subnet) msg=\"Duplicate entry exists.\"");
    assertThat(c.message()).isEqualTo("Value must be hex.");
    FieldSpec r =
        ModelTableParser.row(
            "| `subnet` | ModelRelationField | Y |  | msg: \"Related subnet not found.\"; constraints: ref:hw_address.check001; ref:client_id.check001 |");
    assertThat(r.references()).containsExactly("hw_address.check001", "client_id.check001");
    FieldSpec v =
        ModelTableParser.row("| `sort_order` | TextField |  |  | volatile (not persisted) |");
    assertThat(v.isVolatile()).isTrue();
  }

  @Test
  void everyShippedTableLoadsIntoFieldsOfTheRightKind() {
    ItemModel rules = ModelCatalog.load("filter_rules.md", "rules.rule");
    assertThat(rules.leaves()).hasSize(56);
    Field seq = rules.field("sequence");
    assertThat(seq.required()).isTrue();
    assertThat(((ListField) rules.field("interface")).isMultiple()).isTrue();
    ItemModel dnat = ModelCatalog.load("dnat.md", "rule");
    assertThat(dnat.container("destination")).isNotNull();
    assertThat(dnat.field("destination.port")).isNotNull();
    ItemModel kea = ModelCatalog.load("kea4.md", "subnets.subnet4");
    assertThat(kea.field("option_data.routers")).isNotNull();
    assertThat(((IntegerField) ModelCatalog.load("vlan.md", "vlan").field("tag")).minimum())
        .isEqualByComparingTo("1");
    for (String[] t :
        new String[][] {
          {"alias.md", "aliases.alias"},
          {"assignment.md", "interface"},
          {"category.md", "categories.category"},
          {"cert.md", "cert"},
          {"dnsmasq.md", "hosts"},
          {"dnsmasq.md", "dhcp_ranges"},
          {"filter_npt.md", "npt.rule"},
          {"filter_onetoone.md", "onetoone.rule"},
          {"filter_snat.md", "snatrules.rule"},
          {"haproxy_backends.md", "backends.backend"},
          {"haproxy_frontends.md", "frontends.frontend"},
          {"haproxy_servers.md", "servers.server"},
          {"haproxy_general.md", "general"},
          {"kea4.md", "reservations.reservation"},
          {"unbound_hosts.md", "hosts.host"},
          {"unbound_aliases.md", "aliases.alias"},
          {"user.md", "user"},
          {"filter_general.md", "general"}
        }) {
      assertThat(ModelCatalog.load(t[0], t[1]).leaves()).as(t[0]).isNotEmpty();
    }
  }
}
