package io.mcpiac.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.DeploymentLoader;
import io.mcpiac.engine.config.DeploymentValidator;
import io.mcpiac.engine.execution.ActionResult;
import io.mcpiac.engine.execution.Cancellation;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.ActionType;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlanRenderer;
import io.mcpiac.engine.plans.PlannedAction;
import io.mcpiac.engine.plans.PropertyChange;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.ProviderContext;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Docker provider through the real engine (SQLite state) against the real Docker Engine: build,
 * serve a page, replace on an env change, update limits in place, rebuild on a context change, roll
 * back a container that does not start, and destroy without leaving anything labelled behind.
 */
class DockerEngineTest {
  @TempDir Path dir;

  private RealDocker docker;

  /** Labels everything a test makes, so it sees only its own objects on a shared engine. */
  private final String run = java.util.UUID.randomUUID().toString().substring(0, 8);

  private DockerProvider provider;
  private StateStore store;
  private Engine engine;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @BeforeEach
  void start() {
    docker = RealDocker.require();
    store = StateStores.open("sqlite:" + dir.resolve("state.db"));
    useStartCheck(Duration.ofMillis(500));
  }

  /**
   * A provider that watches started containers this long. Tests of containers that must fail watch
   * longer: on a loaded machine even "exit at once" can take a while, and a healthy container is
   * only known healthy at the end of the watch.
   */
  private void useStartCheck(Duration startCheck) {
    if (provider != null) {
      provider.close();
    }
    // the deployment file lives in dir, with the build contexts
    provider = new DockerProvider(null, startCheck, new ProviderContext(null, dir));
    engine = DockerTestEngine.of(provider, store);
  }

  @AfterEach
  void stop() {
    if (store != null) {
      store.close();
    }
    if (provider != null) {
      provider.close();
    }
    if (docker != null) {
      docker.removeAll(run);
      docker.close();
    }
  }

  private Path site(String page) throws IOException {
    Path context = dir.resolve("site");
    Files.createDirectories(context);
    Files.writeString(
        context.resolve("Dockerfile"),
        """
        FROM mcp-iac-test/busybox:1
        COPY index.html /www/index.html
        RUN echo "built by mcp-iac" > /www/about.html
        CMD ["httpd", "-f", "-p", "80", "-h", "/www"]
        """);
    Files.writeString(context.resolve("index.html"), page);
    return context;
  }

  private static String web(Path context, int port, String greeting, String memory) {
    return """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: docker-web-test}
        spec:
          resources:
            - type: docker:image:build
              name: site
              properties:
                context: "%s"
                tags: ["mcp-iac-test/site:@RUN@"]
                labels: {mcp-iac-test-run: "@RUN@"}
            - type: docker:network
              name: net
              properties: {labels: {mcp-iac-test-run: "@RUN@"}}
            - type: docker:container
              name: web
              properties:
                image: "${site.imageId}"
                env: {GREETING: "%s"}
                ports: [{host: 127.0.0.1, hostPort: %d, containerPort: 80, protocol: tcp}]
                networks: ["${net.name}"]
                restartPolicy: unless-stopped
                memory: %s
                labels: {app: web, mcp-iac-test-run: "@RUN@"}
        """
        .formatted(context, greeting, port, memory);
  }

  private Deployment load(String yaml) {
    Deployment d = DeploymentLoader.load(yaml.replace("@RUN@", run), "test.yaml");
    DeploymentValidator.requireValid(d, engine.registry());
    return d;
  }

  private ExecutionResult apply(Plan plan) {
    return engine.apply(plan, ExecutionOptions.DEFAULTS, e -> {}, new Cancellation());
  }

