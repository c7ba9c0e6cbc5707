package io.mcpiac.docker.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ContainerConfig;
import io.mcpiac.engine.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A container's command, env and volumes as the type's properties, from its inspection: the list
 * call does not show them, and without them a container re-made by hand with another command, env
 * or mount would never be drift. What Docker adds on its own is left out, so an unchanged container
 * reads as written: the image's CMD when the file gives no command, and the image's ENV entries the
 * file does not set. A value that means the same as the recorded one is reported as recorded.
 */
final class ContainerConfigRead {
  private ContainerConfigRead() {}

  /**
   * @param image the image's own config (its CMD and ENV), asked for only when needed; null when
   *     the image is gone
   */
  static void report(
      ObjectNode props,
      InspectContainerResponse inspected,
      Supplier<ContainerConfig> image,
      ObjectNode recorded) {
    ContainerConfig config = inspected.getConfig();
    if (config == null) {
      return;
    }
    ContainerSpec spec = ContainerSpec.of(recorded);
    command(props, config, image, recorded, spec);
    env(props, config, image, recorded, spec);
    volumes(props, inspected, recorded, spec);
  }

  private static void command(
      ObjectNode props,
      ContainerConfig config,
      Supplier<ContainerConfig> image,
      ObjectNode recorded,
      ContainerSpec spec) {
    List<String> live = words(config.getCmd());
    if (!spec.command().isEmpty() && live.equals(spec.command())) {
      props.set("command", recorded.get("command").deepCopy());
      return;
    }
    if (spec.command().isEmpty()) {
      // no command in the file: the image's CMD is what Docker runs, not drift
      ContainerConfig own = image.get();
      if (own == null || live.equals(words(own.getCmd()))) {
        if (recorded.has("command")) {
          props.set("command", recorded.get("command").deepCopy());
        }
        return;
      }
    }
    props.set("command", Json.MAPPER.valueToTree(live));
  }

  private static void env(
      ObjectNode props,
      ContainerConfig config,
      Supplier<ContainerConfig> image,
      ObjectNode recorded,
      ContainerSpec spec) {
    Map<String, String> live = pairs(config.getEnv());
    Map<String, String> imageEnv = null;
    for (var it = live.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, String> e = it.next();
      if (spec.env().containsKey(e.getKey())) {
        continue;
      }
      if (imageEnv == null) {
        ContainerConfig own = image.get();
        imageEnv = own == null ? Map.of() : pairs(own.getEnv());
      }
      // set by the image, not the file (PATH and the like)
      if (Objects.equals(imageEnv.get(e.getKey()), e.getValue())) {
        it.remove();
      }
    }
    // always shown: a file without env means its default {}, so env added by hand is drift
    props.set(
        "env",
        recorded.has("env") && live.equals(stringValues(recorded.get("env")))
            ? recorded.get("env").deepCopy()
            : Json.MAPPER.valueToTree(live));
  }

  private static void volumes(
      ObjectNode props,
      InspectContainerResponse inspected,
      ObjectNode recorded,
      ContainerSpec spec) {
    List<ContainerSpec.Mount> live = new ArrayList<>();
    Bind[] binds =
        inspected.getHostConfig() == null || inspected.getHostConfig().getBinds() == null
            ? new Bind[0]
            : inspected.getHostConfig().getBinds();
    for (Bind b : binds) {
      live.add(
          new ContainerSpec.Mount(
              b.getPath(), b.getVolume().getPath(), b.getAccessMode() == AccessMode.ro));
    }
    // docker run --mount: the same bind or named volume in the other syntax (a tmpfs has no source)
    if (inspected.getHostConfig() != null && inspected.getHostConfig().getMounts() != null) {
      for (com.github.dockerjava.api.model.Mount m : inspected.getHostConfig().getMounts()) {
        live.add(
            new ContainerSpec.Mount(
                m.getSource() == null ? "" : m.getSource(),
                m.getTarget(),
                Boolean.TRUE.equals(m.getReadOnly())));
      }
    }
    if (recorded.has("volumes")
        && live.size() == spec.volumes().size()
        && live.containsAll(spec.volumes())) {
      props.set("volumes", recorded.get("volumes").deepCopy());
      return;
    }
    // always shown: a file without volumes means its default [], so a mount added by hand is drift
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (ContainerSpec.Mount m : live) {
      ObjectNode v = out.addObject();
      v.put("source", m.source());
      v.put("target", m.target());
      if (m.readOnly()) {
        v.put("readOnly", true);
      }
    }
    props.set("volumes", out);
  }

  private static List<String> words(String[] cmd) {
    return cmd == null ? List.of() : List.of(cmd);
  }

  /** {@code K=V} entries as a map; the last of a repeated key wins, as in Docker. */
  private static Map<String, String> pairs(String[] env) {
    Map<String, String> out = new LinkedHashMap<>();
    if (env != null) {
      for (String kv : env) {
        int eq = kv.indexOf('=');
        if (eq > 0) {
          out.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
      }
    }
    return out;
  }

  /** The recorded env with every value as the text Docker keeps ({@code 1}, {@code true}). */
  private static Map<String, String> stringValues(JsonNode env) {
    Map<String, String> out = new LinkedHashMap<>();
    if (env != null && env.isObject()) {
      env.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }
}
