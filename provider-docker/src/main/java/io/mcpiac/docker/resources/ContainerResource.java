package io.mcpiac.docker.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.UpdateContainerCmd;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import io.mcpiac.docker.client.DockerConnection;
import io.mcpiac.docker.resources.ContainerSpec.PublishedPort;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.resources.ResourceType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

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
public final class ContainerResource implements DockerResource {
  public static final String TYPE = "docker:container";

  /** Properties Docker can change on a running container. */
  static final Set<String> UPDATABLE = Set.of("restartPolicy", "memory", "cpus");

  private static final Set<String> PROPERTIES =
      Set.of(
          "image",
          "command",
          "env",
          "ports",
          "volumes",
          "networks",
          "labels",
          "restartPolicy",
          "memory",
          "cpus");

  private static final Set<String> BUILT_IN_NETWORKS = Set.of("bridge", "host", "none", "default");

  private static final ResourceType DEFINITION =
      new ResourceType(
          TYPE,
          "A running container. restartPolicy, memory and cpus change in place (lifting a memory"
              + " or CPU limit re-creates the container under the same name, since Docker cannot);"
              + " any other change replaces it, the old container first (fixed host ports cannot"
              + " be held twice). Ports publish on 0.0.0.0 unless host is given.",
          Json.parse(
              """
              {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "type": "object",
                "additionalProperties": false,
                "required": ["image"],
                "properties": {
                  "image": {"type": "string", "minLength": 1,
                            "description": "An image reference or id, e.g. ${app-image.imageId}; pulled when missing."},
                  "command": {"type": ["array", "string"], "items": {"type": "string"},
                              "description": "Replaces the image's CMD: a list of words, or one string split as Compose splits it."},
                  "env": {"type": "object", "additionalProperties": {"type": ["string", "number", "boolean"]}},
                  "environment": {"type": ["object", "array"], "items": {"type": "string"},
                                  "additionalProperties": {"type": ["string", "number", "boolean"]},
                                  "description": "Compose's name for env (alias): a map, or a list of K=V."},
                  "restart": {"type": "string", "pattern": "^(no|always|unless-stopped|on-failure(:[0-9]+)?)$",
                              "description": "Compose's name for restartPolicy (alias)."},
                  "mem_limit": {"type": ["integer", "string"], "pattern": "^[0-9]+ *[bkmgBKMG]?[bB]?$", "minimum": 6291456,
                                "description": "Compose's name for memory (alias)."},
                  "ports": {
                    "type": "array",
                    "description": "Objects, or Compose's short form '[HOST:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]', e.g. '127.0.0.1:8080:80', '8443:443/udp'.",
                    "items": {
                      "type": ["string", "object"], "minLength": 1,
                      "additionalProperties": false,
                      "required": ["containerPort"],
                      "properties": {
                        "host": {"type": "string", "minLength": 1, "description": "Host address; default 0.0.0.0."},
                        "hostPort": {"type": "integer", "minimum": 1, "maximum": 65535,
                                     "description": "Default: a free port, see the output ports."},
                        "containerPort": {"type": "integer", "minimum": 1, "maximum": 65535},
                        "protocol": {"enum": ["tcp", "udp", "sctp"]}
                      }
                    }
                  },
                  "volumes": {
                    "type": "array",
                    "description": "Objects, or Compose's short form 'SOURCE:/path[:ro]', e.g. 'data:/var/lib/data', './site:/www:ro' (relative to the deployment file).",
                    "items": {
                      "type": ["string", "object"], "minLength": 1,
                      "additionalProperties": false,
                      "required": ["source", "target"],
                      "properties": {
                        "source": {"type": "string", "minLength": 1,
                                   "description": "A volume name (e.g. ${data.name}) or an absolute host path."},
                        "target": {"type": "string", "pattern": "^/", "description": "Path in the container."},
                        "readOnly": {"type": "boolean"}
                      }
                    }
                  },
                  "networks": {"type": "array", "items": {"type": "string", "minLength": 1},
                               "description": "Network names, e.g. ${net.name}; the first gives the output ip. Default: bridge."},
                  "labels": {"type": "object", "additionalProperties": {"type": "string"}},
                  "restartPolicy": {"type": "string", "pattern": "^(no|always|unless-stopped|on-failure(:[0-9]+)?)$"},
                  "memory": {"type": ["integer", "string"], "pattern": "^[0-9]+ *[bkmgBKMG]?[bB]?$", "minimum": 6291456,
                             "description": "Memory limit: bytes, or e.g. 128m, 1g."},
                  "cpus": {"type": "number", "exclusiveMinimum": 0, "description": "CPU limit in cores, e.g. 0.5 (the same name as Compose's)."}
                }
              }
              """),
          difference(PROPERTIES, UPDATABLE),
          Set.of(),
          Map.of(
              "id", "Docker's container id",
              "name", "the container's name",
              "ip", "the address on the first network",
              "ips", "the address on each network, by network name",
              "ports", "the published ports, with the host port Docker chose",
              "state", "running, exited, …"),
          // static per type, and containers usually publish fixed host ports, which two
          // containers cannot hold at once: the old container goes first (a short outage)
          false);

