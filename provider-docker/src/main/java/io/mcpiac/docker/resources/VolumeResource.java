package io.mcpiac.docker.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.command.CreateVolumeCmd;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import io.mcpiac.docker.client.DockerConnection;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.resources.ResourceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code docker:volume}: a named volume. Docker cannot change a volume, so every change replaces.
 */
public final class VolumeResource implements DockerResource {
  public static final String TYPE = "docker:volume";

  private static final ResourceType DEFINITION =
      new ResourceType(
          TYPE,
          "A named Docker volume. Mount it in a container with volumes: [{source: ${NAME.name},"
              + " target: /data}].",
          Json.parse(
              """
              {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "name": {"type": "string", "pattern": "^[a-zA-Z0-9][a-zA-Z0-9_.-]+$",
                           "description": "Docker's volume name; default: the resource name plus a unique suffix."},
                  "driver": {"type": "string", "minLength": 1, "description": "Volume driver; default local."},
                  "driverOpts": {"type": "object", "additionalProperties": {"type": "string"},
                                 "description": "Driver options, e.g. type/device/o for local."},
                  "labels": {"type": "object", "additionalProperties": {"type": "string"}}
                }
              }
              """),
          Set.of("name", "driver", "driverOpts", "labels"),
          Set.of(),
          Map.of("name", "the volume's name", "mountpoint", "where the volume lives on the host"),
          // a fixed name cannot exist twice, and data does not move to a new volume anyway
          false);

  private final DockerConnection docker;
  private final ManagedLabels managed;

  public VolumeResource(DockerConnection docker, ManagedLabels managed) {
    this.docker = docker;
    this.managed = managed;
  }

  @Override
  public ResourceType type() {
    return DEFINITION;
  }

  private List<InspectVolumeResponse> listManaged(List<String> labelFilter) {
    List<InspectVolumeResponse> out =
        docker.client().listVolumesCmd().withFilter("label", labelFilter).exec().getVolumes();
    return out == null ? List.of() : out;
  }

  @Override
  public Map<String, LiveResource> read(List<ReadRequest> requests) {
    return ManagedLabels.matchById(
        listManaged(ManagedLabels.managedFilter()),
        InspectVolumeResponse::getLabels,
        requests,
        (r, v) -> live(r.name(), r.id(), v));
  }

  @Override
  public List<LiveResource> importAll() {
    List<LiveResource> out = new ArrayList<>();
    for (InspectVolumeResponse v : listManaged(managed.importFilterValues())) {
      out.add(live(ManagedLabels.resourceOf(v.getLabels()), ManagedLabels.idOf(v.getLabels()), v));
    }
    return out;
  }

  private static LiveResource live(String name, String id, InspectVolumeResponse v) {
    ObjectNode props = Json.object();
    props.put("name", v.getName());
    props.put("driver", v.getDriver());
    // what the volume was made with: a volume re-made by hand with other options is drift
    props.set(
        "driverOpts", Json.MAPPER.valueToTree(v.getOptions() == null ? Map.of() : v.getOptions()));
    props.set("labels", Json.MAPPER.valueToTree(ManagedLabels.userLabels(v.getLabels())));
    return new LiveResource(name, id, props, outputs(v));
  }

  private static ObjectNode outputs(InspectVolumeResponse v) {
    ObjectNode outputs = Json.object();
    outputs.put("name", v.getName());
    outputs.put("mountpoint", v.getMountpoint());
    return outputs;
  }

  @Override
  public ObjectNode plannedOutputs(ObjectNode desired, ObjectNode prior) {
    ObjectNode out = prior == null ? Json.object() : prior.deepCopy();
    if (Props.known(desired, "name")) {
      out.put("name", Props.text(desired, "name"));
    }
    return out;
  }

  @Override
  public ChangeResult apply(Change change) {
    return switch (change.kind()) {
      case CREATE -> create(change);
      case DELETE -> delete(change);
      // every property forces replacement; an update can only be an undo that restores the same
      case UPDATE -> ChangeResult.ok(change.name(), change.id(), change.priorOutputs());
    };
  }

  private ChangeResult create(Change change) {
    ObjectNode props = change.desired();
    String name = Props.text(props, "name") != null ? Props.text(props, "name") : change.id();
    try {
      Map<String, String> labels = new LinkedHashMap<>(Props.map(props, "labels"));
      labels.putAll(managed.forNew(TYPE, change.id(), change.name()));
      CreateVolumeCmd cmd = docker.client().createVolumeCmd().withName(name).withLabels(labels);
      if (Props.text(props, "driver") != null) {
        cmd.withDriver(Props.text(props, "driver"));
      }
      if (!Props.map(props, "driverOpts").isEmpty()) {
        cmd.withDriverOpts(Props.map(props, "driverOpts"));
      }
      cmd.exec();
      // creating an existing volume answers with the existing one: make sure it is this one
      InspectVolumeResponse v = docker.client().inspectVolumeCmd(name).exec();
      if (!change.id().equals(ManagedLabels.idOf(v.getLabels()))) {
        return ChangeResult.failed(
            change.name(),
            "a volume named '" + name + "' already exists and does not belong to this resource");
      }
      return ChangeResult.ok(change.name(), change.id(), outputs(v));
    } catch (DockerException e) {
      return ChangeResult.failed(
          change.name(), "creating volume '" + name + "' failed: " + DockerErrors.message(e));
    }
  }

  private ChangeResult delete(Change change) {
    try {
      for (InspectVolumeResponse v : listManaged(List.of(ManagedLabels.ID + "=" + change.id()))) {
        docker.client().removeVolumeCmd(v.getName()).exec();
      }
      return ChangeResult.ok(change.name(), change.id(), Json.object());
    } catch (NotFoundException gone) {
      return ChangeResult.ok(change.name(), change.id(), Json.object());
    } catch (DockerException e) {
      return ChangeResult.failed(
          change.name(), "removing the volume failed: " + DockerErrors.message(e));
    }
  }
}
