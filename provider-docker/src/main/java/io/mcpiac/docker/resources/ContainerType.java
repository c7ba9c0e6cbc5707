package io.mcpiac.docker.resources;

import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.resources.ResourceType;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The definition of {@code docker:container}: its schema (with the default of every property the
 * list call reads back, so a container changed behind the tool's back on a property the file leaves
 * out is drift), what changes in place and its outputs.
 */
final class ContainerType {
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

  static final ResourceType DEFINITION =
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
                  "env": {"type": "object", "default": {}, "additionalProperties": {"type": ["string", "number", "boolean"]}},
                  "environment": {"type": ["object", "array"], "items": {"type": "string"},
                                  "additionalProperties": {"type": ["string", "number", "boolean"]},
                                  "description": "Compose's name for env (alias): a map, or a list of K=V."},
                  "restart": {"type": "string", "pattern": "^(no|always|unless-stopped|on-failure(:[0-9]+)?)$",
                              "description": "Compose's name for restartPolicy (alias)."},
                  "mem_limit": {"type": ["integer", "string"], "pattern": "^[0-9]+ *[bkmgBKMG]?[bB]?$", "minimum": 6291456,
                                "description": "Compose's name for memory (alias)."},
                  "ports": {
                    "type": "array", "default": [],
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
                    "type": "array", "default": [],
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
                  "networks": {"type": "array", "items": {"type": "string", "minLength": 1}, "default": ["bridge"],
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

  private ContainerType() {}

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> out = new HashSet<>(a);
    out.removeAll(b);
    return out;
  }
}
