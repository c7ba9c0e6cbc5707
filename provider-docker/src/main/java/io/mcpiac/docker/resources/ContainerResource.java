package io.mcpiac.docker.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.UpdateContainerCmd;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import io.mcpiac.docker.client.DockerConnection;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.providers.kit.Outcome;
import io.mcpiac.engine.providers.kit.Props;
import io.mcpiac.engine.providers.kit.TypeHandler;
import io.mcpiac.engine.resources.ResourceType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code docker:container}: a started container. Docker can change a running container's restart
 * policy and its memory and CPU limits, which is an update here; everything else forces
 * replacement.
 *
 * <p>A container is named after its resource id ({@code web-1a2b3c4d}) and joins each of its
 * networks with its resource name as an alias, so its neighbours reach it as {@code web}. After
 * {@code start} it is watched for a short grace period: one that exits with an error or keeps
 * restarting is a failed create (with its last log lines), and is removed again.
 */
public final class ContainerResource implements TypeHandler<DockerConnection> {
  public static final String TYPE = ContainerType.TYPE;

  /** Properties Docker can change on a running container. */
  static final java.util.Set<String> UPDATABLE = ContainerType.UPDATABLE;

  private final DockerConnection docker;
  private final DeferredImageRemovals deferred;
  private final ManagedLabels managed;
  private final java.nio.file.Path baseDirectory;
  private final ContainerLauncher launcher;
  private final ImagePull images;
  private final StartWatch watch;

  ContainerResource(
      DockerConnection docker,
      ManagedLabels managed,
      DeferredImageRemovals deferred,
      Duration startCheck,
      java.nio.file.Path baseDirectory) {
    this.baseDirectory = baseDirectory;
    this.docker = docker;
    this.managed = managed;
    this.deferred = deferred;
    this.launcher = new ContainerLauncher(docker, managed);
    this.images = new ImagePull(docker);
    this.watch = new StartWatch(docker, startCheck);
  }

  @Override
  public ResourceType type() {
    return ContainerType.DEFINITION;
  }

  /** Compose's short forms and names as the canonical properties: see {@link ComposeForms}. */
  @Override
  public ObjectNode canonical(ObjectNode properties) {
    return ComposeForms.canonical(properties, baseDirectory);
  }

