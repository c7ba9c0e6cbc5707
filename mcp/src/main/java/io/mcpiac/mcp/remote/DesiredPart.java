package io.mcpiac.mcp.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.config.References;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.KeptSecrets;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.resources.Secrets;
import io.mcpiac.engine.states.Deposed;
import io.mcpiac.mcp.protocol.ToolArguments;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The whole part a server must be sent for a batch: what it recorded, with the batch applied, and
 * the untouched resources' secrets restated (the server answers them masked). Callers hold the
 * {@link SubDeployment}'s lock.
 */
final class DesiredPart {
  private final Supplier<List<ResourceType>> types;

  /**
   * The literal properties last sent for each resource. An untouched resource with a secret that
   * the run does not vouch for ({@link KeptSecrets}) is resent from here; without either the server
   * is asked to keep what it holds, and refuses rather than overwrite a secret with its mask.
   */
  private final Map<String, ObjectNode> sent = new HashMap<>();

  DesiredPart(Supplier<List<ResourceType>> types) {
    this.types = types;
  }

  /**
   * The resources to plan, in the order the server recorded them, new ones last.
   *
   * @throws IllegalStateException when a secret sits in a property the server's type does not keep
   *     secret (the batch is refused, naming it)
   */
  List<ToolArguments.Resource> of(
      Map<String, Recorded> before, List<Change> batch, KeptSecrets kept) {
    Map<String, ObjectNode> desired = new LinkedHashMap<>();
    Map<String, List<String>> recordedDeps = new HashMap<>();
    Map<String, List<String>> keptByServer = new HashMap<>();
    Set<String> changed = new HashSet<>();
    batch.forEach(c -> changed.add(c.name()));
    for (Recorded r : before.values()) {
      if (Deposed.resourceOf(r.name()).isPresent()) {
        // an old object a stopped run of the server left: not configuration, the server's own
        // plan deletes it
        continue;
      }
      ObjectNode props = r.properties();
      if (!changed.contains(r.name()) && !secretsHeld(r).isEmpty()) {
        props = restated(r, kept, keptByServer);
      }
      desired.put(r.name(), resource(r.type(), r.name(), props));
      recordedDeps.put(r.name(), r.dependencies());
    }
    for (Change c : batch) {
      if (c.kind() == Change.Kind.DELETE) {
        desired.remove(c.name());
        sent.remove(c.name());
      } else {
        desired.put(c.name(), resource(c.type().name(), c.name(), c.desired()));
        sent.put(c.name(), c.desired().deepCopy());
        recordedDeps.remove(c.name());
      }
    }
    Dependencies.infer(desired, before, recordedDeps);
    List<ToolArguments.Resource> out = new ArrayList<>();
    for (ObjectNode r : desired.values()) {
      List<String> deps = new ArrayList<>();
      r.path("dependsOn").forEach(d -> deps.add(d.asText()));
      String type = r.path("type").asText();
      String resource = r.path("name").asText();
      out.add(
          new ToolArguments.Resource(
              type,
              resource,
              wire(type, resource, (ObjectNode) r.get("properties")),
              deps,
              keptByServer.getOrDefault(resource, List.of())));
    }
    return out;
  }

  /**
   * The properties as the server must receive them. A secret in a property the server's type keeps
   * secret goes as its text (serialised, it would be its stand-in); a secret anywhere else would be
   * kept in clear in the server's state, so the batch is refused naming it.
   */
  private ObjectNode wire(String type, String resource, ObjectNode properties) {
    ObjectNode out = properties.deepCopy();
    Set<String> secret = type(type).map(ResourceType::secretProperties).orElse(Set.of());
    for (String p : secret) {
      if (out.has(p)) {
        out.set(p, Secrets.reveal(out.get(p)));
      }
    }
    out.fields()
        .forEachRemaining(
            e -> {
              if (Secrets.containsSecret(e.getValue())) {
                throw new IllegalStateException(
                    "'"
                        + resource
                        + "' has a secret value in '"
                        + e.getKey()
                        + "', which "
                        + type
                        + " on this server does not keep secret (its state would hold it in"
                        + " clear); use a property the type declares secret, or keep this value on"
                        + " another server");
              }
            });
    return out;
  }

  /**
   * An untouched resource with a secret, as the server must receive it again: what it recorded,
   * with the secrets this run's own configuration gives (the engine gives only those whose digest
   * is the recorded one), or else as this orchestrator last sent it. Without either (a destroy,
   * which has no configuration; a resource of another deployment on the same part) the secrets are
   * left out and the server is asked to keep what it holds ({@code keepSecrets}, added to {@code
   * keep}): it refuses only if it would have to write the resource, never overwriting a secret with
   * its mask.
   */
  private ObjectNode restated(Recorded r, KeptSecrets kept, Map<String, List<String>> keep) {
    Set<String> held = secretsHeld(r);
    Optional<Map<String, JsonNode>> secrets = kept.of(r.type(), r.name());
    if (secrets.isPresent() && secrets.get().keySet().containsAll(held)) {
      ObjectNode props = r.properties().deepCopy();
      secrets.get().forEach((path, value) -> References.put(props, path, value));
      return props;
    }
    ObjectNode known = sent.get(r.name());
    if (known != null) {
      return known;
    }
    ObjectNode props = r.properties().deepCopy();
    held.forEach(path -> References.remove(props, path));
    keep.put(r.name(), List.copyOf(held));
    return props;
  }

  /**
   * The secret properties the server holds a value of for this resource, which it answers masked:
   * the type's schema names them ({@code x-secretProperties} of the type document).
   */
  private Set<String> secretsHeld(Recorded r) {
    Set<String> out = new TreeSet<>();
    type(r.type())
        .ifPresent(
            t ->
                t.secretProperties().stream()
                    .filter(
                        p -> {
                          JsonNode v = References.at(r.properties(), p);
                          return v != null && !v.isNull();
                        })
                    .forEach(out::add));
    return out;
  }

  private Optional<ResourceType> type(String name) {
    return types.get().stream().filter(t -> t.name().equals(name)).findFirst();
  }

  private static ObjectNode resource(String type, String name, ObjectNode properties) {
    ObjectNode r = Json.object();
    r.put("type", type);
    r.put("name", name);
    r.set("properties", properties == null ? Json.object() : properties.deepCopy());
    return r;
  }
}