  private String page(int port, String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(2))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() + " " + response.body();
    } catch (IOException e) {
      return "unreachable: " + e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private void awaitPage(int port, String expected) {
    await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> page(port, "/index.html"), body -> body.equals("200 " + expected));
  }

  private ObjectNode outputs(String resource) {
    return engine.state("docker-web-test").resources().get(resource).outputs();
  }

  private static PlannedAction action(Plan plan, String name) {
    return plan.action(name).orElseThrow();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void buildsServesReplacesUpdatesRebuildsAndDestroysWithoutLeftovers() throws IOException {
    Path context = site("hello from mcp-iac\n");
    int port = freePort();

    // build an image, create a network, run a container that serves a page on 127.0.0.1
    Plan first = engine.plan(load(web(context, port, "one", "64m")));
    assertThat(first.actions()).extracting(PlannedAction::action).containsOnly(ActionType.CREATE);
    assertThat(action(first, "site").plannedOutputs().path("contextDigest").asText())
        .as("the plan shows the digest of what it will build")
        .startsWith("sha256:");
    ExecutionResult created = apply(first);
    assertThat(created.success()).as(String.valueOf(created.error())).isTrue();
    awaitPage(port, "hello from mcp-iac\n");
    assertThat(page(port, "/about.html")).isEqualTo("200 built by mcp-iac\n");

    ObjectNode web = outputs("web");
    String firstContainer = web.path("id").asText();
    assertThat(firstContainer).hasSize(64);
    String networkName = outputs("net").path("name").asText();
    assertThat(web.path("ip").asText()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
    assertThat(web.path("ips").path(networkName).asText()).isEqualTo(web.path("ip").asText());
    assertThat(web.path("ports").get(0).path("hostPort").asInt()).isEqualTo(port);
    assertThat(web.path("state").asText()).isEqualTo("running");
    assertThat(outputs("site").path("imageId").asText()).startsWith("sha256:");

    // the same configuration again: nothing to do, defaults included
    Plan again = engine.plan(load(web(context, port, "one", "64m")));
    assertThat(again.hasChanges()).as(new PlanRenderer(false).render(again)).isFalse();

    // everything it made is found again by its labels
    ResourceType containerType = provider.resourceType("docker:container").orElseThrow();
    assertThat(provider.importAll(containerType)).extracting(LiveResource::name).contains("web");

    // an env change forces a replacement: new container, the page is still served
    Plan envChange = engine.plan(load(web(context, port, "two", "64m")));
    assertThat(action(envChange, "web").action()).isEqualTo(ActionType.REPLACE);
    assertThat(action(envChange, "web").reason()).isEqualTo("env forces replacement");
    assertThat(action(envChange, "site").action()).isEqualTo(ActionType.NO_OP);
    ExecutionResult replaced = apply(envChange);
    assertThat(replaced.success()).as(String.valueOf(replaced.error())).isTrue();
    String secondContainer = outputs("web").path("id").asText();
    assertThat(secondContainer).hasSize(64).isNotEqualTo(firstContainer);
    awaitPage(port, "hello from mcp-iac\n");

    // memory is a live update: same container
    Plan memoryChange = engine.plan(load(web(context, port, "two", "128m")));
    assertThat(action(memoryChange, "web").action()).isEqualTo(ActionType.UPDATE);
    ExecutionResult updated = apply(memoryChange);
    assertThat(updated.success()).as(String.valueOf(updated.error())).isTrue();
    assertThat(outputs("web").path("id").asText()).isEqualTo(secondContainer);
    assertThat(
            docker.client().inspectContainerCmd(secondContainer).exec().getHostConfig().getMemory())
        .isEqualTo(128L << 20);

    // a changed file in the build context: the plan rebuilds the image and replaces the container
    String oldImage = outputs("site").path("imageId").asText();
    String oldSite = engine.state("docker-web-test").resources().get("site").id();
    Files.writeString(context.resolve("index.html"), "version two\n");
    Plan rebuild = engine.plan(load(web(context, port, "two", "128m")));
    PlannedAction site = action(rebuild, "site");
    assertThat(site.action()).isEqualTo(ActionType.REPLACE);
    assertThat(site.reason()).isEqualTo("context forces replacement");
    assertThat(new PlanRenderer(false).render(rebuild)).contains("built from sha256:");
    assertThat(action(rebuild, "web").action()).isEqualTo(ActionType.REPLACE);
    ExecutionResult rebuilt = apply(rebuild);
    assertThat(rebuilt.success()).as(String.valueOf(rebuilt.error())).isTrue();
    awaitPage(port, "version two\n");
    assertThat(outputs("site").path("imageId").asText()).isNotEqualTo(oldImage);
    assertThat(docker.managedObjects(run))
        .as("the old image went once its container was replaced")
        .doesNotContain("image:" + oldSite)
        .hasSize(3);
    assertThat(engine.plan(load(web(context, port, "two", "128m"))).hasChanges()).isFalse();

    // Docker cannot lift a memory limit live: the update re-creates the container, same name
    String limited = outputs("web").path("id").asText();
    String withoutLimit = web(context, port, "two", "128m").replaceAll("(?m)^ *memory: 128m\n", "");
    Plan lift = engine.plan(load(withoutLimit));
    assertThat(action(lift, "web").action()).isEqualTo(ActionType.UPDATE);
    ExecutionResult lifted = apply(lift);
    assertThat(lifted.success()).as(String.valueOf(lifted.error())).isTrue();
    String unlimited = outputs("web").path("id").asText();
    assertThat(unlimited).isNotEqualTo(limited);
    assertThat(docker.client().inspectContainerCmd(unlimited).exec().getHostConfig().getMemory())
        .isZero();
    awaitPage(port, "version two\n");

    // destroy: nothing with our labels is left
    Engine.Applied destroyed =
        engine.destroy(
            "docker-web-test", ExecutionOptions.DEFAULTS, p -> true, e -> {}, new Cancellation());
    assertThat(destroyed.result().success())
        .as(String.valueOf(destroyed.result().error()))
        .isTrue();
    assertThat(docker.managedObjects(run)).isEmpty();
    assertThat(engine.state("docker-web-test").resources()).isEmpty();
    assertThat(page(port, "/index.html")).startsWith("unreachable");
  }

  @Test
  void aContainerThatFailsToStartRollsTheApplyBack() {
    useStartCheck(Duration.ofSeconds(5));
    String yaml =
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: docker-broken-test}
        spec:
          resources:
            - type: docker:network
              name: backend
              properties: {labels: {mcp-iac-test-run: "@RUN@"}}
            - type: docker:volume
              name: data
              properties: {labels: {mcp-iac-test-run: "@RUN@"}}
            - type: docker:container
              name: worker
              properties:
                image: mcp-iac-test/busybox:1
                command: ["sh", "-c", "echo starting; echo 'config file missing' >&2; exit 3"]
                networks: ["${backend.name}"]
                volumes: [{source: "${data.name}", target: /data}]
                labels: {mcp-iac-test-run: "@RUN@"}
        """;
    ExecutionResult result = apply(engine.plan(load(yaml)));

    assertThat(result.success()).isFalse();
    ActionResult worker =
        result.results().stream()
            .filter(a -> a.resource().equals("worker"))
            .findFirst()
            .orElseThrow();
    assertThat(worker.status()).isEqualTo(ActionResult.Status.FAILED);
    assertThat(worker.error())
        .contains("exited at once with code 3")
        .contains("config file missing")
        .contains("starting");
    assertThat(result.rolledBack()).isTrue();
    assertThat(result.rollback()).hasSize(2).allMatch(u -> u.success());
    assertThat(engine.state("docker-broken-test").resources()).isEmpty();
    assertThat(docker.managedObjects(run)).isEmpty();
  }

  @Test
  void aStartErrorIsAFailureToo() {
    String yaml =
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: docker-nocommand-test}
        spec:
          resources:
            - type: docker:container
              name: ghost
              properties:
                image: mcp-iac-test/busybox:1
                command: ["/no/such/program"]
                labels: {mcp-iac-test-run: "@RUN@"}
        """;
    ExecutionResult result = apply(engine.plan(load(yaml)));

    assertThat(result.success()).isFalse();
    assertThat(result.error())
        .contains("ghost")
        .contains("did not start")
        .contains("/no/such/program");
    assertThat(docker.managedObjects(run)).isEmpty();
  }

  @Test
  void anImageThatIsNotThereAndCannotBePulledFailsTheCreate() {
    String yaml =
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: docker-noimage-test}
        spec:
          resources:
            - type: docker:container
              name: nothing
              properties:
                image: "mcp-iac-test/no-such-image:1"
                labels: {mcp-iac-test-run: "@RUN@"}
        """;
    ExecutionResult result = apply(engine.plan(load(yaml)));

    assertThat(result.success()).isFalse();
    assertThat(result.error())
        .contains(
            "image 'mcp-iac-test/no-such-image:1' is not on the Docker host and pulling it failed");
    assertThat(docker.managedObjects(run)).isEmpty();
  }

  @Test
  void aCreateWhoseAnswerWasLostIsFoundAgainByItsId() throws IOException {
    // the engine journals the id before the call; repeating the call must not make a second object
    Path context = site("again\n");
    ObjectNode runLabel = Json.object().put(RealDocker.RUN_LABEL, run);
    ObjectNode imageProps = Json.object().put("context", context.toString());
    ObjectNode containerProps =
        Json.object()
            .put("image", RealDocker.BUSYBOX)
            .set("command", Json.parse("[\"sleep\", \"600\"]"));
    ObjectNode networkProps = Json.object();
    ObjectNode volumeProps = Json.object();
    for (ObjectNode props : List.of(imageProps, containerProps, networkProps, volumeProps)) {
      props.set("labels", runLabel.deepCopy());
    }
    Map<String, ObjectNode> byType =
        new LinkedHashMap<>(
            Map.of(
                "docker:image:build", imageProps,
                "docker:container", containerProps,
                "docker:network", networkProps,
                "docker:volume", volumeProps));
    for (Map.Entry<String, ObjectNode> e : byType.entrySet()) {
      ResourceType type = provider.resourceType(e.getKey()).orElseThrow();
      String id = provider.newId(type, "twice");
      Change create =
          new Change(Change.Kind.CREATE, "twice", type, id, null, e.getValue(), Json.object());
      ChangeResult first = provider.apply(List.of(create)).get(0);
      ChangeResult second = provider.apply(List.of(create)).get(0);
      assertThat(first.success()).as(e.getKey() + ": " + first.error()).isTrue();
      assertThat(second.success()).as(e.getKey() + ": " + second.error()).isTrue();
      assertThat(second.outputs()).as(e.getKey()).isEqualTo(first.outputs());
      assertThat(
              provider.read(
                  type, List.of(new ReadRequest("twice", id, e.getValue(), Json.object()))))
          .containsKey("twice");
      assertThat(provider.importAll(type)).filteredOn(l -> id.equals(l.id())).hasSize(1);
      Change delete =
          new Change(Change.Kind.DELETE, "twice", type, id, e.getValue(), null, first.outputs());
      assertThat(provider.apply(List.of(delete)).get(0).success()).isTrue();
      assertThat(
              provider.read(
                  type, List.of(new ReadRequest("twice", id, e.getValue(), Json.object()))))
          .isEmpty();
    }
    assertThat(docker.managedObjects(run)).isEmpty();
  }

  @Test
  void anImageSomeoneElseRunsIsNotQuietlyForgotten() throws IOException {
    String yaml =
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: docker-shared-image-test}
        spec:
          resources:
            - type: docker:image:build
              name: shared
              properties: {context: "%s", labels: {mcp-iac-test-run: "@RUN@"}}
        """
            .formatted(site("shared\n"));
    assertThat(apply(engine.plan(load(yaml))).success()).isTrue();
    String imageId =
        engine
            .state("docker-shared-image-test")
            .resources()
            .get("shared")
            .outputs()
            .path("imageId")
            .asText();
    String outsider =
        docker.client().createContainerCmd(imageId).withCmd("sleep", "600").exec().getId();
    try {
      docker.client().startContainerCmd(outsider).exec();
      Engine.Applied refused =
          engine.destroy(
              "docker-shared-image-test",
              ExecutionOptions.DEFAULTS,
              p -> true,
              e -> {},
              new Cancellation());
      assertThat(refused.result().success()).isFalse();
      assertThat(refused.result().error()).contains("the image is still in use");
      assertThat(engine.state("docker-shared-image-test").resources()).containsKey("shared");
    } finally {
      docker.client().removeContainerCmd(outsider).withForce(true).exec();
    }
    Engine.Applied destroyed =
        engine.destroy(
            "docker-shared-image-test",
            ExecutionOptions.DEFAULTS,
            p -> true,
            e -> {},
            new Cancellation());
    assertThat(destroyed.result().success()).isTrue();
    assertThat(docker.managedObjects(run)).isEmpty();
  }

  @Test
  void anInstanceForOneDeploymentLabelsAndImportsItsOwn() {
    ResourceType volume = provider.resourceType("docker:volume").orElseThrow();
    ObjectNode props = Json.object();
    props.putObject("labels").put(RealDocker.RUN_LABEL, run);
    try (DockerProvider mine =
            new DockerProvider(
                null, Duration.ofMillis(500), new ProviderContext("mine-" + run, dir));
        DockerProvider theirs =
            new DockerProvider(
                null, Duration.ofMillis(500), new ProviderContext("theirs-" + run, dir))) {
      String id = mine.newId(volume, "data");
      ChangeResult created =
          mine.apply(
                  List.of(
                      new Change(
                          Change.Kind.CREATE, "data", volume, id, null, props, Json.object())))
              .get(0);
      assertThat(created.success()).as(created.error()).isTrue();
      String name = created.outputs().path("name").asText();
      assertThat(docker.client().inspectVolumeCmd(name).exec().getLabels())
          .containsEntry("io.mcpiac.deployment", "mine-" + run)
          .containsEntry("io.mcpiac.resource", "data")
          .containsEntry("io.mcpiac.id", id);
      assertThat(mine.importAll(volume)).extracting(LiveResource::id).contains(id);
      assertThat(theirs.importAll(volume)).extracting(LiveResource::id).doesNotContain(id);
      // an instance serving several deployments (an MCP server) sees every managed object
      assertThat(provider.importAll(volume)).extracting(LiveResource::id).contains(id);
      assertThat(
              mine.apply(
                      List.of(
                          new Change(
                              Change.Kind.DELETE,
                              "data",
                              volume,
                              id,
                              props,
                              null,
                              created.outputs())))
                  .get(0)
                  .success())
          .isTrue();
    }
    assertThat(docker.managedObjects(run)).isEmpty();
  }

  @Test
  void aReadFindsWhatWasRemovedBehindItsBack() {
    String yaml =
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: docker-drift-test}
        spec:
          resources:
            - type: docker:volume
              name: cache
              properties: {labels: {purpose: cache, mcp-iac-test-run: "@RUN@"}}
            - type: docker:container
              name: sleeper
              properties:
                image: mcp-iac-test/busybox:1
                command: ["sleep", "600"]
                volumes: [{source: "${cache.name}", target: /cache}]
                ports: [{containerPort: 8080}]
                labels: {mcp-iac-test-run: "@RUN@"}
        """;
    Deployment d = load(yaml);
    assertThat(apply(engine.plan(d)).success()).isTrue();
    // published on every address at a port Docker chose; defaults left out are not drift
    ObjectNode port =
        (ObjectNode)
            engine
                .state("docker-drift-test")
                .resources()
                .get("sleeper")
                .outputs()
                .path("ports")
                .get(0);
    assertThat(port.path("host").asText()).isEqualTo("0.0.0.0");
    assertThat(port.path("hostPort").asInt()).isPositive();
    Plan unchanged = engine.plan(d);
    assertThat(unchanged.hasChanges()).as(new PlanRenderer(false).render(unchanged)).isFalse();
    String container = engine.state("docker-drift-test").resources().get("sleeper").id();
    docker.client().removeContainerCmd(container).withForce(true).exec();

    Plan plan = engine.plan(d);
    assertThat(action(plan, "sleeper").action()).isEqualTo(ActionType.CREATE);
    assertThat(action(plan, "sleeper").reason()).isEqualTo("deleted outside mcp-iac");
    assertThat(action(plan, "cache").action()).isEqualTo(ActionType.NO_OP);
    assertThat(apply(plan).success()).isTrue();

    Engine.Applied destroyed =
        engine.destroy(
            "docker-drift-test", ExecutionOptions.DEFAULTS, p -> true, e -> {}, new Cancellation());
    assertThat(destroyed.result().success()).isTrue();
    assertThat(docker.managedObjects(run)).isEmpty();
  }

  /**
   * Issue #13 for Docker: a property the file leaves out means its schema default, so a container
   * joined to another network behind our back is drift (as OPNsense's left-out properties are), and
   * apply puts the default back.
   */
  @Test
  void aContainerJoinedToANetworkBehindOurBackIsDriftAgainstTheDefault() {
    // the file says nothing about networks: the container is on Docker's default bridge
    Deployment d =
        load(
            """
            apiVersion: iac.mcp/v1
            kind: Deployment
            metadata: {name: docker-default-drift}
            spec:
              resources:
                - type: docker:container
                  name: sleeper
                  properties:
                    image: mcp-iac-test/busybox:1
                    command: ["sleep", "600"]
                    labels: {mcp-iac-test-run: "@RUN@"}
            """);
    assertThat(apply(engine.plan(d)).success()).isTrue();
    Plan unchanged = engine.plan(d);
    assertThat(unchanged.hasChanges()).as(new PlanRenderer(false).render(unchanged)).isFalse();

    // someone connects the container to another network with docker network connect
    String container = engine.state("docker-default-drift").resources().get("sleeper").id();
    String foreign = "foreign-" + run;
    docker.client().createNetworkCmd().withName(foreign).exec();
    try {
      docker
          .client()
          .connectToNetworkCmd()
          .withNetworkId(foreign)
          .withContainerId(container)
          .exec();
      Plan plan = engine.plan(d);
      String shown = new PlanRenderer(false).render(plan);
      assertThat(action(plan, "sleeper").drift())
          .as(shown)
          .extracting(PropertyChange::path)
          .contains("networks");
      assertThat(action(plan, "sleeper").action()).as(shown).isEqualTo(ActionType.REPLACE);
      assertThat(shown).contains(foreign);

      // apply puts the default back: the container is on the bridge alone again
      assertThat(apply(plan).success()).isTrue();
      String replaced = engine.state("docker-default-drift").resources().get("sleeper").id();
      assertThat(
              docker
                  .client()
                  .inspectContainerCmd(replaced)
                  .exec()
                  .getNetworkSettings()
                  .getNetworks()
                  .keySet())
          .containsExactly("bridge");
      assertThat(engine.plan(d).hasChanges()).isFalse();
      Engine.Applied destroyed =
          engine.destroy(
              "docker-default-drift",
              ExecutionOptions.DEFAULTS,
              p -> true,
              e -> {},
              new Cancellation());
      assertThat(destroyed.result().success()).isTrue();
    } finally {
      docker.removeAll(run);
      docker.client().removeNetworkCmd(foreign).exec();
    }
    assertThat(docker.managedObjects(run)).isEmpty();
  }

  @Test
  void typesAreTheIssuesFour() {
    assertThat(provider.resourceTypes())
        .extracting(ResourceType::name)
        .containsExactly(
            "docker:image:build", "docker:network", "docker:volume", "docker:container");
    assertThat(provider.resourceType("docker:container").orElseThrow().replaceOnChange())
        .contains("image", "env", "ports", "command", "volumes", "networks")
        .doesNotContainAnyElementsOf(Set.of("restartPolicy", "memory", "cpus"));
    assertThat(
            List.of(provider.resourceType("docker:container").orElseThrow().createBeforeDestroy()))
        .containsExactly(false);
  }
}