  private List<Container> list(String label, String value) {
    return docker
        .client()
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of(label, value))
        .exec();
  }

  @Override
  public Map<String, LiveResource> read(DockerConnection session, List<ReadRequest> requests) {
    return ManagedLabels.matchById(
        list(ManagedLabels.MANAGED, "true"),
        Container::getLabels,
        requests,
        (r, c) ->
            withLimits(ContainerLive.live(r.name(), r.id(), c, r.properties()), c, r.properties()));
  }

  /**
   * What only an inspection shows: the limits {@code docker update} changes, and the command, env
   * and mounts a container re-made by hand may have changed.
   */
  private LiveResource withLimits(LiveResource live, Container c, ObjectNode recorded) {
    InspectContainerResponse inspected = inspect(c.getId());
    if (inspected != null) {
      ContainerLimits.report(live.properties(), inspected.getHostConfig(), recorded);
      withConfig(live, inspected, recorded);
    }
    return live;
  }

  private void withConfig(
      LiveResource live, InspectContainerResponse inspected, ObjectNode recorded) {
    ContainerConfigRead.report(
        live.properties(), inspected, () -> imageConfig(inspected.getImageId()), recorded);
  }

  /** The image's own CMD and ENV; null when the image is gone. */
  private com.github.dockerjava.api.model.ContainerConfig imageConfig(String imageId) {
    try {
      return imageId == null ? null : docker.client().inspectImageCmd(imageId).exec().getConfig();
    } catch (NotFoundException gone) {
      return null;
    }
  }

  @Override
  public List<LiveResource> importAll(DockerConnection session) {
    List<LiveResource> out = new ArrayList<>();
    for (Container c :
        docker
            .client()
            .listContainersCmd()
            .withShowAll(true)
            .withLabelFilter(managed.importFilter())
            .exec()) {
      // with its command, env and mounts from an inspection: they have schema defaults, so an
      // import without them would be drift on its first plan
      LiveResource live =
          ContainerLive.live(
              ManagedLabels.resourceOf(c.getLabels()),
              ManagedLabels.idOf(c.getLabels()),
              c,
              Json.object());
      InspectContainerResponse inspected = inspect(c.getId());
      if (inspected != null) {
        withConfig(live, inspected, Json.object());
      }
      out.add(live);
    }
    return out;
  }

  @Override
  public Map<String, String> validate(String name, ObjectNode properties) {
    Map<String, String> problems = new LinkedHashMap<>(ComposeForms.problems(properties));
    JsonNode volumes = properties.get("volumes");
    if (volumes != null) {
      for (JsonNode v : volumes) {
        if (!v.isObject()) {
          continue; // a short form: checked above
        }
        JsonNode source = v.get("source");
        if (source != null && source.isTextual() && Props.known((ObjectNode) v, "source")) {
          String s = source.asText();
          if (!s.startsWith("/") && !s.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]+")) {
            problems.put(
                "volumes", "source '" + s + "' is neither a volume name nor an absolute path");
          }
        }
      }
    }
    return problems;
  }

  @Override
  public ChangeResult create(DockerConnection session, Change change) {
    return create(change.name(), change.id(), change.desired());
  }

  private ChangeResult create(String resource, String id, ObjectNode desired) {
    DockerClient client = docker.client();
    ContainerSpec spec = ContainerSpec.of(desired);
    InspectContainerResponse existing = inspect(id);
    if (existing != null) {
      // a create whose answer was lost, or the undo of a removal that did not happen
      if (!id.equals(ManagedLabels.idOf(existing.getConfig().getLabels()))) {
        return ChangeResult.failed(resource, "a container named '" + id + "' already exists");
      }
      if (!Boolean.TRUE.equals(existing.getState().getRunning())) {
        client.startContainerCmd(id).exec();
      }
      return ChangeResult.ok(resource, id, outputsOf(id, spec.networks()));
    }
    try {
      launcher.create(resource, id, spec);
    } catch (NotFoundException missing) {
      if (!DockerErrors.message(missing).toLowerCase(java.util.Locale.ROOT).contains("image")) {
        return ChangeResult.failed(resource, DockerErrors.message(missing));
      }
      if (images.pull(spec.image()) instanceof Outcome.Failed pulled) {
        return ChangeResult.failed(
            resource,
            "image '"
                + spec.image()
                + "' is not on the Docker host and pulling it failed: "
                + pulled.reason());
      }
      launcher.create(resource, id, spec);
    }
    try {
      for (int i = 1; i < spec.networks().size(); i++) {
        client
            .connectToNetworkCmd()
            .withNetworkId(spec.networks().get(i))
            .withContainerId(id)
            .withContainerNetwork(new ContainerNetwork().withAliases(resource))
            .exec();
      }
      client.startContainerCmd(id).exec();
    } catch (DockerException e) {
      String logs = watch.lastLogLines(id);
      removeQuietly(id);
      return ChangeResult.failed(
          resource,
          "container '" + resource + "' did not start: " + DockerErrors.message(e) + logs);
    }
    if (watch.watch(id) instanceof Outcome.Failed failure) {
      String logs = watch.lastLogLines(id);
      removeQuietly(id);
      return ChangeResult.failed(
          resource, "container '" + resource + "' " + failure.reason() + logs);
    }
    return ChangeResult.ok(resource, id, outputsOf(id, spec.networks()));
  }

  private void removeQuietly(String id) {
    try {
      docker.client().removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
    } catch (DockerException ignored) {
      // nothing was started; a leftover is found by its labels
    }
  }

  private InspectContainerResponse inspect(String id) {
    try {
      return docker.client().inspectContainerCmd(id).exec();
    } catch (NotFoundException e) {
      return null;
    }
  }

  private ObjectNode outputsOf(String id, List<String> networkOrder) {
    List<Container> found = list(ManagedLabels.ID, id);
    return found.isEmpty() ? Json.object() : ContainerLive.outputs(found.get(0), networkOrder);
  }

  @Override
  public ChangeResult update(DockerConnection session, Change change) {
    ContainerSpec before = ContainerSpec.of(change.prior());
    ContainerSpec after = ContainerSpec.of(change.desired());
    boolean liftsLimit =
        before.memoryBytes() != null && after.memoryBytes() == null
            || before.nanoCpus() != null && after.nanoCpus() == null;
    if (liftsLimit) {
      // Docker cannot lift a limit live: the same container again, without it
      ChangeResult removed = delete(change.name(), change.id());
      return removed.success() ? create(change.name(), change.id(), change.desired()) : removed;
    }
    UpdateContainerCmd cmd =
        docker
            .client()
            .updateContainerCmd(change.id())
            .withRestartPolicy(ContainerLauncher.restartPolicy(after.restartPolicy()));
    if (after.memoryBytes() != null) {
      cmd.withMemory(after.memoryBytes()).withMemorySwap(after.memoryBytes());
    }
    if (after.nanoCpus() != null) {
      cmd.withNanoCPUs(after.nanoCpus());
    }
    cmd.exec();
    return ChangeResult.ok(change.name(), change.id(), outputsOf(change.id(), after.networks()));
  }

  @Override
  public ChangeResult delete(DockerConnection session, Change change) {
    return delete(change.name(), change.id());
  }

  private ChangeResult delete(String resource, String id) {
    try {
      docker.client().removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
    } catch (NotFoundException gone) {
      // already removed
    }
    deferred.retry();
    return ChangeResult.ok(resource, id, Json.object());
  }
}
