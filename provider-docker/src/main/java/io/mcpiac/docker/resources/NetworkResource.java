package io.mcpiac.docker.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.command.CreateNetworkCmd;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import io.mcpiac.docker.client.DockerConnection;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.providers.kit.Props;
import io.mcpiac.engine.resources.ResourceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code docker:network}: a user-defined network. Containers on it reach each other by resource
 * name (each container gets its resource name as a network alias). Docker cannot change a network,
 * so every change replaces it.
 */
public final class NetworkResource implements ReplacedOnChange {
  public static final String TYPE = "docker:network";

  private static final ResourceType DEFINITION =
      new ResourceType(
          TYPE,
          "A user-defined Docker network. Attach containers with networks: [${NAME.name}].",
          Json.parse(
              """
              {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "name": {"type": "string", "pattern": "^[a-zA-Z0-9][a-zA-Z0-9_.-]+$",
                           "description": "Docker's network name; default: the resource name plus a unique suffix."},
                  "driver": {"type": "string", "minLength": 1, "default": "bridge", "description": "Network driver; default bridge."},
                  "internal": {"type": "boolean", "default": false, "description": "No route to the outside."},
                  "subnet": {"type": "string", "description": "IPv4 subnet in CIDR form, e.g. 10.89.0.0/24; default: Docker picks one."},
                  "gateway": {"type": "string", "description": "The gateway address inside subnet."},
                  "labels": {"type": "object", "additionalProperties": {"type": "string"}}
                }
              }
              """),
          Set.of("name", "driver", "internal", "subnet", "gateway", "labels"),
          Set.of(),
          Map.of("id", "Docker's network id", "name", "the network's name"),
          // a fixed name or subnet cannot exist twice, so the old network goes first
          false);

  private final DockerConnection docker;
  private final ManagedLabels managed;

  public NetworkResource(DockerConnection docker, ManagedLabels managed) {
    this.docker = docker;
    this.managed = managed;
  }

  @Override
  public ResourceType type() {
    return DEFINITION;
  }

  private List<Network> list(List<String> labelFilter) {
    return docker.client().listNetworksCmd().withFilter("label", labelFilter).exec();
  }

  @Override
  public Map<String, LiveResource> read(DockerConnection session, List<ReadRequest> requests) {
    return ManagedLabels.matchById(
        list(ManagedLabels.managedFilter()),
        Network::getLabels,
        requests,
        (r, n) -> live(r.name(), r.id(), n));
  }

  @Override
  public List<LiveResource> importAll(DockerConnection session) {
    List<LiveResource> out = new ArrayList<>();
    for (Network n : list(managed.importFilterValues())) {
      out.add(live(ManagedLabels.resourceOf(n.getLabels()), ManagedLabels.idOf(n.getLabels()), n));
    }
    return out;
  }

  private static LiveResource live(String name, String id, Network n) {
    ObjectNode props = Json.object();
    props.put("name", n.getName());
    props.put("driver", n.getDriver());
    props.put("internal", Boolean.TRUE.equals(n.getInternal()));
    if (n.getIpam() != null
        && n.getIpam().getConfig() != null
        && !n.getIpam().getConfig().isEmpty()) {
      Network.Ipam.Config c = n.getIpam().getConfig().get(0);
      if (c.getSubnet() != null) {
        props.put("subnet", c.getSubnet());
      }
      if (c.getGateway() != null) {
        props.put("gateway", c.getGateway());
      }
    }
    props.set("labels", Json.MAPPER.valueToTree(ManagedLabels.userLabels(n.getLabels())));
    return new LiveResource(name, id, props, outputs(n.getId(), n.getName()));
  }

  private static ObjectNode outputs(String networkId, String name) {
    ObjectNode outputs = Json.object();
    outputs.put("id", networkId);
    outputs.put("name", name);
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
  public ChangeResult create(DockerConnection session, Change change) {
    ObjectNode props = change.desired();
    String name = Props.text(props, "name") != null ? Props.text(props, "name") : change.id();
    try {
      // a create whose answer was lost, or an undo of a delete that did not happen
      List<Network> existing = list(List.of(ManagedLabels.ID + "=" + change.id()));
      if (!existing.isEmpty()) {
        Network n = existing.get(0);
        return ChangeResult.ok(change.name(), change.id(), outputs(n.getId(), n.getName()));
      }
      Map<String, String> labels = new LinkedHashMap<>(Props.map(props, "labels"));
      labels.putAll(managed.forNew(TYPE, change.id(), change.name()));
      CreateNetworkCmd cmd =
          docker
              .client()
              .createNetworkCmd()
              .withName(name)
              .withLabels(labels)
              .withCheckDuplicate(true);
      cmd.withDriver(Props.text(props, "driver") != null ? Props.text(props, "driver") : "bridge");
      if (props.path("internal").asBoolean(false)) {
        cmd.withInternal(true);
      }
      if (Props.text(props, "subnet") != null) {
        Network.Ipam.Config config =
            new Network.Ipam.Config().withSubnet(Props.text(props, "subnet"));
        if (Props.text(props, "gateway") != null) {
          config.withGateway(Props.text(props, "gateway"));
        }
        cmd.withIpam(new Network.Ipam().withConfig(config));
      }
      String networkId = cmd.exec().getId();
      return ChangeResult.ok(change.name(), change.id(), outputs(networkId, name));
    } catch (DockerException e) {
      return ChangeResult.failed(
          change.name(), "creating network '" + name + "' failed: " + DockerErrors.message(e));
    }
  }

  @Override
  public ChangeResult delete(DockerConnection session, Change change) {
    try {
      for (Network n : list(List.of(ManagedLabels.ID + "=" + change.id()))) {
        docker.client().removeNetworkCmd(n.getId()).exec();
      }
      return ChangeResult.ok(change.name(), change.id(), Json.object());
    } catch (NotFoundException gone) {
      return ChangeResult.ok(change.name(), change.id(), Json.object());
    } catch (DockerException e) {
      return ChangeResult.failed(
          change.name(), "removing the network failed: " + DockerErrors.message(e));
    }
  }
}
