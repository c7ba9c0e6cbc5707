package io.mcpiac.docker.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.providers.kit.Props;
import io.mcpiac.engine.resources.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code docker:container}'s properties as typed values. */
record ContainerSpec(
    String image,
    List<String> command,
    Map<String, String> env,
    List<PublishedPort> ports,
    List<Mount> volumes,
    List<String> networks,
    Map<String, String> labels,
    String restartPolicy,
    Long memoryBytes,
    Long nanoCpus) {

  /** Where ports are published when {@code host} is not given: Docker's own default. */
  static final String DEFAULT_HOST = "0.0.0.0";

  private static final Pattern MEMORY = Pattern.compile("(?i)([0-9]+)\\s*([bkmg]?)b?");

  /**
   * @param hostPort null: Docker picks a free port
   */
  record PublishedPort(String host, Integer hostPort, int containerPort, String protocol) {
    /** Whether a live binding is this port, a wanted port with no host port matching any. */
    boolean matches(PublishedPort live) {
      return containerPort == live.containerPort
          && protocol.equals(live.protocol)
          && host.equals(live.host)
          && (hostPort == null || hostPort.equals(live.hostPort));
    }
  }

  record Mount(String source, String target, boolean readOnly) {}

  static ContainerSpec of(ObjectNode p) {
    List<PublishedPort> ports = new ArrayList<>();
    for (JsonNode port : p.path("ports")) {
      ports.add(
          new PublishedPort(
              port.path("host").asText(DEFAULT_HOST),
              port.hasNonNull("hostPort") ? port.get("hostPort").asInt() : null,
              port.path("containerPort").asInt(),
              port.path("protocol").asText("tcp").toLowerCase(Locale.ROOT)));
    }
    List<Mount> volumes = new ArrayList<>();
    for (JsonNode v : p.path("volumes")) {
      volumes.add(
          new Mount(
              v.path("source").asText(),
              v.path("target").asText(),
              v.path("readOnly").asBoolean()));
    }
    return new ContainerSpec(
        Props.text(p, "image"),
        Props.list(p, "command"),
        Props.map(p, "env"),
        ports,
        volumes,
        Props.list(p, "networks"),
        Props.map(p, "labels"),
        Props.text(p, "restartPolicy"),
        p.hasNonNull("memory") ? memoryBytes(p.get("memory")) : null,
        p.hasNonNull("cpus") ? Math.round(p.get("cpus").asDouble() * 1_000_000_000L) : null);
  }

  /** {@code 134217728}, {@code "128m"}, {@code "1g"} → bytes; null when not a size. */
  static Long memoryBytes(JsonNode value) {
    if (value.isIntegralNumber()) {
      return value.asLong();
    }
    if (!value.isTextual() || Values.isUnknown(value)) {
      return null;
    }
    Matcher m = MEMORY.matcher(value.asText().strip());
    if (!m.matches()) {
      return null;
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "k" -> n << 10;
      case "m" -> n << 20;
      case "g" -> n << 30;
      default -> n;
    };
  }
}
