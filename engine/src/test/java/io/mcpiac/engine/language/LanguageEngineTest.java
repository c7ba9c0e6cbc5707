package io.mcpiac.engine.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpiac.engine.config.ConfigException;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.DeploymentLoader;
import io.mcpiac.engine.config.DeploymentValidator;
import io.mcpiac.engine.config.Diagnostic;
import io.mcpiac.engine.config.LoadedDeployment;
import io.mcpiac.engine.config.VariableInputs;
import io.mcpiac.engine.execution.EngineFixture;
import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.ActionType;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlanFile;
import io.mcpiac.engine.plans.PlanJson;
import io.mcpiac.engine.plans.PlanRenderer;
import io.mcpiac.engine.plans.PlannedAction;
import io.mcpiac.engine.states.ResourceRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment language through the real engine path (load and expand, validate, plan, apply,
 * plan again, destroy) with the built-in provider and SQLite state: variables, forEach, templates,
 * outputs, secrets, other deployments' outputs, the {@code id} attribute and qualified references.
 */
class LanguageEngineTest {
  @TempDir Path dir;
  EngineFixture fx;

  @BeforeEach
  void open() {
    fx = new EngineFixture("sqlite:" + dir.resolve("state.db"));
  }

  @AfterEach
  void close() {
    fx.close();
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private Deployment load(Path file, VariableInputs inputs) {
    LoadedDeployment loaded = DeploymentLoader.read(file, inputs);
    return DeploymentValidator.requireValid(loaded, fx.engine.registry());
  }

  private static VariableInputs env(Map<String, String> env) {
    return new VariableInputs(env, List.of(), List.of(), null);
  }

  private void applyThenNothingLeft(Deployment d) {
    ExecutionResult result = fx.apply(d);
    assertThat(result.success()).as(String.valueOf(result.error())).isTrue();
    assertThat(fx.plan(d).hasChanges()).isFalse();
  }

  private Map<String, ResourceRecord> state(String name) {
    return fx.engine.state(name).resources();
  }

  @Test
  void variablesFromEverySourceLaterWins() throws IOException {
    Path file =
        write(
            "vars.yaml",
            """
            apiVersion: iac.mcp/v1
            kind: Deployment
            metadata: {name: vars}
            spec:
              variables:
                a: {type: string, default: from-default}
                b: {type: string, default: from-default}
                c: {type: string, default: from-default}
                d: {type: string, default: from-default}
                e: {type: integer, default: 1}
              resources:
                - type: core:data
                  name: x
                  properties:
                    input: ["${var.a}", "${var.b}", "${var.c}", "${var.d}", "${var.e}", "e=${var.e}"]
            """);
    Path varFile = write("values.yaml", "b: from-file\nc: from-file\nd: from-file\n");
    Path later = write("later.yaml", "c: from-later-file\n");
    VariableInputs inputs =
        new VariableInputs(
            Map.of("MCP_IAC_VAR_a", "from-env", "MCP_IAC_VAR_b", "from-env", "MCP_IAC_VAR_e", "7"),
            List.of(varFile, later),
            List.of("d=from-command-line"),
            null);

    Deployment d = load(file, inputs);
    applyThenNothingLeft(d);

    assertThat(state("vars").get("x").outputs().get("output"))
        .isEqualTo(
            Json.parse(
                "[\"from-env\",\"from-file\",\"from-later-file\",\"from-command-line\",7,\"e=7\"]"));
    // an MCP client's arguments win over everything
    com.fasterxml.jackson.databind.node.ObjectNode args = Json.object().put("d", "from-mcp");
    Deployment viaMcp = load(file, inputs.withArguments(args));
    assertThat(fx.plan(viaMcp).action("x").orElseThrow().changes().get(0).after().get(3).asText())
        .isEqualTo("from-mcp");
  }

  @Test
  void theBuiltInTemplatesLoad() {
    assertThat(io.mcpiac.engine.config.TemplateLibrary.builtIn())
        .extracting(io.mcpiac.engine.config.Template::name)
        .containsExactly("web-service", "isolated-vlan", "port-forward");
  }

  @Test
  void variableErrorsNameFileAndLine() throws IOException {
    Path file =
        write(
            "bad-vars.yaml",
            """
            apiVersion: iac.mcp/v1
            kind: Deployment
            metadata: {name: bad-vars}
            spec:
              variables:
                port: {type: integer, minimum: 1}
                name: {type: string}
              resources:
                - type: core:data
                  name: x
                  properties: {input: "${var.port} ${var.name} ${var.nope}"}
            """);
    Path varFile = write("bad-values.yaml", "port: eighty\n");
    LoadedDeployment loaded =
        DeploymentLoader.read(
            file, new VariableInputs(Map.of(), List.of(varFile), List.of("colour=blue"), null));
    List<String> messages =
        DeploymentValidator.validate(loaded, fx.engine.registry()).stream()
            .map(Diagnostic::format)
            .toList();

    assertThat(messages)
        .anySatisfy(m -> assertThat(m).startsWith(varFile + ":1: ").contains("'port'"))
        .anySatisfy(m -> assertThat(m).startsWith(file + ":7: ").contains("'name'", "no value"))
        .anySatisfy(m -> assertThat(m).contains("--var colour", "'colour'", "no variable"))
        .anySatisfy(m -> assertThat(m).startsWith(file + ":11: ").contains("${var.nope}"));
  }

  @Test
  void languageMistakesAreDiagnosticsWithLines() throws IOException {
    Path file =
        write(
            "mistakes.yaml",
            """
            apiVersion: iac.mcp/v1
            kind: Deployment
            metadata: {name: mistakes}
            spec:
              resources:
                - type: core:data
                  name: a
                  properties: {input: "${each.key}"}
                - type: core:data
                  name: b
                  properties: {input: "${params.x}"}
                - type: template:web-servce
                  name: c
                - type: core:data
                  name: d
                  forEach: "just text"
                - type: core:data
                  name: e
                  forEach: [x, x]
                - type: core:data
                  name: f
                  forEach: [x, y]
                - type: core:data
                  name: g
                  properties: {input: "all: ${f[*].output}"}
                - type: core:data
                  name: h
                  properties: {input: "${f.output}"}
            """);
    List<String> messages =
        DeploymentValidator.validate(
                DeploymentLoader.read(file, VariableInputs.fromEnvironment()), fx.engine.registry())
            .stream()
            .map(Diagnostic::format)
            .toList();
    assertThat(messages)
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith(file + ":8: ")
                    .contains("only available in a resource with forEach"))
        .anySatisfy(m -> assertThat(m).startsWith(file + ":11: ").contains("inside a template"))
        .anySatisfy(
            m -> assertThat(m).startsWith(file + ":12: ").contains("did you mean 'web-service'"))
        .anySatisfy(
            m -> assertThat(m).startsWith(file + ":16: ").contains("must be a list or a map"))
        .anySatisfy(m -> assertThat(m).startsWith(file + ":19: ").contains("'x' appears twice"))
        .anySatisfy(m -> assertThat(m).contains("'[*]' gives a list"))
        .anySatisfy(m -> assertThat(m).contains("refer to one instance (f[KEY]) or to all (f[*])"));
  }

