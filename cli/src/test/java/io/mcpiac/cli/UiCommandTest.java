package io.mcpiac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.json.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mcp-iac ui} as a user starts it: the URL it prints, the token it needs, and a plan and an
 * apply through its API with the command line's own providers and state (the browser scenarios are
 * the ui module's).
 */
class UiCommandTest {
  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void printsItsUrlWithATokenAndPlansAndAppliesWithTheCommandsStateAndProviders() throws Exception {
    String state = "sqlite:" + dir.resolve("state.db");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of("ui", "--port", "0", "--state", state));
    java.nio.file.Files.createDirectories(dir.resolve("app"));
    java.nio.file.Files.writeString(dir.resolve("app/deployment.yaml"), "kind: Deployment\n");
    java.nio.file.Files.createDirectories(dir.resolve(".hidden"));
    java.nio.file.Files.writeString(dir.resolve(".hidden/other.yaml"), "kind: Deployment\n");
    Process p = new ProcessBuilder(command).directory(dir.toFile()).start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      assertThat(line)
          .matches("mcp-iac ui: open http://127\\.0\\.0\\.1:[0-9]+/\\?token=[A-Za-z0-9_-]{43}");
      URI url = URI.create(line.substring(line.indexOf("http")));
      String token = url.getQuery().substring("token=".length());
      String base = "http://127.0.0.1:" + url.getPort();

      HttpResponse<String> page = get(url.toString(), null);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body())
          .contains("<title>mcp-iac</title>")
          .contains("content=\"" + token + "\"");
      assertThat(get(base + "/", null).statusCode()).isEqualTo(401);
      assertThat(get(base + "/api/deployments", "wrong").statusCode()).isEqualTo(401);

      // the plan form offers the YAML files under the directory the UI was started in
      assertThat(Json.parse(get(base + "/api/files", token).body()).toString())
          .isEqualTo("[\"app/deployment.yaml\"]");

      String file =
          Path.of("..", "examples", "core-chain.yaml").toAbsolutePath().normalize().toString();
      HttpResponse<String> planned = post(base + "/api/plan", token, "{\"file\":\"" + file + "\"}");
      assertThat(planned.statusCode()).as(planned.body()).isEqualTo(200);
      JsonNode view = Json.parse(planned.body());
      String planId = view.path("plan").path("planId").asText();
      String digest = view.path("digest").asText();
      assertThat(view.path("plan").path("summary").path("create").asInt()).isEqualTo(7);

      // a digest other than the one shown is refused, and nothing happens
      HttpResponse<String> other =
          post(
              base + "/api/apply",
              token,
              "{\"planId\":\"" + planId + "\",\"digest\":\"" + "0".repeat(64) + "\"}");
      assertThat(other.statusCode()).isEqualTo(409);
      assertThat(other.body()).contains("digest");
      assertThat(Cli.run("state", "list", "--state", state).out()).doesNotContain("core-chain");

      HttpResponse<String> started =
          post(
              base + "/api/apply",
              token,
              "{\"planId\":\"" + planId + "\",\"digest\":\"" + digest + "\"}");
      assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
      String run = Json.parse(started.body()).path("runId").asText();
      HttpResponse<String> events = get(base + "/api/runs/" + run + "/events", token);
      assertThat(events.headers().firstValue("Content-Type").orElse(""))
          .startsWith("text/event-stream");
      assertThat(events.body())
          .contains("event: progress")
          .contains("\"event\":\"start\"")
          .contains("event: end");
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  Json.parse(get(base + "/api/runs/" + run, token).body()).path("status").asText(),
              "succeeded"::equals);
      assertThat(Cli.run("state", "list", "--state", state).out()).contains("core-chain");

      // an apply by another mcp-iac process, watched through the state journal
      HttpResponse<java.io.InputStream> watch =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/api/deployments/watched/watch"))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      Path watchedFile = dir.resolve("watched.yaml");
      java.nio.file.Files.writeString(
          watchedFile,
          """
          apiVersion: iac.mcp/v1
          kind: Deployment
          metadata: {name: watched}
          spec:
            resources:
              - {type: core:data, name: first, properties: {input: 1}}
              - {type: core:data, name: second, properties: {input: "${first.output}"}}
          """);
      Cli.Run applied = Cli.run("apply", "-f", watchedFile.toString(), "--yes", "--state", state);
      assertThat(applied.exit()).as(applied.printed()).isZero();
      String seen =
          java.util.concurrent.CompletableFuture.supplyAsync(
                  () -> {
                    try (java.io.InputStream in = watch.body()) {
                      return readUntilEnd(in);
                    } catch (java.io.IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .get(30, TimeUnit.SECONDS);
      assertThat(seen)
          .contains("\"event\":\"start\"", "\"elsewhere\":true")
          .contains("event: graph", "\"name\":\"first\"", "\"name\":\"second\"")
          .contains("\"resource\":\"second\"", "\"status\":\"complete\"")
          .contains("event: end", "\"status\":\"succeeded\"");
    } finally {
      p.destroy();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** Server-sent events up to and including the {@code end} event. */
  private static String readUntilEnd(java.io.InputStream in) throws java.io.IOException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    StringBuilder out = new StringBuilder();
    boolean end = false;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      out.append(line).append('\n');
      if (line.equals("event: end")) {
        end = true;
      } else if (end && line.isEmpty()) {
        break;
      }
    }
    return out.toString();
  }

  private HttpResponse<String> get(String url, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String url, String token, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
