package io.mcpiac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate} says how many stages the apply will have, and says what {@code plan} then shows:
 * the order a provider implies (a namespace before what lives in it, though the file never says so)
 * counts, without reaching any system.
 */
class ValidateStagesTest {
  @TempDir Path dir;

  @Test
  void validateCountsTheStagesThePlanHasImpliedOrderIncluded() throws Exception {
    try (MockKubernetes cluster = new MockKubernetes()) {
      cluster.kubeconfig(dir);
      Path file = dir.resolve("shop.yaml");
      // by its references alone: two stages (shop and config, then web); the namespace comes
      // first, so three
      Files.writeString(
          file,
          """
          apiVersion: iac.mcp/v1
          kind: Deployment
          metadata: {name: shop}
          spec:
            providers:
              k8s: {kubeconfig: kubeconfig}
            resources:
              - type: k8s:core:namespace
                name: shop
              - type: k8s:core:configmap
                name: config
                properties: {namespace: shop, data: {MODE: production}}
              - type: k8s:apps:deployment
                name: web
                properties:
                  namespace: shop
                  image: nginx:1.27
                  env: {CONFIG: "${config.name}"}
                  wait: false
          """);

      Cli.Run validate = Cli.run("validate", "-f", file.toString());
      assertThat(validate.exit()).as(validate.printed()).isZero();
      assertThat(validate.out()).contains("3 resources in 3 stages.");

      String state = "sqlite:" + dir.resolve("state.db");
      Cli.Run plan = Cli.run("plan", "-f", file.toString(), "--state", state, "--json");
      assertThat(plan.exit()).as(plan.printed()).isZero();
      Set<Integer> stages = new TreeSet<>();
      for (JsonNode a : Json.parse(plan.out()).path("actions")) {
        stages.add(a.path("stage").asInt());
      }
      assertThat(stages).containsExactly(1, 2, 3);
    }
  }
}
