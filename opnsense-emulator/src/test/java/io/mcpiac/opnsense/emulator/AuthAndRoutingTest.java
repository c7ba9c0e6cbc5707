package io.mcpiac.opnsense.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Contract 1.1–1.6: authentication, routing, body parsing, methods, encoding. */
class AuthAndRoutingTest {
  static OpnsenseEmulator emu;
  static Client api;

  @BeforeAll
  static void start() {
    emu = OpnsenseEmulator.builder().build().start();
    api = new Client(emu);
  }

  @AfterAll
  static void stop() {
    emu.close();
  }

  @Test
  void wrongSecretGets401WithJsonBody() {
    Client.Reply r = new Client(emu, emu.apiKey(), "wrong").get("/api/core/firmware/status");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.raw().headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=UTF-8");
    assertThat(r.body()).isEqualTo("{\"status\":401,\"message\":\"Authentication Failed\"}");
  }

  @Test
  void unknownKeyAndGarbageHeaderGet401() {
    assertThat(new Client(emu, "nokey", "x").get("/api/core/firmware/status").status())
        .isEqualTo(401);
    Client.Reply r = api.send("GET", "/api/core/firmware/status", null, null, "Basic !!!notbase64");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.json().path("message").asText()).isEqualTo("Authentication Failed");
  }

  @Test
  void schemeWordIsNotChecked() {
    String token =
        java.util.Base64.getEncoder()
            .encodeToString((emu.apiKey() + ":" + emu.apiSecret()).getBytes());
    assertThat(api.send("GET", "/api/core/firmware/status", null, null, "Bearer " + token).status())
        .isEqualTo(200);
  }

  @Test
  void noAuthorizationHeaderGets401WithEmptyBodyAndLoginRedirect() {
    Client.Reply r = api.send("GET", "/api/firewall/alias/searchItem", null, null, null);
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.body()).isEmpty();
    assertThat(r.raw().headers().firstValue("Location"))
        .hasValue("/?url=/api/firewall/alias/searchItem");
  }

  @Test
  void keyWithoutPrivilegeGets403() {
    emu.addApiKey("limited", "limitedsecret", List.of("/api/firewall/alias/*"), false);
    Client limited = new Client(emu, "limited", "limitedsecret");
    Client.Reply denied = limited.get("/api/firewall/filter/searchRule");
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.body()).isEqualTo("{\"status\":403,\"message\":\"Forbidden\"}");
    assertThat(limited.get("/api/firewall/alias/searchItem").status()).isEqualTo(200);
  }

  @Test
  void readOnlyKeyReadsButCannotWrite() {
    emu.addApiKey("ro", "rosecret", List.of("page-all"), true);
    Client ro = new Client(emu, "ro", "rosecret");
    assertThat(ro.get("/api/firewall/alias/searchItem").status()).isEqualTo(200);
    Client.Reply w =
        ro.post("/api/firewall/category/addItem", "{\"category\":{\"name\":\"ro_cat\"}}");
    assertThat(w.status()).isEqualTo(500);
    assertThat(w.json().path("errorMessage").asText())
        .isEqualTo("User apiuser denied for write access (user-config-readonly set)");
    assertThat(w.json().path("errorTitle").asText()).isEqualTo("General access");
    assertThat(
            api.get("/api/firewall/category/searchItem?searchPhrase=ro_cat")
                .json()
                .path("total")
                .asInt())
        .isZero();
    // a validation failure is still reported as such, before the save is refused
    assertThat(
            ro.post("/api/firewall/category/addItem", "{\"category\":{}}")
                .json()
                .path("result")
                .asText())
        .isEqualTo("failed");
  }

  @Test
  void unknownEndpointIs404BeforeAuthentication() {
    Client.Reply r = api.send("GET", "/api/firewall/nosuch/thing", null, null, null);
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.body()).isEqualTo("{\"errorMessage\":\"Endpoint not found\"}");
    assertThat(r.raw().headers().firstValue("Content-Type"))
        .hasValue("application/json;charset=utf-8");
    assertThat(api.get("/api/firewall/alias/noSuchAction").status()).isEqualTo(404);
    assertThat(api.get("/api/firewall/alias").status()).isEqualTo(404);
    assertThat(api.get("/").status()).isEqualTo(404);
  }

  /**
   * OPNsense has no {@code dirty} action for these modules (core has no {@code dirtyAction} at all;
   * among the plugins only net/relayd has one): the emulator must not answer one either.
   */
  @Test
  void noModuleAnswersADirtyAction() {
    for (String path :
        List.of(
            "/api/firewall/alias/dirty",
            "/api/firewall/filter/dirty",
            "/api/haproxy/service/dirty",
            "/api/interfaces/vlan_settings/dirty",
            "/api/interfaces/assignment/dirty",
            "/api/unbound/service/dirty",
            "/api/kea/service/dirty",
            "/api/dnsmasq/service/dirty")) {
      for (String method : List.of("GET", "POST")) {
        Client.Reply r = api.send(method, path, null, null, null);
        assertThat(r.status()).as("%s %s", method, path).isEqualTo(404);
        assertThat(r.body())
            .as("%s %s", method, path)
            .isEqualTo("{\"errorMessage\":\"Endpoint not found\"}");
      }
      assertThat(api.get(path).status()).as("authenticated GET %s", path).isEqualTo(404);
    }
  }

  @Test
  void missingRequiredParameterIs404() {
    assertThat(api.post("/api/firewall/alias/delItem").status()).isEqualTo(404);
    assertThat(api.post("/api/firewall/alias/setItem", "{\"alias\":{}}").status()).isEqualTo(404);
  }

  @Test
  void moduleIsCaseInsensitiveControllerNeedsExactClassCaseActionIsCaseInsensitive() {
    assertThat(api.get("/api/FIREWALL/alias/searchItem").status()).isEqualTo(200);
    assertThat(api.get("/api/interfaces/vlan_settings/searchItem").status()).isEqualTo(200);
    assertThat(api.get("/api/interfaces/vlanSettings/searchItem").status()).isEqualTo(200);
    assertThat(api.get("/api/interfaces/VlanSettings/searchItem").status()).isEqualTo(200);
    assertThat(api.get("/api/interfaces/vlansettings/searchItem").status()).isEqualTo(404);
    assertThat(api.get("/api/firewall/alias/search_item").status()).isEqualTo(200);
    assertThat(api.get("/api/firewall/alias/SEARCHITEM").status()).isEqualTo(200);
    assertThat(api.get("/api/firewall/d_nat/searchRule").status()).isEqualTo(200);
    assertThat(api.get("/api/firewall/dNat/searchRule").status()).isEqualTo(200);
  }

  @Test
  void emptyJsonBodyIs400AndMalformedJsonCountsAsEmptyObject() {
    Client.Reply empty = api.send("POST", "/api/firewall/alias/addItem", "", "application/json");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.body()).isEqualTo("{\"status\":400,\"message\":\"Invalid JSON syntax\"}");
    Client.Reply bad =
        api.send(
            "POST", "/api/firewall/alias/addItem", "{not json", "application/json; charset=UTF-8");
    assertThat(bad.status()).isEqualTo(200);
    assertThat(bad.body()).isEqualTo("{\"result\":\"failed\"}");
    Client.Reply scalar =
        api.send("POST", "/api/firewall/alias/addItem", "\"x\"", "application/json");
    assertThat(scalar.body()).isEqualTo("{\"result\":\"failed\"}");
  }

  @Test
  void otherContentTypesIgnoreTheBodyAndFormsAreParsed() {
    Client.Reply text =
        api.send(
            "POST",
            "/api/firewall/category/addItem",
            "{\"category\":{\"name\":\"t1\"}}",
            "text/plain");
    assertThat(text.body()).isEqualTo("{\"result\":\"failed\"}");
    Client.Reply form =
        api.send(
            "POST",
            "/api/firewall/category/addItem",
            "category%5Bname%5D=fromform&category%5Bcolor%5D=00ff00",
            "application/x-www-form-urlencoded");
    assertThat(form.json().path("result").asText()).isEqualTo("saved");
  }

  @Test
  void noMethodIsEverAnswered405() {
    assertThat(api.get("/api/firewall/alias/addItem").body()).isEqualTo("{\"result\":\"failed\"}");
    Client.Reply put =
        api.send(
            "PUT",
            "/api/firewall/alias/addItem",
            "{\"alias\":{\"name\":\"p\",\"type\":\"host\"}}",
            "application/json");
    assertThat(put.status()).isEqualTo(200);
    assertThat(put.body()).isEqualTo("{\"result\":\"failed\"}");
    assertThat(api.send("DELETE", "/api/firewall/alias/delItem/x", null, null).body())
        .isEqualTo("{\"result\":\"failed\"}");
    assertThat(api.get("/api/firewall/alias/reconfigure").body())
        .isEqualTo("{\"status\":\"failed\"}");
    assertThat(api.get("/api/firewall/filter/apply").body()).isEqualTo("{\"status\":\"error\"}");
    assertThat(api.get("/api/unbound/service/reconfigure").body())
        .isEqualTo("{\"status\":\"failed\"}");
    assertThat(api.get("/api/unbound/service/restart").body()).isEqualTo("{\"response\":[]}");
    assertThat(api.post("/api/unbound/service/restart").body()).isEqualTo("{\"response\":\"OK\"}");
  }

  @Test
  void slashesAreEscapedAndUnknownUuidIsAnEmptyArray() {
    String id =
        api.post(
                "/api/firewall/alias/addItem",
                "{\"alias\":{\"name\":\"net_a\",\"type\":\"network\",\"content\":\"10.1.0.0/16\"}}")
            .json()
            .path("uuid")
            .asText();
    String raw = api.get("/api/firewall/alias/searchItem?searchPhrase=net_a").body();
    assertThat(raw).contains("\"content\":\"10.1.0.0\\/16\"");
    assertThat(api.get("/api/firewall/alias/getItem/" + id + "0").body()).isEqualTo("[]");
  }

  @Test
  void jsonBooleansAndNumbersBecomeStrings() {
    Client.Reply r =
        api.post(
            "/api/firewall/category/addItem", "{\"category\":{\"name\":\"bools\",\"auto\":true}}");
    String id = r.json().path("uuid").asText();
    assertThat(api.get("/api/firewall/category/getItem/" + id).json().at("/category/auto").asText())
        .isEqualTo("1");
    Client.Reply f =
        api.post(
            "/api/interfaces/vlan_settings/addItem", "{\"vlan\":{\"if\":\"igb3\",\"tag\":42}}");
    assertThat(f.json().path("result").asText()).isEqualTo("saved");
  }

  @Test
  void arrayForScalarFieldIs500OnTheLatestProfile() {
    Client.Reply r =
        api.post("/api/firewall/category/addItem", "{\"category\":{\"name\":[\"a\",\"b\"]}}");
    assertThat(r.status()).isEqualTo(500);
    assertThat(r.body())
        .isEqualTo("{\"errorMessage\":\"Unexpected error, check log for details\"}");
    Client.Reply container =
        api.post("/api/firewall/d_nat/addRule", "{\"rule\":{\"destination\":\"x\"}}");
    assertThat(container.status()).isEqualTo(500);
  }

  @Test
  void healthAndVersionEndpoints() {
    Client.Reply status = api.get("/api/core/firmware/status");
    assertThat(status.json().at("/product/product_version").asText()).isEqualTo("26.7.2");
    assertThat(status.json().at("/product/product_series").asText()).isEqualTo("26.7");
    assertThat(status.json().path("status").asText()).isEqualTo("none");
    assertThat(api.get("/api/core/firmware/running").body()).isEqualTo("{\"status\":\"ready\"}");
    assertThat(
            api.get("/api/diagnostics/system/system_information").json().at("/versions/0").asText())
        .isEqualTo("OPNsense 26.7.2-amd64");
    assertThat(api.get("/api/core/firmware/info").json().at("/plugin/0/name").asText())
        .isEqualTo("os-haproxy");
    assertThat(api.get("/api/core/system/status").json().at("/metadata/system/status").asText())
        .isEqualTo("OK");
  }

  @Test
  void controlApiIsNeverUnderApi() {
    assertThat(api.get("/api/__emulator/calls").status()).isEqualTo(404);
    assertThat(api.get("/__emulator/calls").status()).isEqualTo(200);
  }
}
