package io.mcpiac.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.core.CoreProvider;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import io.mcpiac.mcp.jobs.Jobs;
import io.mcpiac.mcp.protocol.StandardTool;
import io.mcpiac.mcp.protocol.ToolArguments;
import io.mcpiac.mcp.tools.IacTool;
import io.mcpiac.mcp.tools.PlanCache;
import io.mcpiac.mcp.tools.ToolContext;
import io.mcpiac.mcp.tools.ToolSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standard tools are named once: the server registers exactly these names, every argument the
 * orchestrator's client writes is one the server's tool declares, and what the client writes the
 * server reads back as the same values.
 */
class StandardToolsTest {
  @TempDir Path dir;
  StateStore store;

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private Map<String, IacTool> registered() {
    store = StateStores.open("sqlite:" + dir.resolve("s.db"));
    Engine engine = new Engine(new ProviderRegistry().register("core", new CoreProvider()), store);
    return ToolSet.of(new ToolContext(engine, new PlanCache(), new Jobs()), false).stream()
        .collect(Collectors.toMap(IacTool::name, Function.identity()));
  }

  static List<ToolArguments> samples() {
    return List.of(
        new ToolArguments.Plan(
            "part",
            List.of(
                new ToolArguments.Resource(
                    "core:data", "a", Json.parseObject("{\"input\": 1}"), List.of()),
                new ToolArguments.Resource(
                    "core:data", "b", Json.parseObject("{\"input\": 2}"), List.of("a")))),
        new ToolArguments.Apply("plan-1", true, true, new ExecutionOptions(5, false, false)),
        new ToolArguments.GetState("part"),
        new ToolArguments.CreateSnapshot("part", "before"),
        new ToolArguments.RollbackToSnapshot("cp-1", true),
        new ToolArguments.Destroy("part", true));
  }

  @Test
  void theServerRegistersEveryStandardToolUnderItsName() {
    List<String> names = Arrays.stream(StandardTool.values()).map(StandardTool::toolName).toList();
    assertThat(registered().keySet()).containsAll(names);
    // the names MCP clients have always seen
    assertThat(names).containsExactlyElementsOf(McpServerContract.STANDARD_TOOLS);
  }

  @Test
  void everyArgumentTheClientWritesIsDeclaredByTheServersTool() {
    Map<String, IacTool> tools = registered();
    for (ToolArguments args : samples()) {
      IacTool tool = tools.get(args.tool().toolName());
      assertThat(tool).as(args.tool().toolName()).isNotNull();
      JsonNode declared = tool.inputSchema().path("properties");
      List<String> written = new ArrayList<>();
      args.toJson().fieldNames().forEachRemaining(written::add);
      for (String name : written) {
        assertThat(declared.has(name)).as(tool.name() + " declares '" + name + "'").isTrue();
      }
      JsonNode item = declared.path("resources").path("items").path("properties");
      args.toJson()
          .path("resources")
          .forEach(
              r ->
                  r.fieldNames()
                      .forEachRemaining(
                          f -> assertThat(item.has(f)).as("resource field '" + f + "'").isTrue()));
      JsonNode options = declared.path("options").path("properties");
      args.toJson()
          .path("options")
          .fieldNames()
          .forEachRemaining(f -> assertThat(options.has(f)).as("option '" + f + "'").isTrue());
    }
  }

  @Test
  void whatTheClientWritesTheServerReadsBack() {
    ToolArguments.Apply apply =
        new ToolArguments.Apply("plan-1", true, false, new ExecutionOptions(3, true, false));
    assertThat(ToolArguments.Apply.from(apply.toJson())).isEqualTo(apply);
    // the orchestrator's apply, exactly as servers have always received it
    assertThat(
            new ToolArguments.Apply("p", true, true, new ExecutionOptions(5, false, false))
                .toJson()
                .toString())
        .isEqualTo(
            "{\"planId\":\"p\",\"confirm\":true,\"wait\":true,"
                + "\"options\":{\"rollbackOnFailure\":false}}");
    ToolArguments.CreateSnapshot snap = new ToolArguments.CreateSnapshot("part", "before");
    assertThat(ToolArguments.CreateSnapshot.from(snap.toJson())).isEqualTo(snap);
    ToolArguments.GetState state = new ToolArguments.GetState("part");
    assertThat(ToolArguments.GetState.from(state.toJson())).isEqualTo(state);
  }
}
