package io.mcpiac.engine.execution;

import static io.mcpiac.engine.config.DeploymentBuilder.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlanRequest;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.KeptSecrets;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.resources.Secrets;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a provider that restates untouched objects (the orchestrator's remote servers) learns of
 * their secrets during a run ({@link KeptSecrets}): the configured value in clear, only for a
 * resource the run leaves alone and only when it is the recorded secret.
 */
class KeptSecretsTest {
  @TempDir Path dir;
  private StateStore store;
  private Engine engine;
  private final Restating provider = new Restating();

  @BeforeEach
  void setUp() {
    store = StateStores.open("sqlite:" + dir.resolve("state.db"));
    engine = new Engine(new ProviderRegistry().register("vault", provider), store);
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  private static Deployment accounts(String password, String otherNote) {
    return deployment("d")
        .resource("vault:account", "app", r -> r.property("password", password))
        .resource(
            "vault:account",
            "other",
            r -> r.property("password", "other-secret").property("note", otherNote))
        .build();
  }

  private void apply(Plan plan) {
    ExecutionResult r =
        engine.apply(plan, ExecutionOptions.DEFAULTS, ProgressListener.NONE, new Cancellation());
    assertThat(r.success()).as(String.valueOf(r.error())).isTrue();
  }

  @Test
  void anUntouchedResourcesRecordedSecretIsGivenInClearToTheBatchOfAnother() {
    apply(engine.plan(accounts("configured", "a")));
    provider.seen.clear();

    apply(engine.plan(accounts("configured", "b")));

    assertThat(provider.seen).containsOnlyKeys("app", "other");
    Map<String, JsonNode> app = provider.seen.get("app").orElseThrow();
    assertThat(app).containsOnlyKeys("password");
    assertThat(app.get("password").isTextual()).isTrue();
    assertThat(Secrets.isSecret(app.get("password"))).isFalse();
    assertThat(app.get("password").textValue()).isEqualTo("configured");
    // the resource the batch changes is not "kept": its change carries its values
    assertThat(provider.seen.get("other")).isEmpty();
  }

  @Test
  void aSecretConfiguredOtherThanRecordedIsNotGivenForAResourceLeftAloneByTarget() {
    apply(engine.plan(accounts("configured", "a")));
    provider.seen.clear();

    Plan targeted =
        engine.plan(
            accounts("changed-but-not-targeted", "b"),
            new PlanRequest(Set.of("other"), Set.of(), List.of(), false));
    apply(targeted);

    assertThat(provider.seen.get("app")).isEmpty();
  }

  /**
   * The clear values a provider is given for a change (and for its undo) never reach the journal:
   * undoing a create journals the record of what is deleted, with its secrets as digests.
   */
  @Test
  void aRolledBackCreateLeavesNoClearSecretInTheJournal() throws Exception {
    provider.failing = "broken";
    Deployment d =
        deployment("d")
            .resource("vault:account", "app", r -> r.property("password", "rolled-back-secret"))
            .resource(
                "vault:account", "broken", r -> r.property("password", "x").property("note", "n"))
            .build();

    ExecutionResult r =
        engine.apply(
            engine.plan(d), ExecutionOptions.DEFAULTS, ProgressListener.NONE, new Cancellation());

    assertThat(r.success()).isFalse();
    assertThat(r.rolledBack()).isTrue();
    assertThat(provider.objects).isEmpty();
    store.close();
    for (Path f : java.nio.file.Files.list(dir).toList()) {
      assertThat(
              new String(
                  java.nio.file.Files.readAllBytes(f),
                  java.nio.charset.StandardCharsets.ISO_8859_1))
          .as(f.toString())
          .doesNotContain("rolled-back-secret");
    }
    store = StateStores.open("sqlite:" + dir.resolve("state.db"));
  }

  @Test
  void aCallWithoutARunKnowsNone() {
    assertThat(KeptSecrets.NONE.of("vault:account", "app")).isEmpty();
  }

  /** Records, for every batch, what the run gives of each account's secrets. */
  static final class Restating implements Provider {
    final Map<String, Optional<Map<String, JsonNode>>> seen = new ConcurrentHashMap<>();

    /** The resource whose change fails (null: none). */
    volatile String failing;

    /** What the system shows of each object: its properties, the password never. */
    final Map<String, com.fasterxml.jackson.databind.node.ObjectNode> objects =
        new ConcurrentHashMap<>();

    static final ResourceType TYPE = io.mcpiac.engine.providers.AccountType.ACCOUNT;

    @Override
    public String name() {
      return "vault";
    }

    @Override
    public List<ResourceType> resourceTypes() {
      return List.of(TYPE);
    }

    @Override
    public Map<String, LiveResource> read(ResourceType type, List<ReadRequest> requests) {
      Map<String, LiveResource> out = new java.util.LinkedHashMap<>();
      for (ReadRequest r : requests) {
        if (objects.containsKey(r.id())) {
          out.put(r.name(), new LiveResource(r.name(), r.id(), objects.get(r.id()), Json.object()));
        }
      }
      return out;
    }

    @Override
    public List<ChangeResult> apply(List<Change> batch) {
      return apply(batch, KeptSecrets.NONE);
    }

    @Override
    public List<ChangeResult> apply(List<Change> batch, KeptSecrets kept) {
      seen.put("app", kept.of(TYPE.name(), "app"));
      seen.put("other", kept.of(TYPE.name(), "other"));
      List<ChangeResult> out = new ArrayList<>();
      for (Change c : batch) {
        if (c.name().equals(failing)) {
          out.add(ChangeResult.failed(c.name(), "refused"));
          continue;
        }
        if (c.kind() == Change.Kind.DELETE) {
          objects.remove(c.id());
        } else {
          com.fasterxml.jackson.databind.node.ObjectNode shown = c.desired().deepCopy();
          shown.remove("password");
          objects.put(c.id(), shown);
        }
        out.add(ChangeResult.ok(c.name(), c.id(), Json.object()));
      }
      return out;
    }
  }
}
