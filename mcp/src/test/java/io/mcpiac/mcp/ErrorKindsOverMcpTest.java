package io.mcpiac.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.Engine;
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
import io.mcpiac.mcp.McpClients.Session;
import io.mcpiac.mcp.server.HttpServer;
import io.mcpiac.mcp.server.HttpSettings;
import io.mcpiac.mcp.server.IacServer;
import io.mcpiac.mcp.server.ServerSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bug of ours (a provider or the engine throwing IllegalArgumentException or
 * NullPointerException) reaches an AI client as INTERNAL, never as VALIDATION_FAILED, which tells
 * the client to fix its own input; a real validation failure keeps VALIDATION_FAILED.
 */
class ErrorKindsOverMcpTest {
  @TempDir Path dir;

  @Test
  void aProviderThrowingIllegalArgumentExceptionIsAnInternalError() throws Exception {
    JsonNode env = planThrough(() -> new IllegalArgumentException("index 3 out of bounds"));
    assertThat(env.path("success").asBoolean()).isFalse();
    assertThat(env.path("error").path("code").asText()).as(env.toString()).isEqualTo("INTERNAL");
    assertThat(env.path("error").path("message").asText())
        .contains("internal error")
        .contains("index 3 out of bounds");
  }

  @Test
  void aProviderWhoseValidationThrowsIsAnInternalErrorNotTheCallersMistake() throws Exception {
    JsonNode env;
    try (Server server =
        new Server(dir, () -> new IllegalStateException("no options cached"), true)) {
      env = plan(server);
    }
    assertThat(env.path("success").asBoolean()).isFalse();
    assertThat(env.path("error").path("code").asText()).as(env.toString()).isEqualTo("INTERNAL");
    assertThat(env.path("error").path("message").asText()).contains("no options cached");
  }

  @Test
  void aProviderThrowingNullPointerExceptionIsAnInternalError() throws Exception {
    JsonNode env = planThrough(NullPointerException::new);
    assertThat(env.path("error").path("code").asText()).as(env.toString()).isEqualTo("INTERNAL");
  }

  @Test
  void aRealValidationFailureKeepsValidationFailed() throws Exception {
    try (Server server = new Server(dir, null)) {
      JsonNode env =
          server.session.call(
              "planDeployment",
              Map.of(
                  "deploymentId",
                  "d",
                  "resources",
                  List.of(Map.of("type", "core:nothing", "name", "x", "properties", Map.of()))));
      assertThat(env.path("error").path("code").asText())
          .as(env.toString())
          .isEqualTo("VALIDATION_FAILED");
    }
  }

  @Test
  void anArgumentOutsideItsSchemaKeepsValidationFailed() throws Exception {
    try (Server server = new Server(dir, null)) {
      JsonNode env =
          server.session.call(
              "planDeployment",
              Map.of(
                  "deploymentId",
                  "d",
                  "resources",
                  List.of(Map.of("type", "core:data", "name", "x", "properties", Map.of()))));
      assertThat(env.path("success").asBoolean()).as(env.toString()).isTrue();
      JsonNode apply =
          server.session.call(
              "applyDeployment",
              Map.of(
                  "planId",
                  env.path("data").path("planId").asText(),
                  "options",
                  Map.of("parallelism", 0)));
      assertThat(apply.path("error").path("code").asText())
          .as(apply.toString())
          .isEqualTo("VALIDATION_FAILED");
    }
  }

  private JsonNode planThrough(Supplier<RuntimeException> bug) throws Exception {
    try (Server server = new Server(dir, bug, false)) {
      return plan(server);
    }
  }

  private static JsonNode plan(Server server) throws Exception {
    {
      return server.session.call(
          "planDeployment",
          Map.of(
              "deploymentId",
              "d",
              "resources",
              List.of(Map.of("type", "core:data", "name", "x", "properties", Map.of("input", 1)))));
    }
  }

  /**
   * The core provider, except that its plan-time warnings (or, with {@code inValidate}, its
   * validation) throw what the test says.
   */
  private record Buggy(CoreProvider core, Supplier<RuntimeException> bug, boolean inValidate)
      implements Provider {
    @Override
    public String name() {
      return core.name();
    }

    @Override
    public List<ResourceType> resourceTypes() {
      return core.resourceTypes();
    }

    @Override
    public Map<String, String> validate(ResourceType type, String name, ObjectNode properties) {
      if (bug != null && inValidate) {
        throw bug.get();
      }
      return Map.of();
    }

    @Override
    public List<String> warnings(ResourceType type, String name, ObjectNode properties) {
      if (bug != null && !inValidate) {
        throw bug.get();
      }
      return List.of();
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

  private static final class Server implements AutoCloseable {
    private final StateStore store;
    private final IacServer iac;
    private final HttpServer http;
    final Session session;

    Server(Path dir, Supplier<RuntimeException> bug) throws Exception {
      this(dir, bug, false);
    }

    Server(Path dir, Supplier<RuntimeException> bug, boolean inValidate) throws Exception {
      store = StateStores.open("sqlite:" + dir.resolve("state.db"));
      ProviderRegistry registry =
          new ProviderRegistry().register("core", new Buggy(new CoreProvider(), bug, inValidate));
      iac = new IacServer(new Engine(registry, store), new ServerSettings("mcp-iac", "t", false));
      http = HttpServer.start(iac, HttpSettings.loopback(0, null));
      session = McpClients.connect(http);
    }

    @Override
    public void close() throws Exception {
      try (store;
          iac;
          http;
          session) {
        // closes all, last opened first
      }
    }
  }
}
