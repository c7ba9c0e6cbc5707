package io.mcpiac.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.CreateNetworkCmd;
import com.github.dockerjava.api.command.CreateVolumeCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import io.mcpiac.docker.resources.ManagedLabels;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderContext;
import io.mcpiac.engine.providers.contract.ContractFixture;
import io.mcpiac.engine.providers.contract.Tamper;
import io.mcpiac.engine.providers.contract.TypeSample;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The Docker provider against the real engine at {@code DOCKER_HOST}. Changes behind the provider's
 * back are what an operator does with the docker CLI: {@code docker update}, {@code docker network
 * connect}, or removing an object and making it again with other settings (and the same labels, so
 * it is still the provider's object). Docker has no way to drop an answer, so the lost create is
 * the default one: applied, its answer thrown away, found again by its id label.
 *
 * <p>Every object carries this run's deployment label; {@link #close} removes whatever is left.
 */
final class DockerContractFixture implements ContractFixture {
  private final String run = "contract-" + UUID.randomUUID().toString().substring(0, 8);
  private final RealDocker docker;
  private final DockerProvider provider;
  private final ProviderContext context;
  private final String otherImage = "mcp-iac-test/" + run + ":other";
  private final String otherNetwork = run + "-other";

  DockerContractFixture() {
    docker = RealDocker.require();
    context = new ProviderContext(run, Path.of("").toAbsolutePath());
    provider = new DockerProvider(null, Duration.ofMillis(300), context);
    // the same image under another name, and a network to join: what the image and networks
    // checks change to
    client().tagImageCmd(RealDocker.BUSYBOX, "mcp-iac-test/" + run, "other").exec();
    client()
        .createNetworkCmd()
        .withName(otherNetwork)
        .withLabels(Map.of(RealDocker.RUN_LABEL, run))
        .exec();
  }

  private DockerClient client() {
    return docker.client();
  }

  @Override
  public void createLosingAnswer(Change create) throws Exception {
    String engine = docker.connection.host();
    assertThat(engine).startsWith("unix://");
    try (AnswerDroppingProxy proxy = new AnswerDroppingProxy(Path.of(engine.substring(7)));
        DockerProvider client = new DockerProvider(proxy.host(), Duration.ofMillis(300), context)) {
      proxy.arm();
      try {
        client.apply(List.of(create));
      } catch (RuntimeException lost) {
        // the connection closed without an answer: what the caller of a lost create sees
      }
      assertThat(proxy.dropped()).as("the create was made and its answer dropped").isTrue();
    }
  }

  @Override
  public Provider provider() {
    return provider;
  }

  @Override
  public List<TypeSample> samples() {
    String labels = "{\"" + RealDocker.RUN_LABEL + "\": \"" + run + "\"}";
    String appLabels = "{\"" + RealDocker.RUN_LABEL + "\": \"" + run + "\", \"tier\": \"web\"}";
    return List.of(
        TypeSample.of(
                "docker:network",
                "net",
                """
                {"name": "%s-net", "driver": "bridge", "internal": false,
                 "subnet": "10.213.0.0/24", "gateway": "10.213.0.1", "labels": %s}
                """
                    .formatted(run, labels))
            .replace(
                """
                {"name": "%s-net", "driver": "bridge", "internal": true,
                 "subnet": "10.213.0.0/24", "gateway": "10.213.0.1", "labels": %s}
                """
                    .formatted(run, labels))
            .invalid("{\"driver\": \"no-such-driver\", \"labels\": %s}".formatted(labels))
            .drift("name", network(c -> c.withName(run + "-renamed")))
            .drift("internal", network(c -> c.withInternal(true)))
            .drift("subnet", network(c -> c.withIpam(ipam("10.214.0.0/24", "10.214.0.1"))))
            .drift("gateway", network(c -> c.withIpam(ipam("10.213.0.0/24", "10.213.0.254"))))
            .drift("labels", network(c -> c.withLabels(plus(c.getLabels(), "extra", "x"))))
            .notModelled(
                "driver",
                "not covered: bridge is the only network driver the test engine supports"
                    + " (macvlan and ipvlan answer 'operation not supported')"),
        TypeSample.of(
                "docker:volume",
                "vol",
                """
                {"name": "%s-vol", "driver": "local",
                 "driverOpts": {"type": "tmpfs", "device": "tmpfs", "o": "size=1m"},
                 "labels": %s}
                """
                    .formatted(run, labels))
            .replace(
                """
                {"name": "%s-vol", "driver": "local",
                 "driverOpts": {"type": "tmpfs", "device": "tmpfs", "o": "size=2m"},
                 "labels": %s}
                """
                    .formatted(run, labels))
            .invalid(
                "{\"name\": \"%s-bad\", \"driver\": \"no-such-driver\", \"labels\": %s}"
                    .formatted(run, labels))
            .drift("name", volume(c -> c.withName(run + "-renamed")))
            .drift(
                "driverOpts",
                volume(c -> c.withDriverOpts(Map.of("type", "tmpfs", "device", "tmpfs"))))
            .drift("labels", volume(c -> c.withLabels(plus(c.getLabels(), "extra", "x"))))
            .notModelled(
                "driver",
                "not covered: local is the only volume driver on the test engine, so nothing can"
                    + " change it"),
        TypeSample.of(
                "docker:container",
                "app",
                """
                {"image": "%s", "command": ["sleep", "3600"], "env": {"A": "1"},
                 "ports": [{"host": "127.0.0.1", "containerPort": 8080}], "volumes": [],
                 "networks": [], "labels": %s, "restartPolicy": "no", "memory": "64m",
                 "cpus": 0.5}
                """
                    .formatted(RealDocker.BUSYBOX, appLabels))
            .update("{\"restartPolicy\": \"unless-stopped\", \"memory\": \"96m\", \"cpus\": 0.25}")
            .replace(
                """
                {"image": "%s", "command": ["sleep", "3600"], "env": {"A": "2"},
                 "ports": [{"host": "127.0.0.1", "containerPort": 8080}], "volumes": [],
                 "networks": [], "labels": %s, "restartPolicy": "no", "memory": "64m",
                 "cpus": 0.5}
                """
                    .formatted(RealDocker.BUSYBOX, appLabels))
            .invalid(
                "{\"image\": \"mcp-iac-test/no-such-image:0\", \"labels\": %s}".formatted(labels))
            .drift("image", container(c -> c.withImage(otherImage)))
            .drift("ports", container(c -> publish(c, 8081)))
            .drift("networks", this::joinOtherNetwork)
            // only the labels the file sets count (images bring their own), so change one of those
            .drift("labels", container(c -> c.withLabels(plus(c.getLabels(), "tier", "db"))))
            // re-made by hand (docker rm -f, docker run) with another command, env or mount
            .drift("command", container(c -> c.withCmd("sleep", "7200")))
            .drift("env", container(c -> c.withEnv("A=2")))
            .drift(
                "volumes",
                container(c -> c.getHostConfig().withBinds(new Bind("/tmp", new Volume("/mnt")))))
            .drift(
                "restartPolicy",
                o ->
                    client()
                        .updateContainerCmd(o.id())
                        .withRestartPolicy(RestartPolicy.alwaysRestart())
                        .exec())
            .drift(
                "memory",
                o ->
                    client()
                        .updateContainerCmd(o.id())
                        .withMemory(128L << 20)
                        .withMemorySwap(128L << 20)
                        .exec())
            .drift(
                "cpus",
                o -> client().updateContainerCmd(o.id()).withNanoCPUs(1_000_000_000L).exec())
            .notModelled("environment", "Compose's name for env: the canonical form renames it")
            .notModelled("restart", "Compose's name for restartPolicy: renamed away")
            .notModelled("mem_limit", "Compose's name for memory: renamed away"));
  }

  private static Map<String, String> plus(Map<String, String> labels, String key, String value) {
    Map<String, String> out = new LinkedHashMap<>(labels);
    out.put(key, value);
    return out;
  }

  private static Network.Ipam ipam(String subnet, String gateway) {
    return new Network.Ipam()
        .withConfig(new Network.Ipam.Config().withSubnet(subnet).withGateway(gateway));
  }

  /** {@code docker network rm} and {@code create} again, with the same labels and one change. */
  private Tamper network(Consumer<CreateNetworkCmd> change) {
    return o -> {
      Network n =
          client()
              .listNetworksCmd()
              .withFilter("label", List.of(ManagedLabels.ID + "=" + o.id()))
              .exec()
              .get(0);
      client().removeNetworkCmd(n.getId()).exec();
      Network.Ipam.Config c = n.getIpam().getConfig().get(0);
      CreateNetworkCmd cmd =
          client()
              .createNetworkCmd()
              .withName(n.getName())
              .withDriver(n.getDriver())
              .withInternal(Boolean.TRUE.equals(n.getInternal()))
              .withLabels(n.getLabels())
              .withIpam(ipam(c.getSubnet(), c.getGateway()));
      change.accept(cmd);
      cmd.exec();
    };
  }

  /** {@code docker volume rm} and {@code create} again, with the same labels and one change. */
  private Tamper volume(Consumer<CreateVolumeCmd> change) {
    return o -> {
      InspectVolumeResponse v =
          client()
              .listVolumesCmd()
              .withFilter("label", List.of(ManagedLabels.ID + "=" + o.id()))
              .exec()
              .getVolumes()
              .get(0);
      client().removeVolumeCmd(v.getName()).exec();
      CreateVolumeCmd cmd =
          client()
              .createVolumeCmd()
              .withName(v.getName())
              .withDriver(v.getDriver())
              .withDriverOpts(v.getOptions())
              .withLabels(v.getLabels());
      change.accept(cmd);
      cmd.exec();
    };
  }

  /** {@code docker rm -f} and {@code docker run} again: same name, labels and settings but one. */
  private Tamper container(Consumer<CreateContainerCmd> change) {
    return o -> {
      InspectContainerResponse c = client().inspectContainerCmd(o.id()).exec();
      client().removeContainerCmd(c.getId()).withForce(true).exec();
      CreateContainerCmd cmd =
          client()
              .createContainerCmd(c.getConfig().getImage())
              .withName(o.id())
              .withLabels(c.getConfig().getLabels())
              .withCmd(c.getConfig().getCmd())
              .withEnv(c.getConfig().getEnv())
              .withExposedPorts(c.getConfig().getExposedPorts())
              .withHostConfig(c.getHostConfig());
      change.accept(cmd);
      cmd.exec();
      client().startContainerCmd(o.id()).exec();
    };
  }

  private static void publish(CreateContainerCmd cmd, int containerPort) {
    ExposedPort port = ExposedPort.tcp(containerPort);
    Ports bindings = new Ports();
    bindings.bind(port, new Ports.Binding("127.0.0.1", null));
    cmd.withExposedPorts(port);
    cmd.getHostConfig().withPortBindings(bindings);
  }

  private void joinOtherNetwork(io.mcpiac.engine.providers.contract.ContractObject o) {
    client()
        .connectToNetworkCmd()
        .withNetworkId(otherNetwork)
        .withContainerId(o.id())
        .withContainerNetwork(new ContainerNetwork())
        .exec();
  }

  @Override
  public void close() {
    try {
      for (var c :
          client()
              .listContainersCmd()
              .withShowAll(true)
              .withLabelFilter(Map.of(RealDocker.RUN_LABEL, run))
              .exec()) {
        client().removeContainerCmd(c.getId()).withForce(true).exec();
      }
      for (var n :
          client()
              .listNetworksCmd()
              .withFilter("label", List.of(RealDocker.RUN_LABEL + "=" + run))
              .exec()) {
        client().removeNetworkCmd(n.getId()).exec();
      }
      var volumes =
          client()
              .listVolumesCmd()
              .withFilter("label", List.of(RealDocker.RUN_LABEL + "=" + run))
              .exec()
              .getVolumes();
      if (volumes != null) {
        volumes.forEach(v -> client().removeVolumeCmd(v.getName()).exec());
      }
      client().removeImageCmd(otherImage).exec();
    } finally {
      provider.close();
      docker.close();
    }
  }
}
