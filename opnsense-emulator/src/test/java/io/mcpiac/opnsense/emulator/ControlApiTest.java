package io.mcpiac.opnsense.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The control API under /__emulator/: call counts, every fault kind, pending vs applied state. */
class ControlApiTest {
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

  @AfterEach
  void clearFaults() {
    api.send("DELETE", "/__emulator/faults", null, null);
  }

  @Test
  void callsAreCountedPerMethodAndPathAndCanBeReset() {
    api.send("DELETE", "/__emulator/calls", null, null);
    api.get("/api/firewall/alias/searchItem");
    api.get("/api/firewall/alias/searchItem");
    api.post("/api/firewall/alias/reconfigure");
    api.get("/api/no/such/endpoint");
    JsonNode calls = api.get("/__emulator/calls").json();
    assertThat(
            calls
                .at("/calls/GET \\/api\\/firewall\\/alias\\/searchItem".replace("\\/", "~1"))
                .asInt())
        .isEqualTo(2);
    assertThat(calls.path("calls").path("POST /api/firewall/alias/reconfigure").asInt())
        .isEqualTo(1);
    assertThat(calls.path("calls").path("GET /api/no/such/endpoint").asInt()).isEqualTo(1);
    assertThat(calls.path("total").asInt()).isEqualTo(4);
    assertThat(api.send("DELETE", "/__emulator/calls", null, null).json().path("total").asInt())
        .isZero();
  }

  @Test
  void latencyPerCallAndPerApply() {
    api.post("/__emulator/faults", "{\"latencyMs\":250}");
    long t0 = System.nanoTime();
    api.get("/api/core/firmware/status");
    assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(250);

    api.post("/__emulator/faults", "{\"applyLatencyMs\":1500}");
    long t1 = System.nanoTime();
    assertThat(api.post("/api/firewall/alias/reconfigure").body()).isEqualTo("{\"status\":\"ok\"}");
    assertThat((System.nanoTime() - t1) / 1_000_000).isGreaterThanOrEqualTo(1500);
    long t2 = System.nanoTime();
    api.get("/api/core/firmware/status");
    // other calls do not pay the apply latency
    assertThat((System.nanoTime() - t2) / 1_000_000).isLessThan(1500);
  }

  @Test
  void errorRateAnswers500() {
    api.post("/__emulator/faults", "{\"errorRate\":1.0}");
    Client.Reply r = api.get("/api/core/firmware/status");
    assertThat(r.status()).isEqualTo(500);
    assertThat(r.body())
        .isEqualTo("{\"errorMessage\":\"Unexpected error, check log for details\"}");
    assertThat(api.get("/__emulator/faults").json().path("errorRate").asDouble()).isEqualTo(1.0);
  }

  @Test
  void dropRateClosesTheConnectionWithoutAnswer() {
    api.post("/__emulator/faults", "{\"dropRate\":1.0}");
    assertThatThrownBy(() -> api.get("/api/core/firmware/status"))
        .isInstanceOf(UncheckedIOException.class);
    api.send("DELETE", "/__emulator/faults", null, null);
    assertThat(api.get("/api/core/firmware/status").status()).isEqualTo(200);
  }

  @Test
  void failTheNthCallToAPath() {
    api.post(
        "/__emulator/faults",
        "{\"failNth\":[{\"path\":\"/api/firewall/category/searchItem\",\"n\":3}]}");
    assertThat(api.get("/api/firewall/category/searchItem").status()).isEqualTo(200);
    assertThat(api.get("/api/firewall/alias/searchItem").status()).isEqualTo(200);
    assertThat(api.get("/api/firewall/category/searchItem").status()).isEqualTo(200);
    assertThat(api.get("/api/firewall/category/searchItem").status()).isEqualTo(500);
    assertThat(api.get("/api/firewall/category/searchItem").status()).isEqualTo(200);
  }

