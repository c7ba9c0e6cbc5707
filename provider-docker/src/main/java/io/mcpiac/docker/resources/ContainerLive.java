package io.mcpiac.docker.resources;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ContainerPort;
import io.mcpiac.docker.resources.ContainerSpec.PublishedPort;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.kit.Props;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A listed container as the live resource and outputs of {@code docker:container}. */
final class ContainerLive {
  private ContainerLive() {}

  /**
   * What the list call shows of a container, in the type's properties: image, networks, published
   * ports and labels (the rest, such as command, env, volumes and limits, the list does not show:
   * {@link ContainerConfigRead} and {@link ContainerLimits} add them from an inspection). A value
   * that means the same as the recorded one is reported as recorded, so defaults left out of the
   * configuration never look like drift.
   */
  static LiveResource live(String name, String id, Container c, ObjectNode recorded) {
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
    List<String> recordedNetworks = Props.list(recorded, "networks");
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

  static ObjectNode outputs(Container c, List<String> networkOrder) {
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
}