  private final DockerConnection docker;
  private final DeferredImageRemovals deferred;
  private final Duration startCheck;

  private final ManagedLabels managed;
  private final java.nio.file.Path baseDirectory;

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
    this.startCheck = startCheck;
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> out = new HashSet<>(a);
    out.removeAll(b);
    return out;
  }

  @Override
  public ResourceType type() {
    return DEFINITION;
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
  public Map<String, LiveResource> read(List<ReadRequest> requests) {
    return ManagedLabels.matchById(
        list(ManagedLabels.MANAGED, "true"),
        Container::getLabels,
        requests,
        (r, c) -> withLimits(live(r.name(), r.id(), c, r.properties()), c, r.properties()));
  }

  /** The limits {@code docker update} changes, which only an inspection shows. */
  private LiveResource withLimits(LiveResource live, Container c, ObjectNode recorded) {
    InspectContainerResponse inspected = inspect(c.getId());
    if (inspected != null) {
      ContainerLimits.report(live.properties(), inspected.getHostConfig(), recorded);
    }
    return live;
  }

  @Override
  public List<LiveResource> importAll() {
    List<LiveResource> out = new ArrayList<>();
    for (Container c :
        docker
            .client()
            .listContainersCmd()
            .withShowAll(true)
            .withLabelFilter(managed.importFilter())
            .exec()) {
      out.add(
          live(
              ManagedLabels.resourceOf(c.getLabels()),
              ManagedLabels.idOf(c.getLabels()),
              c,
              Json.object()));
    }
    return out;
  }

  /**
   * What the list call shows of a container, in the type's properties: image, networks, published
   * ports and labels (the rest, such as env and limits, the list does not show; they come from
   * state). A value that means the same as the recorded one is reported as recorded, so defaults
   * left out of the configuration never look like drift.
   */
  private static LiveResource live(String name, String id, Container c, ObjectNode recorded) {
    ObjectNode props = Json.object();
    String recordedImage = Props.text(recorded, "image");
    props.put(
        "image",
        recordedImage != null
                && (recordedImage.equals(c.getImage()) || recordedImage.equals(c.getImageId()))
            ? recordedImage
            : c.getImage());
    props.set("labels", ManagedLabels.reported(c.getLabels(), recorded));
    Map<String, ContainerNetwork> networks = networksOf(c);
    List<String> recordedNetworks = Props.texts(recorded, "networks");
    props.set(
        "networks",
        recorded.has("networks") && sameNetworks(recordedNetworks, networks)
            ? recorded.get("networks").deepCopy()
            : Json.MAPPER.valueToTree(new ArrayList<>(networks.keySet())));
    List<PublishedPort> published = publishedPorts(c);
    props.set(
        "ports",
        samePorts(ContainerSpec.of(recorded).ports(), published) && recorded.has("ports")
            ? recorded.get("ports").deepCopy()
            : portsJson(published));
    return new LiveResource(name, id, props, outputs(c, recordedNetworks));
  }

  private static Map<String, ContainerNetwork> networksOf(Container c) {
    Map<String, ContainerNetwork> out = new LinkedHashMap<>();
    if (c.getNetworkSettings() != null && c.getNetworkSettings().getNetworks() != null) {
      out.putAll(c.getNetworkSettings().getNetworks());
    }
    return out;
  }

  /** Networks may be named by name or id. */
  private static boolean sameNetworks(List<String> wanted, Map<String, ContainerNetwork> live) {
    if (wanted.isEmpty() || wanted.size() != live.size()) {
      return wanted.isEmpty() && (live.isEmpty() || live.keySet().equals(Set.of("bridge")));
    }
    for (String w : wanted) {
      boolean found =
          live.containsKey(w) || live.values().stream().anyMatch(n -> w.equals(n.getNetworkID()));
      if (!found) {
        return false;
      }
    }
    return true;
  }

  private static List<PublishedPort> publishedPorts(Container c) {
    List<PublishedPort> out = new ArrayList<>();
    if (c.getPorts() == null) {
      return out;
    }
    for (ContainerPort p : c.getPorts()) {
      if (p.getPublicPort() == null || p.getPrivatePort() == null) {
        continue; // exposed by the image, not published
      }
      PublishedPort port =
          new PublishedPort(
              p.getIp() == null ? ContainerSpec.DEFAULT_HOST : p.getIp(),
              p.getPublicPort(),
              p.getPrivatePort(),
              p.getType() == null ? "tcp" : p.getType());
      // Docker lists a 0.0.0.0 binding a second time for IPv6 (::)
      if ("::".equals(port.host())
          && out.stream()
              .anyMatch(
                  q ->
                      q.containerPort() == port.containerPort()
                          && q.protocol().equals(port.protocol())
                          && q.host().equals(ContainerSpec.DEFAULT_HOST))) {
        continue;
      }
      if (!out.contains(port)) {
        out.add(port);
      }
    }
    out.removeIf(
        p ->
            "::".equals(p.host())
                && out.stream()
                    .anyMatch(
                        q ->
                            q != p
                                && q.containerPort() == p.containerPort()
                                && q.protocol().equals(p.protocol())
                                && q.host().equals(ContainerSpec.DEFAULT_HOST)));
    return out;
  }

  private static boolean samePorts(List<PublishedPort> wanted, List<PublishedPort> live) {
    if (wanted.size() != live.size()) {
      return false;
    }
    List<PublishedPort> left = new ArrayList<>(live);
    for (PublishedPort w : wanted) {
      PublishedPort match = left.stream().filter(w::matches).findFirst().orElse(null);
      if (match == null) {
        return false;
      }
      left.remove(match);
    }
    return true;
  }

  private static ArrayNode portsJson(List<PublishedPort> ports) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (PublishedPort p : ports) {
      ObjectNode o = out.addObject();
      o.put("host", p.host());
      o.put("hostPort", p.hostPort());
      o.put("containerPort", p.containerPort());
      o.put("protocol", p.protocol());
    }
    return out;
  }

  private static ObjectNode outputs(Container c, List<String> networkOrder) {
    ObjectNode outputs = Json.object();
    outputs.put("id", c.getId());
    String name = c.getNames() != null && c.getNames().length > 0 ? c.getNames()[0] : "";
    outputs.put("name", name.startsWith("/") ? name.substring(1) : name);
    Map<String, ContainerNetwork> networks = networksOf(c);
    ObjectNode ips = outputs.putObject("ips");
    networks.forEach((n, net) -> ips.put(n, net.getIpAddress()));
    String ip = null;
    for (String wanted : networkOrder) {
      for (Map.Entry<String, ContainerNetwork> e : networks.entrySet()) {
        if (ip == null
            && (e.getKey().equals(wanted) || wanted.equals(e.getValue().getNetworkID()))) {
          ip = e.getValue().getIpAddress();
        }
      }
    }
    if (ip == null && !networks.isEmpty()) {
      ip = networks.values().iterator().next().getIpAddress();
    }
    outputs.put("ip", ip == null || ip.isEmpty() ? null : ip);
    outputs.set("ports", portsJson(publishedPorts(c)));
    outputs.put("state", c.getState());
    return outputs;
  }

  @Override
  public Map<String, String> validate(ObjectNode properties) {
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
  public ChangeResult apply(Change change) {
    try {
      return switch (change.kind()) {
        case CREATE -> create(change.name(), change.id(), change.desired());
        case UPDATE -> update(change);
        case DELETE -> delete(change.name(), change.id());
      };
    } catch (DockerException e) {
      return ChangeResult.failed(change.name(), DockerErrors.message(e));
    }
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
      createContainer(resource, id, spec);
    } catch (NotFoundException missing) {
      if (!DockerErrors.message(missing).toLowerCase(java.util.Locale.ROOT).contains("image")) {
        return ChangeResult.failed(resource, DockerErrors.message(missing));
      }
      String pulled = pull(spec.image());
      if (pulled != null) {
        return ChangeResult.failed(
            resource,
            "image '"
                + spec.image()
                + "' is not on the Docker host and pulling it failed: "
                + pulled);
      }
      createContainer(resource, id, spec);
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
      String logs = lastLogLines(id);
      removeQuietly(id);
      return ChangeResult.failed(
          resource,
          "container '" + resource + "' did not start: " + DockerErrors.message(e) + logs);
    }
    String failure = watchStart(id);
    if (failure != null) {
      String logs = lastLogLines(id);
      removeQuietly(id);
      return ChangeResult.failed(resource, "container '" + resource + "' " + failure + logs);
    }
    return ChangeResult.ok(resource, id, outputsOf(id, spec.networks()));
  }

  private void createContainer(String resource, String id, ContainerSpec spec) {
    Map<String, String> labels = new LinkedHashMap<>(spec.labels());
    labels.putAll(managed.forNew(TYPE, id, resource));
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

  private static RestartPolicy restartPolicy(String text) {
    return text == null || "no".equals(text)
        ? RestartPolicy.noRestart()
        : RestartPolicy.parse(text);
  }

  /** Null when pulled, else why not. */
  private String pull(String image) {
    // errors are collected here instead of docker-java's default, which logs them as ERROR
    AtomicReference<String> failure = new AtomicReference<>();
    ResultCallback.Adapter<PullResponseItem> callback =
        new ResultCallback.Adapter<>() {
          @Override
          public void onNext(PullResponseItem item) {
            if (item.getErrorDetail() != null) {
              failure.compareAndSet(null, item.getErrorDetail().getMessage());
            }
          }

          @Override
          public void onError(Throwable error) {
            failure.compareAndSet(
                null,
                error instanceof DockerException d
                    ? DockerErrors.message(d)
                    : String.valueOf(error.getMessage()));
            try {
              close();
            } catch (java.io.IOException ignored) {
              // closing only releases the waiting thread
            }
          }
        };
    try {
      docker.client().pullImageCmd(image).exec(callback).awaitCompletion(10, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (RuntimeException e) {
      failure.compareAndSet(null, String.valueOf(e.getMessage()));
    }
    return failure.get();
  }

  /**
   * Watches a started container for the grace period: null while it keeps running (or finished
   * successfully, as a one-shot job does), else what went wrong.
   */
  private String watchStart(String id) {
    long deadline = System.nanoTime() + startCheck.toNanos();
    while (true) {
      InspectContainerResponse c = docker.client().inspectContainerCmd(id).exec();
      InspectContainerResponse.ContainerState state = c.getState();
      Integer restarts = c.getRestartCount();
      if (Boolean.TRUE.equals(state.getRestarting()) || restarts != null && restarts > 0) {
        return "keeps restarting (exit code " + state.getExitCodeLong() + ")";
      }
      if (!Boolean.TRUE.equals(state.getRunning())) {
        Long exit = state.getExitCodeLong();
        if (exit != null && exit == 0 && (state.getError() == null || state.getError().isEmpty())) {
          return null;
        }
        String error =
            state.getError() == null || state.getError().isEmpty() ? "" : ": " + state.getError();
        return "exited at once with code " + exit + error;
      }
      if (System.nanoTime() >= deadline) {
        return null;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
  }

  /** The container's last log lines, as a message suffix. */
  private String lastLogLines(String id) {
    StringBuilder text = new StringBuilder();
    try {
      docker
          .client()
          .logContainerCmd(id)
          .withStdOut(true)
          .withStdErr(true)
          .withTail(20)
          .exec(
              new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                  synchronized (text) {
                    text.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                  }
                }
              })
          .awaitCompletion(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      return "";
    }
    synchronized (text) {
      String logs = text.toString().strip();
      return logs.isEmpty() ? "" : "; its last log lines:\n" + logs;
    }
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
    return found.isEmpty() ? Json.object() : outputs(found.get(0), networkOrder);
  }

  private ChangeResult update(Change change) {
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
            .withRestartPolicy(restartPolicy(after.restartPolicy()));
    if (after.memoryBytes() != null) {
      cmd.withMemory(after.memoryBytes()).withMemorySwap(after.memoryBytes());
    }
    if (after.nanoCpus() != null) {
      cmd.withNanoCPUs(after.nanoCpus());
    }
    cmd.exec();
    return ChangeResult.ok(change.name(), change.id(), outputsOf(change.id(), after.networks()));
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
