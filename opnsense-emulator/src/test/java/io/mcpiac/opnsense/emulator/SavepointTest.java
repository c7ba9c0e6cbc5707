package io.mcpiac.opnsense.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The 26.1 savepoint / rollback timer (2.1.1) and its absence on 26.7. */
class SavepointTest {
  static OpnsenseEmulator emu;
  static Client api;

  @BeforeAll
  static void start() {
    emu = OpnsenseEmulator.builder().version("26.1").build().start();
    api = new Client(emu);
  }

  @AfterAll
  static void stop() {
    emu.close();
  }

  @BeforeEach
  void shortTimer() {
    // through the control API, as a test or benchmark would do it
    assertThat(
            api.post("/__emulator/timers", "{\"rollbackMillis\":800}")
                .json()
                .path("rollbackMillis")
                .asLong())
        .isEqualTo(800);
  }

  static String savepoint() {
    Client.Reply r = api.post("/api/firewall/filter/savepoint");
    assertThat(r.json().path("status").asText()).isEqualTo("ok");
    assertThat(r.json().path("retention").asText()).isEqualTo("100");
    String rev = r.json().path("revision").asText();
    assertThat(rev).matches("\\d+\\.\\d{2}");
    return rev;
  }

  static String addRule(String descr) {
    return api.post(
            "/api/firewall/filter/addRule", "{\"rule\":{\"description\":\"" + descr + "\"}}")
        .json()
        .path("uuid")
        .asText();
  }

  @Test
  void timerRestoresOnlyTheFilterSectionWhenNotCancelled() {
    String rev = savepoint();
    String rule = addRule("will vanish");
    String alias =
        api.post(
                "/api/firewall/alias/addItem",
                "{\"alias\":{\"name\":\"stays\",\"type\":\"host\",\"content\":\"10.1.1.1\"}}")
            .json()
            .path("uuid")
            .asText();
    assertThat(api.post("/api/firewall/filter/apply/" + rev).body())
        .isEqualTo("{\"status\":\"OK\\n\\n\"}");
    assertThat(api.get("/api/firewall/filter/getRule/" + rule).json().isObject()).isTrue();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> api.get("/api/firewall/filter/getRule/" + rule).body().equals("[]"));
    assertThat(api.get("/api/firewall/alias/getItem/" + alias).json().at("/alias/name").asText())
        .isEqualTo("stays");
    assertThat(api.post("/api/firewall/filter/cancelRollback/" + rev).body())
        .isEqualTo("{\"status\":\"\"}");
  }

  @Test
  void cancelRollbackInTimeKeepsTheChanges() throws Exception {
    // long enough to cancel on a loaded machine; the timer's absence is checked instead of waiting
    api.post("/__emulator/timers", "{\"rollbackMillis\":5000}");
    String rev = savepoint();
    String rule = addRule("kept");
    api.post("/api/firewall/filter/apply/" + rev);
    assertThat(api.post("/api/firewall/filter/cancelRollback/" + rev).body())
        .isEqualTo("{\"status\":\"\\n\\n\"}");
    assertThat(api.get("/__emulator/timers").json().path("pendingRollback").isNull()).isTrue();
    assertThat(
            api.get("/api/firewall/filter/getRule/" + rule).json().at("/rule/description").asText())
        .isEqualTo("kept");
    assertThat(api.post("/api/firewall/filter/cancelRollback/" + rev).body())
        .isEqualTo("{\"status\":\"\"}");
  }

  @Test
  void onlyOneTimerRunsAtATime() throws Exception {
    api.post("/__emulator/timers", "{\"rollbackMillis\":5000}");
    String first = savepoint();
    String rule = addRule("first window");
    api.post("/api/firewall/filter/apply/" + first);
    String second = savepoint();
    api.post("/api/firewall/filter/apply/" + second);
    // the second apply started no timer: cancelling its revision finds nothing
    assertThat(api.post("/api/firewall/filter/cancelRollback/" + second).body())
        .isEqualTo("{\"status\":\"\"}");
    assertThat(api.post("/api/firewall/filter/cancelRollback/" + first).body())
        .isEqualTo("{\"status\":\"\\n\\n\"}");
    assertThat(api.get("/api/firewall/filter/getRule/" + rule).json().isObject()).isTrue();
  }

  @Test
  void revertRestoresAtOnceAndRejectsUnknownRevisions() {
    String rev = savepoint();
    String rule = addRule("reverted");
    assertThat(api.post("/api/firewall/filter/revert/" + rev).body())
        .isEqualTo("{\"status\":\"ok\"}");
    assertThat(api.get("/api/firewall/filter/getRule/" + rule).body()).isEqualTo("[]");
    assertThat(api.post("/api/firewall/filter/revert/12345.67").body())
        .isEqualTo("{\"status\":\"unknown (or removed) savepoint\"}");
    assertThat(api.get("/api/firewall/filter/savepoint").body())
        .isEqualTo("{\"status\":\"error\"}");
  }

  @Test
  void savepointEndpointsAre404On267() {
    try (OpnsenseEmulator v267 = OpnsenseEmulator.builder().version("26.7").build().start()) {
      Client c = new Client(v267);
      assertThat(c.post("/api/firewall/filter/savepoint").status()).isEqualTo(404);
      assertThat(c.post("/api/firewall/filter/cancelRollback/1.00").status()).isEqualTo(404);
      assertThat(c.post("/api/firewall/filter/revert/1.00").body())
          .isEqualTo("{\"errorMessage\":\"Endpoint not found\"}");
      assertThat(c.post("/api/firewall/filter/apply/1718000000.12").body())
          .isEqualTo("{\"status\":\"OK\\n\\n\"}");
      assertThat(c.get("/__emulator/timers").json().path("pendingRollback").isNull()).isTrue();
    }
  }
}
