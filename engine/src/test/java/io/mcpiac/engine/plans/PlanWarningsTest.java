package io.mcpiac.engine.plans;

import static io.mcpiac.engine.config.DeploymentBuilder.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.providers.core.CoreProvider;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plan warnings are records (kind, resource, property, message): the renderer and the plan JSON
 * sort them by kind, not by wording, so a provider warning that reads like drift or like a note
 * still lands in the provider's section; the text and the JSON's {@code warnings} stay as they
 * were.
 */
class PlanWarningsTest {
  @TempDir Path dir;

  /**
   * The core provider with a plan-time warning whose wording looks like the engine's drift note.
   */
  private record Warning(CoreProvider core) implements Provider {
    @Override
    public String name() {
      return core.name();
    }

    @Override
    public List<ResourceType> resourceTypes() {
      return core.resourceTypes();
    }

    @Override
    public List<String> warnings(ResourceType type, String name, ObjectNode properties) {
      return List.of("2 resources have drifted: the service breaks");
    }

    @Override
    public Map<String, LiveResource> read(ResourceType type, List<ReadRequest> resources) {
      return core.read(type, resources);
    }

    @Override
    public List<ChangeResult> apply(List<Change> batch) {
      return core.apply(batch);
    }
  }

  @Test
  void warningsAreTypedAndShownAsBefore() throws Exception {
    try (StateStore store = StateStores.open("sqlite:" + dir.resolve("state.db"))) {
      Engine engine =
          new Engine(
              new ProviderRegistry().register("core", new Warning(new CoreProvider())), store);
      Deployment d =
          deployment("w")
              .resource("core:data", "a", r -> r.property("input", 1))
              .resource("core:data", "b", r -> r.property("input", 2))
              .build();
      Plan plan = engine.plan(d, new PlanRequest(Set.of("a"), Set.of(), List.of(), false));

      assertThat(plan.warnings())
          .containsExactly(
              PlanWarning.provider("a", "2 resources have drifted: the service breaks"),
              PlanWarning.provider("b", "2 resources have drifted: the service breaks"),
              PlanWarning.note(
                  "resource targeting is in effect: only a planned; other changes may be pending"
                      + " (run without --target to see them)"));
      assertThat(plan.warningTexts().get(0))
          .isEqualTo("resource 'a': 2 resources have drifted: the service breaks");

      String text = new PlanRenderer(false).render(plan);
      assertThat(text)
          .contains(
              "Warnings: accepted by the system, but likely to break a service\n"
                  + "  ! resource 'a': 2 resources have drifted: the service breaks\n")
          .contains("Note: resource targeting is in effect: only a planned")
          .doesNotContain("Note: resource 'a'");

      JsonNode json = PlanJson.of(plan);
      assertThat(json.path("warnings").get(0).asText())
          .isEqualTo("resource 'a': 2 resources have drifted: the service breaks");
      JsonNode first = json.path("warningDetails").get(0);
      assertThat(first.path("kind").asText()).isEqualTo("provider");
      assertThat(first.path("resource").asText()).isEqualTo("a");
      assertThat(first.path("message").asText())
          .isEqualTo("2 resources have drifted: the service breaks");
      assertThat(json.path("warningDetails").get(2).path("kind").asText()).isEqualTo("note");

      Path saved = dir.resolve("plan.json");
      PlanFile.write(plan, engine.registry(), saved);
      assertThat(PlanFile.read(saved).warnings()).isEqualTo(plan.warnings());
    }
  }

  @Test
  void aPlanFileWithTextWarningsStillReads() throws Exception {
    try (StateStore store = StateStores.open("sqlite:" + dir.resolve("state.db"))) {
      Engine engine =
          new Engine(new ProviderRegistry().register("core", new CoreProvider()), store);
      Plan plan =
          engine.plan(
              deployment("w").resource("core:data", "a", r -> r.property("input", 1)).build());
      Path saved = dir.resolve("plan.json");
      PlanFile.write(plan, engine.registry(), saved);
      ObjectNode root = (ObjectNode) Json.parse(Files.readString(saved));
      ((ObjectNode) root.path("plan")).putArray("warnings").add("an older note");
      Files.writeString(saved, Json.pretty(root));

      assertThat(PlanFile.read(saved).warnings())
          .containsExactly(PlanWarning.note("an older note"));
    }
  }
}
