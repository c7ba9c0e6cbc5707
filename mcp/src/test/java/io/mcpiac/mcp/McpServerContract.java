package io.mcpiac.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.mcp.McpClients.Session;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What an MCP client sees of the IaC server, whatever the transport: the tool set, envelopes, plan
 * → apply with progress → state → checkpoint → restore, background applies and their cancellation,
 * confirmation, read-only servers.
 */
abstract class McpServerContract {
  static final List<String> STANDARD_TOOLS =
      List.of(
          "planDeployment",
          "applyDeployment",
          "destroyDeployment",
          "getDeploymentState",
          "listResources",
          "getResource",
          "validateConfig",
          "createSnapshot",
          "rollbackToSnapshot",
          "createCheckpoint",
          "restoreCheckpoint",
          "listCheckpoints",
          "cancelDeployment",
          "importResources");

  static final List<String> READ_ONLY_TOOLS =
      List.of(
          "planDeployment",
          "getDeploymentState",
          "listResources",
          "getResource",
          "validateConfig",
          "listCheckpoints");

  /** A transport to a server with the core provider (one state store per test). */
  abstract McpClientTransport transport();

  /** A transport to a read-only server. */
  abstract McpClientTransport readOnlyTransport();

  Session connect() {
    return McpClients.connect(transport(), null);
  }

