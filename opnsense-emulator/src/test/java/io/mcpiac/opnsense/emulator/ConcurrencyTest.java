package io.mcpiac.opnsense.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Writes serialise like OPNsense's config lock: 16 parallel writers lose nothing. */
class ConcurrencyTest {
  static final int WRITERS = 16;
  static final int PER_WRITER = 15;

  @Test
  void sixteenParallelWritersLoseNoUpdate() throws Exception {
    try (OpnsenseEmulator emu = OpnsenseEmulator.builder().build().start()) {
      Client api = new Client(emu);
      String shared =
          api.post("/api/firewall/filter/addRule", "{\"rule\":{\"description\":\"shared\"}}")
              .json()
              .path("uuid")
              .asText();
      ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
      List<Future<Integer>> results = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        results.add(
            pool.submit(
                () -> {
                  Client c = new Client(emu);
                  int saved = 0;
                  for (int i = 0; i < PER_WRITER; i++) {
                    Client.Reply r =
                        c.post(
                            "/api/firewall/alias/addItem",
                            "{\"alias\":{\"name\":\"w"
                                + writer
                                + "_"
                                + i
                                + "\",\"type\":\"host\",\"content\":\"10.0."
                                + writer
                                + "."
                                + i
                                + "\"}}");
                    saved += "saved".equals(r.json().path("result").asText()) ? 1 : 0;
                  }
                  // every writer also changes its own field of one shared rule: partial updates
                  // must not clobber each other
                  String field = writer % 2 == 0 ? "tag" : "tagged";
                  c.post(
                      "/api/firewall/filter/setRule/" + shared,
                      "{\"rule\":{\"" + field + "\":\"w" + writer + "\"}}");
                  return saved;
                }));
      }
      int total = 0;
      for (Future<Integer> f : results) {
        total += f.get();
      }
      pool.shutdown();
      assertThat(total).isEqualTo(WRITERS * PER_WRITER);
      JsonNode search =
          api.post("/api/firewall/alias/searchItem", "{\"searchPhrase\":\"w\",\"rowCount\":-1}")
              .json();
      List<String> names = new ArrayList<>();
      search.path("rows").forEach(r -> names.add(r.path("name").asText()));
      assertThat(names.stream().filter(n -> n.matches("w\\d+_\\d+")).distinct().count())
          .isEqualTo(WRITERS * PER_WRITER);
      JsonNode rule = api.get("/api/firewall/filter/getRule/" + shared).json().path("rule");
      assertThat(rule.path("tag").asText()).startsWith("w");
      assertThat(rule.path("tagged").asText()).startsWith("w");
      assertThat(rule.path("description").asText()).isEqualTo("shared");
    }
  }

  @Test
  void duplicateNamesFromParallelWritersAreCaughtByTheUniqueConstraint() throws Exception {
    try (OpnsenseEmulator emu = OpnsenseEmulator.builder().build().start()) {
      ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
      List<Future<String>> results = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        results.add(
            pool.submit(
                () ->
                    new Client(emu)
                        .post(
                            "/api/firewall/category/addItem", "{\"category\":{\"name\":\"race\"}}")
                        .json()
                        .path("result")
                        .asText()));
      }
      List<String> outcomes = new ArrayList<>();
      for (Future<String> f : results) {
        outcomes.add(f.get());
      }
      pool.shutdown();
      assertThat(outcomes.stream().filter("saved"::equals).count()).isEqualTo(1);
      assertThat(outcomes.stream().filter("failed"::equals).count()).isEqualTo(WRITERS - 1);
    }
  }
}
