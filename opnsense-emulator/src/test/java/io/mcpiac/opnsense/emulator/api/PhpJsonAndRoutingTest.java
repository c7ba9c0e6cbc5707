package io.mcpiac.opnsense.emulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** json_encode's escaping and the router's name rules. */
class PhpJsonAndRoutingTest {

  @Test
  void controllerOutputEscapesSlashesAndNonAsciiErrorsDoNot() {
    ObjectNode o =
        JsonNodeFactory.instance.objectNode().put("net", "10.0.0.0/24").put("name", "café");
    assertThat(new String(PhpJson.encode(o), StandardCharsets.US_ASCII))
        .isEqualTo("{\"net\":\"10.0.0.0\\/24\",\"name\":\"caf\\u00e9\"}");
    assertThat(new String(PhpJson.encodeUnescapedSlashes(o), StandardCharsets.US_ASCII))
        .contains("10.0.0.0/24");
  }

  @Test
  void controllerNamesFollowUcwordsAndExactCase() {
    assertThat(RouteTable.controllerClass("vlan_settings")).isEqualTo("VlanSettings");
    assertThat(RouteTable.controllerClass("vlanSettings")).isEqualTo("VlanSettings");
    assertThat(RouteTable.controllerClass("d_nat")).isEqualTo("DNat");
    assertThat(RouteTable.controllerClass("vlansettings")).isEqualTo("Vlansettings");
    assertThat(RouteTable.actionKey("add_Item")).isEqualTo("additem");
  }

  @Test
  void resolveCountsRequiredParameters() {
    RouteTable t = new RouteTable();
    t.controller("firewall", "Alias")
        .action("delItem", 1, c -> null)
        .action("searchItem", 0, c -> null);
    assertThat(t.resolve("/api/firewall/alias/delItem")).isNull();
    assertThat(t.resolve("/api/firewall/alias/delItem/a,b/extra").params())
        .containsExactly("a,b", "extra");
    assertThat(t.resolve("/api/Firewall/alias/search_item")).isNotNull();
    assertThat(t.resolve("/api/firewall/Alias_/searchItem")).isNotNull();
    assertThat(t.resolve("/api/firewall/ALIAS/searchItem")).isNull();
    assertThat(t.resolve("/other")).isNull();
  }

  @Test
  void formBodiesUsePhpBracketSyntax() throws Exception {
    ObjectNode f =
        BodyParser.parse(
            "application/x-www-form-urlencoded",
            "alias%5Bname%5D=x&type%5B%5D=host&type%5B%5D=port&plain=1");
    assertThat(f.toString())
        .isEqualTo("{\"alias\":{\"name\":\"x\"},\"type\":[\"host\",\"port\"],\"plain\":\"1\"}");
  }

  @Test
  void validationMessagesBecomeArraysOnlyWhenRepeated() {
    Validation v = new Validation();
    v.add("a.x", "one");
    v.add("a.y", "same");
    v.add("a.y", "same");
    v.add("a.z", "first");
    v.add("a.z", "second");
    assertThat(v.toJson().toString())
        .isEqualTo("{\"a.x\":\"one\",\"a.y\":[\"same\"],\"a.z\":[\"first\",\"second\"]}");
  }
}
