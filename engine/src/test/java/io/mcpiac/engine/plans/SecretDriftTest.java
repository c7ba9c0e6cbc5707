package io.mcpiac.engine.plans;

import static io.mcpiac.engine.config.DeploymentBuilder.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.execution.Cancellation;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.execution.ProgressListener;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secret changed on the system behind the tool's back ({@link Provider#changedSecrets}): the
 * system keeps a verifier of the password (as a database keeps a hash), state keeps a digest, and
 * only the provider can tell whether the configured value still matches what the system holds.
 */
class SecretDriftTest {
  @TempDir Path dir;
  private StateStore store;
  private Engine engine;
  private final Accounts accounts = new Accounts(true);

  @BeforeEach
  void setUp() {
    store = StateStores.open("sqlite:" + dir.resolve("state.db"));
    engine =
        new Engine(
            new ProviderRegistry()
                .register("vault", accounts)
                .register("vault/blind", new Accounts(false)),
            store);
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  private static Deployment account(String provider, String password) {
    return deployment("d")
        .resource(
            "vault:account",
            "app",
            r -> {
              r.property("password", password);
              if (!provider.equals("vault")) {
                r.provider(provider);
              }
            })
        .build();
  }

  private void apply(Deployment d) {
    var applied =
        engine.planAndApply(
            d, ExecutionOptions.DEFAULTS, p -> true, ProgressListener.NONE, new Cancellation());
    assertThat(applied.result().success()).as(String.valueOf(applied.result().error())).isTrue();
  }

  @Test
  void aSecretChangedOnTheSystemIsDriftAndTheNextApplySetsItAgain() throws Exception {
    apply(account("vault", "configured"));
    assertThat(engine.plan(account("vault", "configured")).hasChanges()).isFalse();

    accounts.verifiers.replaceAll((id, v) -> verifier("set by hand"));
    Plan plan = engine.plan(account("vault", "configured"));
    PlannedAction a = plan.action("app").orElseThrow();
    assertThat(a.drift()).extracting(PropertyChange::path).containsExactly("password");
    assertThat(a.action()).isEqualTo(ActionType.UPDATE);
    String text = new PlanRenderer(false).render(plan);
    assertThat(text)
        .contains("password")
        .doesNotContain("configured")
        .doesNotContain("set by hand");

    apply(account("vault", "configured"));
    assertThat(accounts.verifiers.values()).containsExactly(verifier("configured"));
    assertThat(engine.plan(account("vault", "configured")).hasChanges()).isFalse();
    String state =
        Files.readString(dir.resolve("state.db"), java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(state).doesNotContain("configured");
  }

  @Test
  void aProviderThatCannotTellShowsNoSecretDrift() {
    Deployment d = account("vault/blind", "configured");
    apply(d);
    Accounts blind = (Accounts) engine.registry().providerFor("vault:account", "vault/blind");
    blind.verifiers.replaceAll((id, v) -> verifier("set by hand"));
    assertThat(engine.plan(d).hasChanges()).isFalse();
  }

  private static String verifier(String password) {
    return Json.sha256("verifier:" + password);
  }

  /** A system that keeps accounts with a password verifier, never the password. */
  static final class Accounts implements Provider {
    final Map<String, String> verifiers = new ConcurrentHashMap<>();
    private final boolean canTell;

    Accounts(boolean canTell) {
      this.canTell = canTell;
    }

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
        if (verifiers.containsKey(r.id())) {
          out.put(r.name(), new LiveResource(r.name(), r.id(), Json.object(), Json.object()));
        }
      }
      return out;
    }

    @Override
    public Set<String> changedSecrets(ResourceType type, LiveResource live, ObjectNode configured) {
      if (!canTell || !configured.has("password")) {
        return Set.of();
      }
      return verifier(configured.get("password").asText()).equals(verifiers.get(live.id()))
          ? Set.of()
          : Set.of("password");
    }

    @Override
    public List<ChangeResult> apply(List<Change> batch) {
      List<ChangeResult> out = new ArrayList<>();
      for (Change c : batch) {
        switch (c.kind()) {
          case CREATE, UPDATE ->
              verifiers.put(c.id(), verifier(((ObjectNode) c.desired()).path("password").asText()));
          case DELETE -> verifiers.remove(c.id());
        }
        out.add(ChangeResult.ok(c.name(), c.id(), Json.object()));
      }
      return out;
    }
  }
}
