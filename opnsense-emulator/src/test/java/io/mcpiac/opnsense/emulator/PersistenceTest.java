package io.mcpiac.opnsense.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Persistence under a data directory: one file written atomically, revisions kept, restarts. */
class PersistenceTest {
  @TempDir Path dir;

  static OpnsenseEmulator start(Path dir) {
    return OpnsenseEmulator.builder()
        .version("26.1")
        .apiKey("persist-key")
        .apiSecret("persist-secret")
        .dataDir(dir)
        .build()
        .start();
  }

  @Test
  void everythingSurvivesARestart() throws Exception {
    String alias;
    String rule;
    String rev;
    String ca;
    try (OpnsenseEmulator emu = start(dir)) {
      ca = emu.caCertificatePem();
      Client api = new Client(emu);
      alias =
          api.post(
                  "/api/firewall/alias/addItem",
                  "{\"alias\":{\"name\":\"kept\",\"type\":\"host\",\"content\":\"10.3.3.3\"}}")
              .json()
              .path("uuid")
              .asText();
      rev = api.post("/api/firewall/filter/savepoint").json().path("revision").asText();
      rule =
          api.post("/api/firewall/filter/addRule", "{\"rule\":{\"description\":\"kept rule\"}}")
              .json()
              .path("uuid")
              .asText();
      api.post("/api/firewall/alias/reconfigure");
      assertThat(Files.exists(dir.resolve("config.json"))).isTrue();
      try (Stream<Path> backups = Files.list(dir.resolve("backup"))) {
        assertThat(backups.count()).isEqualTo(3);
      }
      try (Stream<Path> tmp = Files.list(dir)) {
        assertThat(tmp.filter(p -> p.getFileName().toString().startsWith(".tmp"))).isEmpty();
      }
    }
    try (OpnsenseEmulator emu = start(dir)) {
      // the CA is kept too, so a client that trusted the first run still verifies the server
      assertThat(emu.caCertificatePem()).isEqualTo(ca);
      Client api = new Client(emu.url(), ca, "persist-key", "persist-secret");
      assertThat(api.get("/api/firewall/alias/getItem/" + alias).json().at("/alias/name").asText())
          .isEqualTo("kept");
      assertThat(
              api.get("/api/firewall/filter/getRule/" + rule)
                  .json()
                  .at("/rule/description")
                  .asText())
          .isEqualTo("kept rule");
      JsonNode state = api.get("/__emulator/state").json();
      assertThat(state.at("/dirty/aliases").asBoolean()).as("applied state is kept").isFalse();
      assertThat(state.at("/dirty/filter").asBoolean()).isTrue();
      // revisions survive too: the savepoint from before the restart can still be reverted to
      assertThat(api.post("/api/firewall/filter/revert/" + rev).body())
          .isEqualTo("{\"status\":\"ok\"}");
      assertThat(api.get("/api/firewall/filter/getRule/" + rule).body()).isEqualTo("[]");
      assertThat(api.get("/api/firewall/alias/getItem/" + alias).json().at("/alias/name").asText())
          .isEqualTo("kept");
    }
  }

  @Test
  void onlyTheNewestRevisionsAreKept() throws Exception {
    try (OpnsenseEmulator emu = start(dir)) {
      Client api = new Client(emu);
      for (int i = 0; i < 105; i++) {
        api.post("/api/firewall/category/addItem", "{\"category\":{\"name\":\"c" + i + "\"}}");
      }
      try (Stream<Path> backups = Files.list(dir.resolve("backup"))) {
        assertThat(backups.count()).isEqualTo(100);
      }
      assertThat(api.get("/api/firewall/category/searchItem").json().path("total").asInt())
          .isEqualTo(105);
    }
  }
}
