package io.mcpiac.docker.resources;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import io.mcpiac.docker.client.DockerConnection;
import io.mcpiac.docker.resources.ContainerSpec.PublishedPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Creates a container from its {@link ContainerSpec}: ports, mounts, limits, labels, network. */
final class ContainerLauncher {
  private static final Set<String> BUILT_IN_NETWORKS = Set.of("bridge", "host", "none", "default");

  private final DockerConnection docker;
  private final ManagedLabels managed;

  ContainerLauncher(DockerConnection docker, ManagedLabels managed) {
    this.docker = docker;
    this.managed = managed;
  }

  void create(String resource, String id, ContainerSpec spec) {
    Map<String, String> labels = new LinkedHashMap<>(spec.labels());
    labels.putAll(managed.forNew(ContainerType.TYPE, id, resource));
    HostConfig host = HostConfig.newHostConfig();
    List<ExposedPort> exposed = new ArrayList<>();
    if (!spec.ports().isEmpty()) {
      Ports bindings = new Ports();
      for (PublishedPort p : spec.ports()) {
        ExposedPort port = new ExposedPort(p.containerPort(), InternetProtocol.parse(p.protocol()));
        exposed.add(port);
        bindings.bind(
            port,
            new Ports.Binding(p.host(), p.hostPort() == null ? null : p.hostPort().toString()));
      }
      host.withPortBindings(bindings);
    }
    if (!spec.volumes().isEmpty()) {
      List<Bind> binds = new ArrayList<>();
      for (ContainerSpec.Mount m : spec.volumes()) {
        binds.add(
            new Bind(
                m.source(), new Volume(m.target()), m.readOnly() ? AccessMode.ro : AccessMode.rw));
      }
      host.withBinds(binds);
    }
    host.withRestartPolicy(restartPolicy(spec.restartPolicy()));
    if (spec.memoryBytes() != null) {
      host.withMemory(spec.memoryBytes()).withMemorySwap(spec.memoryBytes());
    }
    if (spec.nanoCpus() != null) {
      host.withNanoCPUs(spec.nanoCpus());
    }
    String firstNetwork = spec.networks().isEmpty() ? null : spec.networks().get(0);
    if (firstNetwork != null) {
      host.withNetworkMode(firstNetwork);
    }
    CreateContainerCmd cmd =
        docker
            .client()
            .createContainerCmd(spec.image())
            .withName(id)
            .withLabels(labels)
            .withHostConfig(host);
    if (!exposed.isEmpty()) {
      cmd.withExposedPorts(exposed);
    }
    if (!spec.command().isEmpty()) {
      cmd.withCmd(spec.command());
    }
    if (!spec.env().isEmpty()) {
      List<String> env = new ArrayList<>();
      spec.env().forEach((k, v) -> env.add(k + "=" + v));
      cmd.withEnv(env);
    }
    if (firstNetwork != null && !BUILT_IN_NETWORKS.contains(firstNetwork)) {
      cmd.withAliases(resource);
    }
    cmd.exec();
  }

  static RestartPolicy restartPolicy(String text) {
    return text == null || "no".equals(text)
        ? RestartPolicy.noRestart()
        : RestartPolicy.parse(text);
  }
}