  @Test
  void holdWriteToHoldsTheAnswerOfThatObjectsWriteOnly() throws Exception {
    String held = "3f1c2b7e-5a4d-4c6b-9e8f-0a1b2c3d4e5f";
    String other = "7d2e1f0a-9b8c-4d7e-8f6a-5b4c3d2e1f0a";
    api.post("/__emulator/faults", "{\"holdWriteTo\":\"" + held + "\"}");
    // another object's write answers at once
    assertThat(
            api.post(
                    "/api/firewall/alias/setItem/" + other,
                    "{\"alias\":{\"name\":\"other\",\"type\":\"host\",\"content\":\"10.0.0.2\"}}")
                .json()
                .path("result")
                .asText())
        .isEqualTo("saved");
    java.util.concurrent.CompletableFuture<Client.Reply> write =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () ->
                api.post(
                    "/api/firewall/alias/setItem/" + held,
                    "{\"alias\":{\"name\":\"held\",\"type\":\"host\",\"content\":\"10.0.0.1\"}}"));
    for (int i = 0;
        i < 100 && !api.get("/__emulator/faults").json().path("holding").asBoolean();
        i++) {
      Thread.sleep(50);
    }
    assertThat(api.get("/__emulator/faults").json().path("holding").asBoolean()).isTrue();
    assertThat(write).isNotDone();
    // the write is made while its answer waits
    assertThat(api.get("/api/firewall/alias/getItem/" + held).json().at("/alias/name").asText())
        .isEqualTo("held");
    api.send("DELETE", "/__emulator/faults", null, null);
    assertThat(write.get(10, java.util.concurrent.TimeUnit.SECONDS).json().path("result").asText())
        .isEqualTo("saved");
  }

  @Test
  void invalidFaultSettingsAreRejected() {
    assertThat(api.post("/__emulator/faults", "{\"errorRate\":2}").status()).isEqualTo(400);
    assertThat(api.post("/__emulator/faults", "{broken").status()).isEqualTo(400);
    assertThat(api.get("/__emulator/nothing").status()).isEqualTo(404);
  }

  @Test
  void stateShowsPendingAndAppliedPerSubsystem() {
    String id =
        api.post(
                "/api/firewall/alias/addItem",
                "{\"alias\":{\"name\":\"pending_one\",\"type\":\"host\",\"content\":\"10.2.2.2\"}}")
            .json()
            .path("uuid")
            .asText();
    JsonNode s = api.get("/__emulator/state").json();
    assertThat(s.at("/dirty/aliases").asBoolean()).isTrue();
    assertThat(s.at("/pending/collections/Firewall.Alias:aliases.alias/" + id + "/name").asText())
        .isEqualTo("pending_one");
    assertThat(s.at("/applied/aliases/Firewall.Alias:aliases.alias/" + id).isMissingNode())
        .isTrue();
    assertThat(s.at("/revision/description").asText())
        .isEqualTo("/api/firewall/alias/addItem made changes");
    api.post("/api/firewall/alias/reconfigure");
    JsonNode after = api.get("/__emulator/state").json();
    assertThat(after.at("/dirty/aliases").asBoolean()).isFalse();
    assertThat(after.at("/applied/aliases/Firewall.Alias:aliases.alias/" + id + "/name").asText())
        .isEqualTo("pending_one");

    api.post("/api/firewall/filter/addRule", "{\"rule\":{\"description\":\"pending rule\"}}");
    assertThat(api.get("/__emulator/state").json().at("/dirty/filter").asBoolean()).isTrue();
    api.post("/api/firewall/d_nat/apply");
    assertThat(api.get("/__emulator/state").json().at("/dirty/filter").asBoolean()).isFalse();
    assertThat(emu.state().at("/dirty/aliases").asBoolean()).isFalse();
  }

  @Test
  void keysCanBeAddedThroughTheControlApi() {
    JsonNode k = api.post("/__emulator/keys", "{\"pages\":[\"/api/core/firmware/*\"]}").json();
    Client limited = new Client(emu, k.path("key").asText(), k.path("secret").asText());
    assertThat(limited.get("/api/core/firmware/status").status()).isEqualTo(200);
    assertThat(limited.get("/api/firewall/alias/searchItem").status()).isEqualTo(403);
  }

  @Test
  void controlApiCanBeSwitchedOff() {
    try (OpnsenseEmulator quiet = OpnsenseEmulator.builder().controlApi(false).build().start()) {
      Client c = new Client(quiet);
      assertThat(c.get("/__emulator/calls").status()).isEqualTo(404);
      assertThat(c.get("/api/core/firmware/status").status()).isEqualTo(200);
    }
  }
}
