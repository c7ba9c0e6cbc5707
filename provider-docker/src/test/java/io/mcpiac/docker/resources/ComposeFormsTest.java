package io.mcpiac.docker.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.json.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ComposeFormsTest {
  private static final Path BASE = Path.of("/srv/app");

  @Test
  void shortFormsBecomeTheLongForms() {
    var p =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            Json.parse(
                """
                {"image": "x",
                 "ports": ["80", "8080:80", "127.0.0.1:8443:443/udp", "[::1]:53:53",
                           {"containerPort": 1}],
                 "volumes": ["data:/d", "./site:/www:ro", "/abs:/abs:rw"],
                 "environment": {"A": "1"}, "restart": "always", "mem_limit": "128m"}
                """);
    p.put("command", "sh -c 'echo \"hi there\"' --x=\\ y \"\"");
    var c = ComposeForms.canonical(p, BASE);
    assertThat(c.get("command"))
        .isEqualTo(Json.parse("[\"sh\", \"-c\", \"echo \\\"hi there\\\"\", \"--x= y\", \"\"]"));
    assertThat(Json.write(c.get("ports")))
        .isEqualTo(
            "[{\"containerPort\":80},{\"hostPort\":8080,\"containerPort\":80},"
                + "{\"host\":\"127.0.0.1\",\"hostPort\":8443,\"containerPort\":443,\"protocol\":\"udp\"},"
                + "{\"host\":\"::1\",\"hostPort\":53,\"containerPort\":53},{\"containerPort\":1}]");
    assertThat(Json.write(c.get("volumes")))
        .isEqualTo(
            "[{\"source\":\"data\",\"target\":\"/d\"},"
                + "{\"source\":\"/srv/app/site\",\"target\":\"/www\",\"readOnly\":true},"
                + "{\"source\":\"/abs\",\"target\":\"/abs\"}]");
    assertThat(c.get("env").get("A").asText()).isEqualTo("1");
    assertThat(c.get("restartPolicy").asText()).isEqualTo("always");
    assertThat(c.get("memory").asText()).isEqualTo("128m");
    assertThat(c.has("environment") || c.has("restart") || c.has("mem_limit")).isFalse();
    assertThat(ComposeForms.canonical(c, BASE)).isEqualTo(c);
  }

  @Test
  void whatIsNotUnderstoodIsSaid() {
    var p =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            Json.parse(
                """
                {"image": "x", "ports": ["8000-8001:80"], "volumes": ["/anonymous"],
                 "environment": ["FROM_SHELL"], "env": {}, "restart": "no"}
                """);
    var problems = ComposeForms.problems(p);
    assertThat(problems).containsKeys("ports[0]", "volumes[0]", "environment[0]", "environment");
    assertThat(problems.get("ports[0]")).contains("ranges are not supported");
  }
}