  static Map<String, Object> data(String name, Object input, String... dependencies) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("input", input);
    return resource(name, props, dependencies);
  }

  static Map<String, Object> resource(
      String name, Map<String, Object> props, String... dependencies) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("type", "core:data");
    r.put("name", name);
    r.put("properties", props);
    r.put("dependencies", List.of(dependencies));
    return r;
  }

  static String planId(Session s, String deployment, List<Map<String, Object>> resources) {
    JsonNode plan =
        s.call("planDeployment", Map.of("deploymentId", deployment, "resources", resources));
    assertThat(plan.path("success").asBoolean()).as(plan.toString()).isTrue();
    return plan.path("data").path("planId").asText();
  }

  @Test
  void offersTheStandardToolsWithSchemasAndAnnotations() {
    try (Session s = connect()) {
      List<McpSchema.Tool> tools = s.client().listTools().tools();
      assertThat(tools).extracting(McpSchema.Tool::name).containsExactlyElementsOf(STANDARD_TOOLS);
      for (McpSchema.Tool t : tools) {
        assertThat(t.inputSchema()).as(t.name()).containsEntry("type", "object");
        assertThat(t.outputSchema()).as(t.name()).containsKey("properties");
        assertThat(t.description()).as(t.name()).isNotBlank();
        assertThat(t.annotations().readOnlyHint())
            .as(t.name())
            .isEqualTo(READ_ONLY_TOOLS.contains(t.name()));
      }
      McpSchema.Tool apply =
          tools.stream().filter(t -> t.name().equals("applyDeployment")).findFirst().orElseThrow();
      assertThat(apply.annotations().destructiveHint()).isTrue();
    }
  }

  @Test
  void invalidConfigurationAnswersAnEnvelopeWithEveryDiagnostic() {
    try (Session s = connect()) {
      List<Map<String, Object>> resources =
          List.of(
              Map.of("type", "core:nope", "name", "a", "properties", Map.of()),
              data("b", 1, "missing"));
      JsonNode env = s.call("validateConfig", Map.of("resources", resources));
      assertThat(env.path("success").asBoolean()).isFalse();
      assertThat(env.path("error").path("code").asText()).isEqualTo("VALIDATION_FAILED");
      assertThat(env.path("error").path("details").path("diagnostics").size())
          .isGreaterThanOrEqualTo(2);
      assertThat(env.path("metadata").path("server").asText()).isEqualTo("mcp-iac");
      assertThat(env.toString()).doesNotContain("Exception").doesNotContain("\tat ");

      JsonNode plan = s.call("planDeployment", Map.of("resources", resources));
      assertThat(plan.path("error").path("code").asText()).isEqualTo("VALIDATION_FAILED");

      JsonNode unknownPlan = s.call("applyDeployment", Map.of("planId", "plan-nope"));
      assertThat(unknownPlan.path("error").path("code").asText()).isEqualTo("PLAN_NOT_FOUND");

      JsonNode badArgs = s.call("applyDeployment", Map.of("planId", 42));
      assertThat(badArgs.path("error").path("code").asText()).isEqualTo("VALIDATION_FAILED");

      JsonNode missing = s.call("getDeploymentState", Map.of("deploymentId", "nothing"));
      assertThat(missing.path("error").path("code").asText()).isEqualTo("NOT_FOUND");
    }
  }

  /**
   * The furthest progress notification, waiting up to 5 s for one that reports {@code complete}.
   * The furthest, not the last received: the SDK's sync client hands each notification to its
   * consumer on a pool thread of its own ({@code subscribeOn(boundedElastic)}), so two sent in
   * order may reach it in the other order (a full CI run once waited 5 s with 1 of 2 as the last).
   */
  private static McpSchema.ProgressNotification furthestProgressOnceComplete(
      Session s, double complete) {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    while (true) {
      McpSchema.ProgressNotification last =
          s.progress().stream()
              .max(java.util.Comparator.comparingDouble(McpSchema.ProgressNotification::progress))
              .orElse(null);
      if ((last != null && last.progress() >= complete) || System.nanoTime() > deadline) {
        assertThat(last).as("progress notifications").isNotNull();
        return last;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void plansAppliesWithProgressThenCheckpointsAndRestores() {
    try (Session s = connect()) {
      String planId = planId(s, "web", List.of(data("a", "one"), data("b", "${a.output}", "a")));
      JsonNode applied =
          s.callWithProgress("applyDeployment", Map.of("planId", planId), "apply-web");
      assertThat(applied.path("success").asBoolean()).as(applied.toString()).isTrue();
      assertThat(applied.path("data").path("results").size()).isEqualTo(2);
      assertThat(s.progressArrived())
          .isNotEmpty()
          .allSatisfy(p -> assertThat(p.progressToken()).isEqualTo("apply-web"));
      // the server writes each notification before the answer, but the client SDK hands
      // notifications to their consumer on threads of their own: they may come just after, and
      // in any order
      McpSchema.ProgressNotification last = furthestProgressOnceComplete(s, 2.0);
      assertThat(s.progress()).anySatisfy(p -> assertThat(p.message()).startsWith("✓ create"));
      assertThat(last.progress()).isEqualTo(2.0);
      assertThat(last.total()).isEqualTo(2.0);

      JsonNode state = s.call("getDeploymentState", Map.of("deploymentId", "web"));
      assertThat(state.path("data").path("version").asLong()).isEqualTo(1);
      assertThat(state.path("data").path("status").asText()).isEqualTo("succeeded");
      assertThat(state.path("data").path("resources").findValuesAsText("name"))
          .containsExactly("a", "b");
      assertThat(
              state.path("data").path("resources").get(1).path("outputs").path("output").asText())
          .isEqualTo("one");

      JsonNode cp =
          s.call("createCheckpoint", Map.of("deploymentId", "web", "description", "before"));
      String checkpointId = cp.path("data").path("id").asText();
      assertThat(checkpointId).isNotBlank();

      // change a, remove b: a plan with a delete
      String change = planId(s, "web", List.of(data("a", "two")));
      JsonNode refused = s.call("applyDeployment", Map.of("planId", change));
      assertThat(refused.path("error").path("code").asText()).isEqualTo("CONFIRMATION_REQUIRED");
      assertThat(refused.path("error").path("details").path("delete").get(0).asText())
          .isEqualTo("b");
      JsonNode stillOne = s.call("getDeploymentState", Map.of("deploymentId", "web"));
      assertThat(stillOne.path("data").path("version").asLong()).isEqualTo(1);

      JsonNode confirmed = s.call("applyDeployment", Map.of("planId", change, "confirm", true));
      assertThat(confirmed.path("success").asBoolean()).as(confirmed.toString()).isTrue();
      JsonNode list = s.call("listResources", Map.of("filter", Map.of("deploymentId", "web")));
      assertThat(list.path("data").path("count").asInt()).isEqualTo(1);

      JsonNode restored =
          s.call("restoreCheckpoint", Map.of("checkpointId", checkpointId, "confirm", true));
      assertThat(restored.path("success").asBoolean()).as(restored.toString()).isTrue();
      JsonNode back = s.call("getResource", Map.of("id", "web/b"));
      assertThat(back.path("data").path("outputs").path("output").asText()).isEqualTo("one");
      JsonNode a = s.call("getResource", Map.of("id", "a", "deploymentId", "web"));
      assertThat(a.path("data").path("properties").path("input").asText()).isEqualTo("one");

      JsonNode checkpoints = s.call("listCheckpoints", Map.of("deploymentId", "web"));
      assertThat(checkpoints.path("data").path("checkpoints").size()).isEqualTo(1);
    }
  }

  @Test
  void backgroundApplyShowsProgressAndCanBeCancelled() {
    try (Session s = connect()) {
      List<Map<String, Object>> slow = new ArrayList<>();
      slow.add(resource("s1", Map.of("input", 1, "delayMs", 1500)));
      slow.add(resource("s2", Map.of("input", 2, "delayMs", 1500), "s1"));
      slow.add(resource("s3", Map.of("input", 3, "delayMs", 1500), "s2"));
      String planId = planId(s, "slow", slow);
      JsonNode started = s.call("applyDeployment", Map.of("planId", planId, "wait", false));
      assertThat(started.path("data").path("status").asText()).isEqualTo("running");
      assertThat(started.path("data").path("deploymentId").asText()).isEqualTo("slow");

      JsonNode running = s.call("getDeploymentState", Map.of("deploymentId", "slow"));
      assertThat(running.path("data").path("status").asText()).isEqualTo("running");
      assertThat(running.path("data").path("job").path("total").asInt()).isIn(0, 3);

      JsonNode cancelled = s.call("cancelDeployment", Map.of("deploymentId", "slow"));
      assertThat(cancelled.path("success").asBoolean()).as(cancelled.toString()).isTrue();
      assertThat(cancelled.path("data").path("status").asText()).isEqualTo("cancelled");

      JsonNode after = s.call("getDeploymentState", Map.of("deploymentId", "slow"));
      assertThat(after.path("data").path("status").asText()).isEqualTo("cancelled");
      assertThat(after.path("data").path("job").path("result").path("rolledBack").asBoolean())
          .isTrue();
      assertThat(after.path("data").path("resources").size()).isZero();
      assertThat(after.path("data").path("job").path("events").size()).isPositive();

      JsonNode nothing = s.call("cancelDeployment", Map.of("deploymentId", "slow"));
      assertThat(nothing.path("error").path("code").asText()).isEqualTo("NOT_FOUND");
    }
  }

  @Test
  void aReadOnlyServerOffersNoMutatingTool() {
    try (Session s = McpClients.connect(readOnlyTransport(), null)) {
      assertThat(s.client().listTools().tools())
          .extracting(McpSchema.Tool::name)
          .containsExactlyElementsOf(READ_ONLY_TOOLS)
          .allSatisfy(n -> assertThat(n).doesNotStartWith("apply"));
    }
  }
}
