package io.mcpiac.engine.checkpoints;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.ResourceConfig;
import io.mcpiac.engine.config.SourceLocation;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.resources.ResourceState;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.states.Checkpoint;
import io.mcpiac.engine.states.ResourceRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 7: what a checkpoint keeps of the configuration — references as written, the
 * provider settings and address, and no secret — and how it becomes the configuration to restore.
 */
class CheckpointConfigurationTest {
  static final ResourceType USER =
      new ResourceType(
          "vault:user",
          "A user.",
          Json.parse("{\"type\":\"object\"}"),
          Set.of(),
          Set.of("password"),
          Map.of("id", "its id"),
          false);

  /** A provider that only declares its type and where it points. */
  static final class Vault implements Provider {
    @Override
    public String name() {
      return "vault";
    }

    @Override
    public List<ResourceType> resourceTypes() {
      return List.of(USER);
    }

    @Override
    public Map<String, LiveResource> read(ResourceType type, List<ReadRequest> resources) {
      return Map.of();
    }

    @Override
    public List<ChangeResult> apply(List<Change> batch) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String endpoint() {
      return "https://admin:pw@vault.example:8200";
    }
  }

  static ResourceConfig resource(String name, String json) {
    return new ResourceConfig(
        "vault:user",
        name,
        (ObjectNode) Json.parse(json),
        List.of(),
        null,
        new SourceLocation("office.yaml", 3),
        Map.of());
  }

  @Test
  void keepsReferencesAndSettingsAndLeavesSecretsOut() {
    ProviderRegistry registry = new ProviderRegistry().register("vault", new Vault());
    Deployment d =
        new Deployment(
            "office",
            Map.of("vault", (ObjectNode) Json.parse("{\"timeoutSeconds\":5}")),
            List.of(
                resource("admins", "{\"name\":\"admins\"}"),
                resource(
                    "svc",
                    "{\"name\":\"svc\",\"group\":\"${admins.id}\",\"password\":\"S3cret!one\","
                        + "\"token\":\"${var.token}\"}")),
            new SourceLocation("office.yaml", 1),
            Map.of("token", Json.parse("\"xyz-token\"")),
            Map.of());
    String kept = CheckpointConfiguration.of(d, registry);

    assertThat(kept).contains("\"group\":\"${admins.id}\"");
    assertThat(kept).doesNotContain("S3cret!one").doesNotContain("xyz-token");
    assertThat(Json.parse(kept).at("/resources/1/withheld").toString())
        .isEqualTo("[\"password\",\"token\"]");
    assertThat(Json.parse(kept).at("/providers/vault/endpoint").asText())
        .isEqualTo("https://vault.example:8200");
    assertThat(Json.parse(kept).at("/providers/vault/settings/timeoutSeconds").asInt())
        .isEqualTo(5);

    // restored: the configuration's resources in its order, the records' stand-ins for what was
    // withheld, and a recorded resource the configuration lacks (imported later) from its record
    ObjectNode recordedSvc = (ObjectNode) Json.parse("{\"name\":\"svc\",\"password\":\"(kept)\"}");
    Checkpoint cp =
        new Checkpoint(
            "cp-1",
            "office",
            3,
            Instant.now(),
            "good",
            List.of(
                record("svc", recordedSvc),
                record("admins", (ObjectNode) Json.parse("{\"name\":\"admins\"}")),
                record("adopted", (ObjectNode) Json.parse("{\"name\":\"adopted\"}"))),
            kept);
    Deployment restored = CheckpointConfiguration.restorable(cp);
    assertThat(restored.resources())
        .extracting(ResourceConfig::name)
        .containsExactly("admins", "svc", "adopted");
    ObjectNode svc = restored.resource("svc").orElseThrow().properties();
    assertThat(svc.path("group").asText()).isEqualTo("${admins.id}");
    assertThat(svc.path("password").asText()).isEqualTo("(kept)");
    assertThat(svc.has("token")).isFalse();
    assertThat(restored.providers().get("vault").path("timeoutSeconds").asInt()).isEqualTo(5);

    // an old checkpoint (no configuration) is restored from its records, as before
    Checkpoint old =
        new Checkpoint("cp-0", "office", 3, Instant.now(), "old", cp.resources(), null);
    assertThat(CheckpointConfiguration.restorable(old).resources()).hasSize(3);
  }

  private static ResourceRecord record(String name, ObjectNode props) {
    return new ResourceRecord(
        name,
        "vault:user",
        "vault",
        "id-" + name,
        props,
        (ObjectNode) Json.parse("{\"id\":\"id-" + name + "\"}"),
        List.of(),
        ResourceState.CREATED);
  }
}
