package io.mcpiac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.mcpiac.engine.json.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mcp-iac serve --provider kubernetes} as an MCP client starts it (stdio), against fabric8's
 * CRUD mock through {@code KUBECONFIG}: a deployment planned and applied over MCP lands on the
 * cluster, ordered by the namespace it lives in.
 */
class KubernetesServeTest {
  @TempDir Path dir;

  @Test
  void servesTheKubernetesProviderOverStdio() throws Exception {
    MockKubernetes cluster = new MockKubernetes();
    Path kubeconfig = cluster.kubeconfig(dir);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of("serve", "--provider", "kubernetes"));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().put("KUBECONFIG", kubeconfig.toString());
    pb.environment().put("MCP_IAC_STATE", "sqlite:" + dir.resolve("state.db"));
    pb.redirectError(dir.resolve("stderr.txt").toFile());
    Process p = pb.start();
    try (cluster) {
      NamespacedKubernetesClient client = cluster.client;
      OutputStream in = p.getOutputStream();
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      send(
          in,
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
              + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
              + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
      answer(out, 1);
      send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
      send(
          in,
          """
          {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"planDeployment","arguments":
           {"deploymentId":"shop","resources":[
             {"type":"k8s:core:configmap","name":"cfg","properties":{"namespace":"shop","data":{"a":"1"}}},
             {"type":"k8s:core:namespace","name":"shop"}]}}}"""
              .replace("\n", ""));
      JsonNode plan = answer(out, 2).path("result").path("structuredContent");
      assertThat(plan.path("success").asBoolean()).as(plan.toString()).isTrue();
      String planId = plan.path("data").path("planId").asText();
      send(
          in,
          "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":"
              + "\"applyDeployment\",\"arguments\":{\"planId\":\""
              + planId
              + "\",\"confirm\":true,\"wait\":true}}}");
      JsonNode applied = answer(out, 3).path("result").path("structuredContent");
      assertThat(applied.path("success").asBoolean()).as(applied.toString()).isTrue();
      assertThat(client.namespaces().withName("shop").get()).isNotNull();
      assertThat(client.configMaps().inNamespace("shop").withName("cfg").get().getData())
          .containsEntry("a", "1");
    } finally {
      p.destroy();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static void send(OutputStream in, String message) throws Exception {
    in.write((message + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  /** The answer to request {@code id}, skipping notifications. */
  private static JsonNode answer(BufferedReader out, int id) throws Exception {
    for (String line; (line = out.readLine()) != null; ) {
      JsonNode m = Json.parse(line);
      if (m.path("id").asInt(-1) == id) {
        return m;
      }
    }
    throw new AssertionError("the server closed stdout before answering " + id);
  }
}
