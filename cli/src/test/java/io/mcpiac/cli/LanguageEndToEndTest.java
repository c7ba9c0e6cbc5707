package io.mcpiac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.cli.orchestrator.Processes;
import io.mcpiac.engine.json.Json;
import io.mcpiac.opnsense.emulator.OpnsenseEmulator;
import io.mcpiac.opnsense.emulator.api.ApiKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment language as a user runs it: {@code mcp-iac} processes against the OPNsense
 * emulator (validate, plan, apply, plan again, output, state show, destroy), with a directory of
 * files, variables from files and the environment, a secret from a file, and built-in templates.
 */
class LanguageEndToEndTest {
  private static final String SECRET = "Pa55-from-a-file-7f3e";

  @TempDir Path dir;
  OpnsenseEmulator emulator;
  final List<String> printed = new ArrayList<>();

  @BeforeEach
  void start() {
    emulator =
        OpnsenseEmulator.builder().tls(false).apiKey("key").apiSecret("secret").build().start();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private Map<String, String> env(String... more) {
    Map<String, String> env = new java.util.HashMap<>();
    env.put("OPNSENSE_URL", emulator.url());
    env.put("OPNSENSE_API_KEY", "key");
    env.put("OPNSENSE_API_SECRET", "secret");
    for (int i = 0; i + 1 < more.length; i += 2) {
      env.put(more[i], more[i + 1]);
    }
    return env;
  }

  private Processes.Run run(Map<String, String> env, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    if (!args[0].equals("validate")) {
      all.addAll(List.of("--state", "sqlite:" + dir.resolve("state.db")));
    }
    Processes.Run r = Processes.run(dir, all, env);
    printed.add(r.stdout());
    printed.add(r.stderr());
    return r;
  }

  private void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void aSecretFromAFileReachesTheFirewallAndNothingWrittenHoldsIt() throws Exception {
    Path project = dir.resolve("project");
    write(project.resolve("operator.pw"), SECRET + "\n");
    write(project.resolve("values.yaml"), "login: ops1\n");
    write(
        project.resolve("deployment.yaml"),
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: users}
        spec:
          variables:
            login: {type: string, description: the operator's login}
            group: {type: string, default: admins}
          resources:
            - type: opnsense:security:user
              name: operator
              properties:
                name: ${var.login}
                password: ${secret.file:operator.pw}
                description: operator of ${var.group}
            - type: core:data
              name: note
              properties: {input: "the password is ${operator.password}"}
          outputs:
            user: {value: "${operator.uuid}", description: the user's UUID}
            login: {value: "${var.login}"}
        """);
    write(project.resolve("notes.yaml.txt"), "not a yaml file, skipped");
    String vars = project.resolve("values.yaml").toString();
    Map<String, String> env = env("MCP_IAC_VAR_group", "operators");

    Processes.Run validate = run(env, "validate", "-f", "project", "--var-file", vars);
    assertThat(validate.exit()).as(validate.toString()).isZero();

    Processes.Run plan =
        run(env, "plan", "-f", "project", "--var-file", vars, "--out", "saved.plan", "--json");
    assertThat(plan.exit()).as(plan.toString()).isZero();
    assertThat(plan.stdout()).contains("(sensitive)");

    Processes.Run apply = run(env, "apply", "saved.plan", "--yes");
    assertThat(apply.exit()).as(apply.toString()).isZero();
    assertThat(apply.stdout()).contains("Outputs:", "login = \"ops1\"");
    // the firewall has the password (it keeps a hash of it), and the description from a variable
    String firewall = emulator.state().toString();
    assertThat(firewall).contains(ApiKeys.hash(SECRET), "operator of operators");

    Processes.Run again =
        run(env, "plan", "-f", "project", "--var-file", vars, "--detailed-exitcode");
    assertThat(again.exit()).as(again.toString()).isZero();

    Processes.Run output = run(env, "output", "login");
    assertThat(output.stdout().strip()).isEqualTo("ops1");
    Processes.Run outputs = run(env, "output", "--json");
    assertThat(Json.parse(outputs.stdout()).path("user").asText()).isNotBlank();
    Processes.Run show = run(env, "state", "show", "users", "--json");
    assertThat(Json.parse(show.stdout()).path("outputs").path("login").asText()).isEqualTo("ops1");
    run(env, "state", "show", "users");

    Processes.Run destroy =
        run(env, "destroy", "users", "-f", "project", "--var-file", vars, "--yes");
    assertThat(destroy.exit()).as(destroy.toString()).isZero();
    assertThat(emulator.state().toString()).doesNotContain(ApiKeys.hash(SECRET));

    assertThat(String.join("\n", printed)).doesNotContain(SECRET);
    assertNoFileHolds(dir, SECRET);
  }

  /** Every file under {@code root} but the secret's own: state, WAL, plan files, outputs. */
  private static void assertNoFileHolds(Path root, String secret) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (f.getFileName().toString().equals("operator.pw")) {
          continue;
        }
        String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertThat(bytes).as(f.toString()).doesNotContain(secret);
      }
    }
  }

  @Test
  void builtInTemplatesApplyToTheFirewallAndPlanNothingAfterwards() throws Exception {
    write(
        dir.resolve("edge.yaml"),
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: edge}
        spec:
          resources:
            - type: template:port-forward
              name: ssh
              properties: {target: 10.0.0.22, port: 2222, description: ssh to the bastion}
            - type: template:isolated-vlan
              name: guests
              properties:
                name: guests
                tag: 60
                subnet: 10.60.0.0/24
                gateway: 10.60.0.1
                dhcpStart: 10.60.0.100
                dhcpEnd: 10.60.0.199
          outputs:
            guestDevice: {value: "${guests.device}"}
            sshAlias: {value: "${ssh.alias}"}
        """);
    Map<String, String> env = env();
    Processes.Run plan = run(env, "plan", "-f", "edge.yaml");
    assertThat(plan.exit()).as(plan.toString()).isZero();
    assertThat(plan.stdout()).contains("▸ ssh", "ssh.nat", "▸ guests", "guests.vlan");

    Processes.Run apply = run(env, "apply", "-f", "edge.yaml", "--yes");
    assertThat(apply.exit()).as(apply.toString()).isZero();
    assertThat(apply.stdout()).contains("guestDevice = \"vlan0");
    String firewall = emulator.state().toString();
    assertThat(firewall).contains("ssh to the bastion", "10.60.0.100");

    Processes.Run again = run(env, "plan", "-f", "edge.yaml", "--detailed-exitcode");
    assertThat(again.exit()).as(again.toString()).isZero();

    Processes.Run destroy = run(env, "destroy", "edge", "-f", "edge.yaml", "--yes");
    assertThat(destroy.exit()).as(destroy.toString()).isZero();
    assertThat(emulator.state().toString()).doesNotContain("ssh to the bastion");
  }

  /**
   * The built-in web-service template from the directory example: two busybox containers on the
   * Docker Engine of {@code DOCKER_HOST}, published through the emulator's HAProxy. Skipped without
   * a Docker Engine, unless {@code MCP_IAC_REQUIRE_DOCKER=1}.
   */
  @Test
  void theWebServiceTemplateRunsContainersBehindTheFirewall() throws Exception {
    String docker = System.getenv("DOCKER_HOST");
    if (docker == null && !"1".equals(System.getenv("MCP_IAC_REQUIRE_DOCKER"))) {
      org.junit.jupiter.api.Assumptions.abort("skipped: no DOCKER_HOST");
    }
    Map<String, String> env = env("DOCKER_HOST", docker == null ? "" : docker);
    String example = Path.of("../examples/web-service").toAbsolutePath().toString();
    Processes.Run apply = run(env, "apply", "-f", example, "--yes");
    assertThat(apply.exit()).as(apply.toString()).isZero();
    assertThat(apply.stdout()).contains("url = \"http://shop.lan:8081/\"");
    JsonNode state = Json.parse(run(env, "state", "show", "web-service", "--json").stdout());
    List<String> servers = new ArrayList<>();
    for (JsonNode r : state.path("resources")) {
      if (r.path("name").asText().startsWith("shop.server[")) {
        servers.add(r.path("properties").path("address").asText());
      }
    }
    // each HAProxy server points at its container's address on the Docker network
    assertThat(servers)
        .hasSize(2)
        .allSatisfy(a -> assertThat(a).matches("\\d+\\.\\d+\\.\\d+\\.\\d+"));
    assertThat(emulator.state().toString()).contains(servers.get(0), servers.get(1), "shop.lan");

    Processes.Run again = run(env, "plan", "-f", example, "--detailed-exitcode");
    assertThat(again.exit()).as(again.toString()).isZero();
    Processes.Run destroy = run(env, "destroy", "web-service", "-f", example, "--yes");
    assertThat(destroy.exit()).as(destroy.toString()).isZero();
  }

  @Test
  void readsStandardInputAndReportsVariableErrorsWithLines() throws Exception {
    String deployment =
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: piped}
        spec:
          variables:
            count: {type: integer}
          resources:
            - type: core:data
              name: x
              properties: {input: "${var.count}"}
        """;
    write(dir.resolve("piped.yaml"), deployment);
    List<String> cmd = new ArrayList<>(Processes.mcpIac());
    cmd.addAll(List.of("validate", "-f", "-", "--var", "count=three", "--var", "colour=blue"));
    Process p =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectInput(dir.resolve("piped.yaml").toFile())
            .redirectOutput(dir.resolve("v.out").toFile())
            .redirectError(dir.resolve("v.err").toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String out = Files.readString(dir.resolve("v.out")) + Files.readString(dir.resolve("v.err"));
    assertThat(p.exitValue()).as(out).isEqualTo(2);
    assertThat(out).contains("<command line --var count>", "'count' (declared at <stdin>:6");
    assertThat(out).contains("<command line --var colour>", "no variable of that name");
  }

  @Test
  void templatesListAndShow() {
    Cli.Run list = Cli.run("templates", "list");
    assertThat(list.out())
        .as(list.printed())
        .contains("web-service", "isolated-vlan", "port-forward", "AWS");
    Cli.Run show = Cli.run("templates", "show", "web-service");
    assertThat(show.out()).contains("Parameters:", "hostname (string, required)", "kind: Template");
    JsonNode json = Json.parse(Cli.run("templates", "show", "port-forward", "--json").out());
    assertThat(json.path("parameters").has("target")).isTrue();
  }
}
