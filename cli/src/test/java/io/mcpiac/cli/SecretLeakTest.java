package io.mcpiac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.cli.demo.Sandbox;
import io.mcpiac.engine.json.Json;
import io.mcpiac.mcp.server.IacServer;
import io.mcpiac.opnsense.client.ConnectionSettings;
import io.mcpiac.opnsense.client.OpnsenseClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grep for the secret: every route a secret can take (a secret property; a whole reference to
 * it; a reference inside a string; through a {@code core:data} output; a password under {@code
 * native}), grepped over every output a user or an assistant gets: plan text, {@code --json}, plan
 * files, apply output, state show and export, refresh, the SQLite file and its WAL, logs with debug
 * on, and every MCP tool answer and resource. The firewall, meanwhile, must get the real values.
 */
class SecretLeakTest {
  static final String PASSWORD = "Pw-7f3c1e9aZ";
  static final String NATIVE = "Nt-4b8d2a6cQ";

  @TempDir Path dir;

  static String deployment(String name) {
    return """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: %s}
        spec:
          resources:
            - type: opnsense:security:user
              name: u1
              properties: {password: "%s", description: operator}
            - type: opnsense:firewall:alias
              name: whole
              properties: {type: host, content: ["10.0.0.1"], description: "${u1.password}"}
            - type: opnsense:firewall:alias
              name: inside
              properties: {type: host, content: ["10.0.0.2"], description: "pw=${u1.password}"}
            - type: core:data
              name: carrier
              properties: {input: "${u1.password}"}
            - type: opnsense:firewall:alias
              name: viaoutput
              properties: {type: host, content: ["10.0.0.3"], description: "${carrier.output}"}
            - type: opnsense:firewall:alias
              name: nativepw
              properties: {type: urltable, content: ["https://lists.example/x"], native: {password: "%s"}}
        """
        .formatted(name, PASSWORD, NATIVE);
  }