  @Test
  void forEachKeysByValueAddRemoveReorder() throws IOException {
    String template =
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: loops}
        spec:
          variables:
            vlans:
              type: array
          resources:
            - type: core:data
              name: vlan
              forEach: ${var.vlans}
              properties: {input: {name: "${each.key}", tag: "${each.value.tag}"}}
            - type: core:data
              name: all
              properties: {input: "${vlan[*].output}"}
            - type: core:data
              name: office-only
              properties: {input: "${vlan[office].output.tag}"}
        """;
    Path file = write("loops.yaml", template);
    String two = "[{name: guest, tag: 10}, {name: office, tag: 20}]";
    Deployment d = load(file, env(Map.of("MCP_IAC_VAR_vlans", two)));
    applyThenNothingLeft(d);
    assertThat(state("loops")).containsKeys("vlan[guest]", "vlan[office]");
    assertThat(state("loops").get("office-only").outputs().get("output").asInt()).isEqualTo(20);
    assertThat(state("loops").get("all").outputs().get("output").size()).isEqualTo(2);

    String reordered = "[{name: office, tag: 20}, {name: guest, tag: 10}]";
    Plan reorder = fx.plan(load(file, env(Map.of("MCP_IAC_VAR_vlans", reordered))));
    assertThat(reorder.action("vlan[guest]").orElseThrow().action()).isEqualTo(ActionType.NO_OP);
    assertThat(reorder.action("vlan[office]").orElseThrow().action()).isEqualTo(ActionType.NO_OP);

    String three = "[{name: guest, tag: 10}, {name: lab, tag: 30}, {name: office, tag: 20}]";
    Plan added = fx.plan(load(file, env(Map.of("MCP_IAC_VAR_vlans", three))));
    assertThat(changed(added)).containsEntry("vlan[lab]", ActionType.CREATE);
    assertThat(changed(added)).doesNotContainKeys("vlan[guest]", "vlan[office]");

    Plan removed =
        fx.plan(load(file, env(Map.of("MCP_IAC_VAR_vlans", "[{name: office, tag: 20}]"))));
    assertThat(changed(removed)).containsEntry("vlan[guest]", ActionType.DELETE);
    assertThat(changed(removed)).doesNotContainKey("vlan[office]");
  }

  private static Map<String, ActionType> changed(Plan plan) {
    return plan.actions().stream()
        .filter(PlannedAction::changesSomething)
        .collect(java.util.stream.Collectors.toMap(PlannedAction::name, PlannedAction::action));
  }

  @Test
  void templatesExpandIntoInstanceResourcesWithOutputsAndNesting() throws IOException {
    write(
        "inner.yaml",
        """
        apiVersion: iac.mcp/v1
        kind: Template
        metadata: {name: pair}
        spec:
          parameters:
            value: {type: string}
          resources:
            - type: core:data
              name: first
              properties: {input: "${params.value}"}
            - type: core:data
              name: second
              properties: {input: "${first.output}-2"}
          outputs:
            result: {value: "${second.output}"}
        """);
    write(
        "outer.yaml",
        """
        apiVersion: iac.mcp/v1
        kind: Template
        metadata: {name: service}
        spec:
          parameters:
            name: {type: string, description: the service name}
            port: {type: integer, default: 80}
          resources:
            - type: template:pair
              name: pair
              properties: {value: "${params.name}:${params.port}"}
            - type: core:data
              name: summary
              properties: {input: "${pair.result}"}
          outputs:
            url: {value: "http://${summary.output}"}
        """);
    write(
        "deployment.yaml",
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: templated}
        spec:
          resources:
            - type: template:service
              name: web
              properties: {name: web, port: 8080}
            - type: core:data
              name: consumer
              properties: {input: "${web.url}", id: "${web.pair.first.id}"}
          outputs:
            url: {value: "${web.url}", description: where it answers}
        """);
    Deployment d = load(dir, VariableInputs.fromEnvironment());
    assertThat(d.resources().stream().map(r -> r.name()))
        .contains("web.pair.first", "web.pair.second", "web.summary", "consumer", "outputs");

    Plan first = fx.plan(d);
    String text = new PlanRenderer(false).render(first);
    assertThat(text).contains("web.pair.first");
    applyThenNothingLeft(d);

    assertThat(state("templated").get("consumer").outputs().get("output").asText())
        .isEqualTo("http://web:8080-2");
    assertThat(state("templated").get("outputs").properties().get("url").asText())
        .isEqualTo("http://web:8080-2");
    assertThat(fx.engine.outputsOf("templated").orElseThrow().get("url").asText())
        .isEqualTo("http://web:8080-2");
  }

  @Test
  void inlineTemplatesWithForEachInsideAndDependsOnAnInstance() throws IOException {
    Path file =
        write(
            "inline.yaml",
            """
            apiVersion: iac.mcp/v1
            kind: Deployment
            metadata: {name: inline}
            spec:
              templates:
                pool:
                  parameters:
                    members: {type: array, items: {type: string}}
                  resources:
                    - type: core:data
                      name: member
                      forEach: ${params.members}
                      properties: {input: "member ${each.key}"}
                    - type: core:data
                      name: all
                      properties: {input: "${member[*].output}"}
                  outputs:
                    all: {value: "${all.output}"}
              resources:
                - type: template:pool
                  name: web
                  properties: {members: [a, b]}
                - type: core:data
                  name: after
                  dependsOn: [web]
                  properties: {input: "${web.all}"}
            """);
    Deployment d = load(file, VariableInputs.fromEnvironment());
    assertThat(d.resource("after").orElseThrow().dependsOn())
        .containsExactlyInAnyOrder("web.member[a]", "web.member[b]", "web.all");
    applyThenNothingLeft(d);
    assertThat(state("inline").get("after").outputs().get("output"))
        .isEqualTo(Json.parse("[\"member a\", \"member b\"]"));
  }

  @Test
  void templateErrorsPointAtTheTemplateAndTheInstance() throws IOException {
    write(
        "t.yaml",
        """
        apiVersion: iac.mcp/v1
        kind: Template
        metadata: {name: broken}
        spec:
          parameters:
            size: {type: integer}
          resources:
            - type: core:data
              name: thing
              properties: {input: "${params.size}", delayMs: -5}
        """);
    Path deployment =
        write(
            "d.yaml",
            """
            apiVersion: iac.mcp/v1
            kind: Deployment
            metadata: {name: uses-broken}
            spec:
              resources:
                - type: template:broken
                  name: one
                  properties: {size: big}
            """);
    List<String> messages =
        DeploymentValidator.validate(
                DeploymentLoader.read(dir, VariableInputs.fromEnvironment()), fx.engine.registry())
            .stream()
            .map(Diagnostic::format)
            .toList();
    assertThat(messages)
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith(dir.resolve("t.yaml") + ":10: resource 'one.thing'")
                    .contains("used by 'one' at " + deployment + ":6"))
        .anySatisfy(m -> assertThat(m).startsWith(deployment + ":8: ").contains("'size'"));
  }

  @Test
  void secretFromAFileReachesTheProviderButNeverStateOrPlanFiles() throws IOException {
    write("password.txt", "s3cr3t-from-file\n");
    Path file =
        write(
            "secret.yaml",
            """
            apiVersion: iac.mcp/v1
            kind: Deployment
            metadata: {name: secret}
            spec:
              variables:
                token: {type: string, sensitive: true}
              resources:
                - type: core:data
                  name: holder
                  properties:
                    input: "user:${secret.file:password.txt}"
                    triggersReplace: "${var.token}"
                - type: core:data
                  name: plain
                  properties: {input: "not secret"}
              outputs:
                pw: {value: "${holder.input}"}
                hidden: {value: "${plain.input}", sensitive: true}
            """);
    Deployment d = load(file, env(Map.of("MCP_IAC_VAR_token", "tok-sensitive-var")));
    Plan plan = fx.plan(d);
    Path planFile = dir.resolve("saved.plan.json");
    PlanFile.write(plan, fx.engine.registry(), planFile);
    String rendered = new PlanRenderer(false).render(plan) + Json.write(PlanJson.of(plan));
    assertThat(rendered).contains("(sensitive)").doesNotContain("s3cr3t", "tok-sensitive");
    applyThenNothingLeft(d);

    assertThat(state("secret").get("holder").properties().get("input").asText())
        .doesNotContain("s3cr3t");
    assertThat(state("secret").get("outputs").properties().toString())
        .doesNotContain("s3cr3t")
        .doesNotContain("not secret");
    // a changed secret is still seen: the digest changes
    Files.writeString(dir.resolve("password.txt"), "another\n");
    assertThat(changed(fx.plan(load(file, env(Map.of("MCP_IAC_VAR_token", "tok-sensitive-var"))))))
        .containsEntry("holder", ActionType.UPDATE);
    fx.store.close();
    assertNothingContains(dir, "s3cr3t", "tok-sensitive-var");
    fx = new EngineFixture("sqlite:" + dir.resolve("state.db"));
  }

  /** Every file written (state database, WAL, plan files), byte by byte. */
  static void assertNothingContains(Path root, String... secrets) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (f.getFileName().toString().equals("password.txt")) {
          continue;
        }
        String content =
            new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String s : secrets) {
          assertThat(content).as(f.toString()).doesNotContain(s);
        }
      }
    }
  }

  @Test
  void aSavedPlanNeedsItsSensitiveVariablesAgainAndTheSameOnes() throws Exception {
    Path file =
        write(
            "saved.yaml",
            """
            apiVersion: iac.mcp/v1
            kind: Deployment
            metadata: {name: saved}
            spec:
              variables:
                token: {type: string, sensitive: true}
              resources:
                - type: core:data
                  name: holder
                  properties: {input: "${var.token}"}
            """);
    Plan plan = fx.plan(load(file, env(Map.of("MCP_IAC_VAR_token", "first-token"))));
    Path planFile = dir.resolve("saved.json");
    PlanFile.write(plan, fx.engine.registry(), planFile);
    Plan read = PlanFile.read(planFile);
    assertThat(Files.readString(planFile)).doesNotContain("first-token");

    assertThatThrownBy(
            () ->
                io.mcpiac.engine.config.SensitiveVariables.refill(read.deployment(), env(Map.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'token' is not given");
    assertThatThrownBy(
            () ->
                io.mcpiac.engine.config.SensitiveVariables.refill(
                    read.deployment(), env(Map.of("MCP_IAC_VAR_token", "other"))))
        .hasMessageContaining("differs from the value the plan was made with");

    Deployment refilled =
        io.mcpiac.engine.config.SensitiveVariables.refill(
            read.deployment(), env(Map.of("MCP_IAC_VAR_token", "first-token")));
    Plan runnable =
        new Plan(
            read.id(),
            read.deploymentName(),
            read.createdAt(),
            read.stateVersion(),
            read.fingerprint(),
            read.actions(),
            read.stages(),
            refilled,
            read.warnings());
    ExecutionResult result =
        fx.engine.apply(
            runnable,
            io.mcpiac.engine.execution.ExecutionOptions.DEFAULTS,
            e -> {},
            new io.mcpiac.engine.execution.Cancellation());
    assertThat(result.success()).as(String.valueOf(result.error())).isTrue();
    // the provider got the value: core:data's output is its input (recorded as a digest)
    assertThat(state("saved").get("holder").outputs().get("output").asText())
        .startsWith("\u0000sensitive:");
    fx.store.close();
    assertNothingContains(dir, "first-token");
    fx = new EngineFixture("sqlite:" + dir.resolve("state.db"));
  }

  @Test
  void anotherDeploymentsOutputsIdAndQualifiedReferences() throws IOException {
    Path network =
        write(
            "network.yaml",
            """
            apiVersion: iac.mcp/v1
            kind: Deployment
            metadata: {name: network}
            spec:
              resources:
                - type: core:data
                  name: subnet
                  properties: {input: "10.0.0.0/24"}
              outputs:
                cidr: {value: "${core:subnet.output}"}
                subnetId: {value: "${subnet.id}"}
            """);
    Path app =
        write(
            "app.yaml",
            """
            apiVersion: iac.mcp/v1
            kind: Deployment
            metadata: {name: app}
            spec:
              resources:
                - type: core:data
                  name: server
                  properties: {input: "${deployment:network.outputs.cidr}"}
            """);
    Deployment appDeployment = load(app, VariableInputs.fromEnvironment());
    assertThatThrownBy(() -> fx.plan(appDeployment))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("network");

    applyThenNothingLeft(load(network, VariableInputs.fromEnvironment()));
    String subnetId = state("network").get("subnet").id();
    assertThat(state("network").get("outputs").properties().get("subnetId").asText())
        .isEqualTo(subnetId);

    Plan plan = fx.plan(appDeployment);
    assertThat(plan.action("server").orElseThrow().dependencies()).contains("deployment:network");
    applyThenNothingLeft(appDeployment);
    assertThat(state("app").get("server").outputs().get("output").asText())
        .isEqualTo("10.0.0.0/24");
  }
}
