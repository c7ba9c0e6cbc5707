package io.mcpiac.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.Engine;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.providers.ScopedEntryPoints;
import io.mcpiac.engine.providers.core.CoreProvider;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import io.mcpiac.mcp.server.IacServer;
import io.mcpiac.mcp.server.ServerSettings;
import io.mcpiac.mcp.tools.IacTool;
import io.mcpiac.opnsense.OpnsenseProviderFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tools a server offers beyond the standard set come from what its providers declare (the MCP
 * module names no vendor), under the names, titles and descriptions the seed's network tools have
 * always had.
 */
class ProviderToolsTest {
  @TempDir Path dir;

  private List<IacTool> tools(ProviderRegistry registry, boolean readOnly) {
    try (StateStore store = StateStores.open("sqlite:" + dir.resolve("state.db"))) {
      return new IacServer(new Engine(registry, store), new ServerSettings("t", "1", readOnly))
          .tools();
    }
  }

  private static Map<String, IacTool> byName(List<IacTool> tools) {
    return tools.stream().collect(Collectors.toMap(IacTool::name, Function.identity()));
  }

  @Test
  void anOpnsenseInstanceAddsTheNetworkToolsUnchanged() {
    ProviderRegistry registry = new ProviderRegistry().register("core", new CoreProvider());
    registry.register(
        "opnsense", new OpnsenseProviderFactory(Map.of()).create("opnsense", Json.object()));
    Map<String, IacTool> tools = byName(tools(registry, false));

    IacTool plan = tools.get("planNetworkDeployment");
    assertThat(plan.title()).isEqualTo("Plan network infrastructure changes");
    assertThat(plan.description())
        .isEqualTo(
            "Plan opnsense: resources (VLANs, firewall rules, HAProxy, DNS…). Give 'resources'"
                + " (the seed's Resource objects) with 'deploymentId', or a whole 'deployment'."
                + " Returns a planId for applyDeployment and the rendered diff; nothing changes."
                + " Invalid input answers VALIDATION_FAILED with every diagnostic.");
    assertThat(plan.effect()).isEqualTo(IacTool.Effect.READ_ONLY);
    IacTool apply = tools.get("applyNetworkDeployment");
    assertThat(apply.title()).isEqualTo("Apply planned network changes");
    assertThat(apply.description()).startsWith("Apply a plan made by planNetworkDeployment: ");
    assertThat(apply.effect()).isEqualTo(IacTool.Effect.DESTRUCTIVE);
    assertThat(tools.get("planDeployment").title()).isEqualTo("Plan a deployment");
    assertThat(tools.get("applyDeployment").description())
        .startsWith("Apply a plan made by planDeployment: ");
    // the same input schemas as the standard tools
    assertThat(plan.inputSchema()).isEqualTo(tools.get("planDeployment").inputSchema());
    assertThat(apply.inputSchema()).isEqualTo(tools.get("applyDeployment").inputSchema());

    assertThat(byName(tools(registry, true)))
        .containsKey("planNetworkDeployment")
        .doesNotContainKey("applyNetworkDeployment");
  }

  @Test
  void withoutTheDefaultInstanceThereAreNoNetworkTools() {
    ProviderRegistry registry = new ProviderRegistry().register("core", new CoreProvider());
    registry.register(
        "opnsense/branch",
        new OpnsenseProviderFactory(Map.of()).create("opnsense/branch", Json.object()));
    assertThat(byName(tools(registry, false)))
        .containsKey("planDeployment")
        .doesNotContainKeys("planNetworkDeployment", "applyNetworkDeployment");
  }

  /**
   * What stands in for a provider (the orchestrator's proxy of a remote server) declares nothing.
   */
  private static Provider standIn(String name, List<ScopedEntryPoints> declared) {
    return new Provider() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<ResourceType> resourceTypes() {
        return List.of();
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
      public List<ScopedEntryPoints> scopedEntryPoints() {
        return declared;
      }
    };
  }

  @Test
  void aStandInForOpnsenseOffersTheNetworkToolsItsFactoryDeclares() {
    ProviderRegistry registry = new ProviderRegistry().register("core", new CoreProvider());
    registry.register("opnsense", standIn("opnsense", List.of()));
    assertThat(byName(tools(registry, false)).get("planNetworkDeployment").title())
        .isEqualTo("Plan network infrastructure changes");
  }

  @Test
  void anyProviderDeclaresItsOwnEntryPoints() {
    ProviderRegistry registry = new ProviderRegistry().register("core", new CoreProvider());
    registry.register(
        "lab",
        standIn(
            "lab",
            List.of(
                new ScopedEntryPoints(
                    "planLabDeployment",
                    "applyLabDeployment",
                    "Plan lab",
                    "Apply lab",
                    "benches"))));
    Map<String, IacTool> tools = byName(tools(registry, false));
    assertThat(tools.get("planLabDeployment").description())
        .startsWith("Plan lab: resources (benches). ");
    assertThat(tools.get("applyLabDeployment").description())
        .startsWith("Apply a plan made by planLabDeployment: ");
    assertThat(tools).doesNotContainKey("planNetworkDeployment");
  }
}