  @Test
  void noSecretInAnyCliOutputStateOrLogWhileTheFirewallGetsTheValues() throws Exception {
    try (Sandbox fw = Sandbox.start("26.7")) {
      Path file = dir.resolve("leak.yaml");
      Files.writeString(file, deployment("leak"));
      String state = "sqlite:" + dir.resolve("state.db");
      Map<String, String> env = new HashMap<>(fw.env("OPNSENSE_"));
      List<Cli.Run> runs = new ArrayList<>();

      runs.add(ok(cli(env, "validate", "-f", file.toString())));
      Path planFile = dir.resolve("plan.json");
      runs.add(ok(cli(env, "plan", "-f", file.toString(), "--state", state)));
      runs.add(ok(cli(env, "plan", "-f", file.toString(), "--state", state, "--json")));
      runs.add(
          ok(
              cli(
                  env,
                  "plan",
                  "-f",
                  file.toString(),
                  "--state",
                  state,
                  "--out",
                  planFile.toString())));
      // the saved plan holds no secret, and applying it sends the real values, not empty ones
      runs.add(ok(cli(env, "apply", planFile.toString(), "--state", state, "--yes", "--json")));
      Map<String, String> descriptions = aliasDescriptions(fw);
      assertThat(descriptions)
          .containsEntry("whole", PASSWORD)
          .containsEntry("inside", "pw=" + PASSWORD)
          .containsEntry("viaoutput", PASSWORD);

      // converged: no drift that never clears
      Cli.Run again =
          cli(env, "plan", "-f", file.toString(), "--state", state, "--detailed-exitcode");
      runs.add(again);
      assertThat(again.exit()).as(again.printed()).isZero();
      runs.add(ok(cli(env, "apply", "-f", file.toString(), "--state", state, "--yes")));
      runs.add(ok(cli(env, "refresh", "leak", "-f", file.toString(), "--state", state, "--yes")));
      runs.add(ok(cli(env, "state", "show", "leak", "--state", state, "--json")));
      runs.add(ok(cli(env, "state", "show", "leak", "--state", state)));
      runs.add(ok(cli(env, "state", "export", "leak", "--state", state)));

      for (Cli.Run r : runs) {
        assertNoSecret(r.out() + r.err(), r.printed());
      }
      assertNoSecret(Files.readString(planFile), "plan file");
      try (Stream<Path> files = Files.list(dir)) {
        for (Path p :
            files.filter(p -> p.getFileName().toString().startsWith("state.db")).toList()) {
          assertNoSecret(
              new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1), p.toString());
        }
      }
    }
  }

  @Test
  void noSecretInAnyMcpAnswerOrResource() throws Exception {
    try (Sandbox fw = Sandbox.start("26.7")) {
      Map<String, String> env = new HashMap<>(fw.env("OPNSENSE_"));
      env.put("MCP_IAC_DEBUG", "1");
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      StringBuilder stderr = new StringBuilder();
      StdioClientTransport transport =
          new StdioClientTransport(
              ServerParameters.builder(java)
                  .args(
                      "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug",
                      "-cp",
                      System.getProperty("java.class.path"),
                      Main.class.getName(),
                      "serve",
                      "--provider",
                      "all",
                      "--state",
                      "sqlite:" + dir.resolve("mcp.db"))
                  .env(env)
                  .build(),
              IacServer.JSON);
      transport.setStdErrorHandler(line -> stderr.append(line).append('\n'));
      List<String> answers = new ArrayList<>();
      try (McpSyncClient client =
          McpClient.sync(transport).requestTimeout(Duration.ofSeconds(120)).build()) {
        client.initialize();
        String yaml = deployment("leak");
        answers.add(call(client, "validateConfig", Map.of("deployment", yaml)));
        String plan = call(client, "planDeployment", Map.of("deployment", yaml));
        answers.add(plan);
        String planId =
            Json.parse(plan).path("structuredContent").path("data").path("planId").asText();
        answers.add(call(client, "applyDeployment", Map.of("planId", planId, "confirm", true)));
        assertThat(aliasDescriptions(fw)).containsEntry("whole", PASSWORD);
        answers.add(call(client, "planDeployment", Map.of("deployment", yaml)));
        answers.add(call(client, "getDeploymentState", Map.of("deploymentId", "leak")));
        answers.add(call(client, "listResources", Map.of("deploymentId", "leak")));
        for (String r : List.of("u1", "whole", "inside", "carrier", "viaoutput", "nativepw")) {
          answers.add(call(client, "getResource", Map.of("deploymentId", "leak", "id", r)));
        }
        answers.add(
            call(client, "createCheckpoint", Map.of("deploymentId", "leak", "description", "c")));
        answers.add(call(client, "listCheckpoints", Map.of("deploymentId", "leak")));
        answers.add(call(client, "createSnapshot", Map.of("deploymentId", "leak")));
        for (McpSchema.Resource r : client.listResources().resources()) {
          answers.add(Json.write(client.readResource(new McpSchema.ReadResourceRequest(r.uri()))));
        }
        answers.add(
            Json.write(
                client.readResource(
                    new McpSchema.ReadResourceRequest("mcp-iac://deployments/leak/state"))));
      }
      for (String a : answers) {
        assertNoSecret(a, a);
      }
      assertNoSecret(stderr.toString(), "the server's log");
      try (Stream<Path> files = Files.list(dir)) {
        for (Path p : files.filter(p -> p.getFileName().toString().startsWith("mcp.db")).toList()) {
          assertNoSecret(
              new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1), p.toString());
        }
      }
    }
  }

  private static String call(McpSyncClient client, String tool, Map<String, Object> args) {
    McpSchema.CallToolResult result =
        client.callTool(new McpSchema.CallToolRequest(tool, new LinkedHashMap<>(args)));
    String text = Json.write(result);
    assertThat(Boolean.TRUE.equals(result.isError())).as(tool + ": " + text).isFalse();
    return text;
  }

  private static Map<String, String> aliasDescriptions(Sandbox fw) {
    OpnsenseClient c =
        new OpnsenseClient(
            ConnectionSettings.resolve("opnsense", Json.object(), fw.env("OPNSENSE_")));
    Map<String, String> out = new HashMap<>();
    for (JsonNode row : c.searchAll("/api/firewall/alias/searchItem", Json.object())) {
      out.put(row.path("name").asText(), row.path("description").asText());
    }
    return out;
  }

  private static void assertNoSecret(String text, String where) {
    assertThat(text).as(where).doesNotContain(PASSWORD).doesNotContain(NATIVE);
  }

  private static Cli.Run ok(Cli.Run r) {
    assertThat(r.exit()).as(r.printed()).isZero();
    return r;
  }

  /** The command as a separate process, with debug logging on, as a user runs it. */
  private Cli.Run cli(Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=debug");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().putAll(env);
    pb.environment().put("MCP_IAC_DEBUG", "1");
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    pb.redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p = pb.start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + String.join(" ", args));
    }
    Cli.Run r = new Cli.Run(p.exitValue(), Files.readString(out), Files.readString(err));
    Files.delete(out);
    Files.delete(err);
    return r;
  }
}
