package io.mcpiac.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.DeploymentLoader;
import io.mcpiac.engine.config.DeploymentValidator;
import io.mcpiac.engine.config.Diagnostic;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderContext;
import io.mcpiac.engine.providers.ProviderException;
import io.mcpiac.engine.providers.ProviderFactory;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.ReadRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What works without a Docker Engine: discovery, settings, validation, and a clear refusal. */
class DockerProviderFactoryTest {
  @TempDir Path dir;

  private static ProviderFactory factory() {
    return ServiceLoader.load(ProviderFactory.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(f -> f.name().equals("docker"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void isFoundThroughServiceLoaderAndRejectsUnknownSettings() {
    assertThat(factory()).isInstanceOf(DockerProviderFactory.class);
    assertThatThrownBy(() -> factory().create("docker", Json.parseObject("{\"hots\": \"x\"}")))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("spec.providers.docker.hots is not a docker setting");
  }

  @Test
  void validatesADeploymentWithoutTalkingToDocker() throws Exception {
    Path app = dir.resolve("app");
    Files.createDirectories(app);
    Files.writeString(app.resolve("Dockerfile"), "FROM scratch\n");
    String yaml =
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          providers:
            docker: {host: "unix://%s/no.sock"}
          resources:
            - type: docker:image:build
              name: good
              properties: {context: "%s"}
            - type: docker:image:build
              name: missing
              properties: {context: "%s/nowhere"}
            - type: docker:container
              name: web
              properties:
                image: "${good.imageId}"
                memory: lots
                ports: [{containerPort: 70000}]
                volumes: [{source: "data dir", target: /data}]
        """
            .formatted(dir, app, dir);
    Deployment d = DeploymentLoader.load(yaml, "web.yaml");
    try (ProviderRegistry registry = new ProviderRegistry()) {
      registry.register(
          "docker",
          factory().create("docker", d.providers().get("docker"), new ProviderContext("web", dir)));
      List<Diagnostic> problems = DeploymentValidator.validate(d, registry);
      assertThat(problems)
          .extracting(p -> p.resource() + "." + p.property())
          .containsExactlyInAnyOrder(
              "missing.properties.context",
              "web.properties.memory",
              "web.properties.ports[0].containerPort",
              "web.properties.volumes")
          .noneMatch(s -> s.startsWith("good."));
    }
  }

  @Test
  void aContextOutsideTheDeploymentsDirectoryTreeNeedsAnOptIn() throws Exception {
    Path site = dir.resolve("site");
    Files.createDirectories(site);
    Path elsewhere = dir.resolve("elsewhere");
    Files.createDirectories(elsewhere);
    Files.writeString(elsewhere.resolve("Dockerfile"), "FROM scratch\n");
    Files.createSymbolicLink(site.resolve("link"), elsewhere);
    String yaml =
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          resources:
            - {type: docker:image:build, name: up, properties: {context: ../elsewhere}}
            - {type: docker:image:build, name: absolute, properties: {context: "%s"}}
            - {type: docker:image:build, name: linked, properties: {context: link}}
            - {type: docker:image:build, name: allowed, properties: {context: ../elsewhere, allowContextOutside: true}}
        """
            .formatted(elsewhere);
    Deployment d = DeploymentLoader.load(yaml, "web.yaml");
    try (ProviderRegistry registry = new ProviderRegistry()) {
      registry.register(
          "docker", factory().create("docker", Json.object(), new ProviderContext("web", site)));
      assertThat(DeploymentValidator.validate(d, registry))
          .allSatisfy(p -> assertThat(p.message()).contains("allowContextOutside: true"))
          .extracting(Diagnostic::resource)
          .containsExactlyInAnyOrder("up", "absolute", "linked");
    }
  }

  @Test
  void aRelativeContextIsRelativeToTheDeploymentFile() throws Exception {
    Path app = dir.resolve("site/app");
    Files.createDirectories(app);
    Files.writeString(app.resolve("Dockerfile"), "FROM scratch\n");
    Deployment d =
        DeploymentLoader.load(
            """
            apiVersion: iac.mcp/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              resources:
                - type: docker:image:build
                  name: app
                  properties: {context: app}
            """,
            "web.yaml");
    try (ProviderRegistry fromFile = new ProviderRegistry();
        ProviderRegistry fromWorkingDirectory = new ProviderRegistry()) {
      fromFile.register(
          "docker",
          factory()
              .create("docker", Json.object(), new ProviderContext("web", dir.resolve("site"))));
      fromWorkingDirectory.register("docker", factory().create("docker", Json.object()));
      assertThat(DeploymentValidator.validate(d, fromFile)).isEmpty();
      assertThat(DeploymentValidator.validate(d, fromWorkingDirectory))
          .extracting(Diagnostic::message)
          .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .contains("is not a directory");
    }
  }

  @Test
  void anUnreachableEngineIsNamedInTheError() {
    Provider provider =
        factory().create("docker", Json.parseObject("{\"host\": \"unix://" + dir + "/no.sock\"}"));
    try (provider) {
      assertThatThrownBy(
              () ->
                  provider.read(
                      provider.resourceType("docker:container").orElseThrow(),
                      List.of(new ReadRequest("web", "web-1", Json.object(), Json.object()))))
          .isInstanceOf(ProviderException.class)
          .hasMessageContaining("the Docker Engine at unix://" + dir + "/no.sock did not answer");
    }
  }
}
