package io.mcpiac.kubernetes.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.Placement;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.providers.kit.TypeHandler;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.kubernetes.kinds.Kind;
import io.mcpiac.kubernetes.objects.Bookkeeping;
import io.mcpiac.kubernetes.objects.Manifests;
import io.mcpiac.kubernetes.objects.ObjectRef;
import io.mcpiac.kubernetes.objects.ObjectStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A typed kind ({@code k8s:apps:deployment} …) on the kit: the friendly properties produce a
 * manifest, {@code manifest} is merged over it, and the result is written as one object. Reads
 * compare only the fields that manifest sets (see {@link Manifests#project}).
 */
final class TypedHandler implements TypeHandler<ObjectStore> {
  private final Kind kind;
  private final ObjectWrites writes;
  private final ResourceType type;
  private final java.util.function.Supplier<ObjectStore> cluster;

  TypedHandler(Kind kind, ObjectWrites writes, java.util.function.Supplier<ObjectStore> cluster) {
    this.kind = kind;
    this.cluster = cluster;
    this.writes = writes;
    Set<String> replace = new HashSet<>(kind.replaceOnChange());
    replace.add("name");
    if (kind.namespaced()) {
      replace.add("namespace");
    }
    this.type =
        new ResourceType(
            kind.type(),
            kind.description(),
            schema(kind),
            replace,
            kind.secrets(),
            ObjectWrites.OUTPUTS,
            false);
  }

  private static JsonNode schema(Kind kind) {
    ObjectNode props = Json.parseObject(kind.propertiesSchema());
    props.set(
        "name",
        Json.parse(
            "{\"type\": \"string\", \"minLength\": 1, \"maxLength\": 253,"
                + " \"description\": \"the object's name (default: the resource name)\"}"));
    if (kind.namespaced()) {
      props.set(
          "namespace",
          Json.parse(
              "{\"type\": \"string\", \"minLength\": 1, \"description\": \"default: the"
                  + " provider's namespace\"}"));
    }
    String strings =
        "{\"type\": \"object\", \"additionalProperties\": {\"type\": \"string\"},"
            + " \"default\": {}}";
    props.set("labels", Json.parse(strings));
    props.set("annotations", Json.parse(strings));
    props.set(
        "manifest",
        Json.parse(
            "{\"type\": \"object\", \"default\": {}, \"description\": \"fields merged over what the"
                + " other properties produce (objects merge, lists of named objects merge by name,"
                + " other lists replace)\"}"));
    props.set("wait", Json.parse(WaitSpec.SCHEMA));
    props.set(
        "forceConflicts",
        Json.parse(
            "{\"type\": \"boolean\", \"default\": false, \"description\": \"take over fields"
                + " another field manager owns (server-side apply)\"}"));
    ObjectNode schema = Json.object();
    schema.put("type", "object");
    schema.put("additionalProperties", false);
    schema.set("properties", props);
    schema.set("required", Json.MAPPER.valueToTree(kind.required()));
    return schema;
  }

  @Override
  public ResourceType type() {
    return type;
  }

  @Override
  public ObjectNode canonical(ObjectNode properties) {
    return kind.canonical(properties);
  }

  /** The object's name defaults to the resource name, written into the plan and state. */
  @Override
  public Map<String, ObjectNode> arrange(List<Placement> resources) {
    Map<String, ObjectNode> out = new LinkedHashMap<>();
    for (Placement p : resources) {
      if (p.properties() == null || !p.properties().has("name")) {
        out.put(p.name(), Json.object().put("name", ObjectNames.fromResourceName(p.name())));
      }
    }
    return out;
  }

  @Override
  public Map<String, String> validate(String name, ObjectNode properties) {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode n = properties.get("name");
    if (n != null && n.isTextual()) {
      String problem = ObjectNames.problem(n.asText());
      if (problem != null) {
        out.put("name", problem);
      }
    }
    JsonNode overlay = properties.path("manifest");
    for (String f : List.of("apiVersion", "kind")) {
      if (overlay.has(f)) {
        out.put("manifest." + f, "is set by the type (" + kind.type() + "); use k8s:manifest");
      }
    }
    for (String f : List.of("name", "namespace")) {
      if (overlay.path("metadata").has(f)) {
        out.put("manifest.metadata." + f, "use the property '" + f + "' instead");
      }
    }
    return out;
  }

  /** The manifest the properties describe, without mcp-iac's labels. */
  ObjectNode manifest(ObjectNode props) {
    ObjectNode m = generated(props);
    if (props.get("manifest") instanceof ObjectNode overlay) {
      Manifests.merge(m, overlay);
    }
    return m;
  }

  private ObjectNode generated(ObjectNode props) {
    ObjectNode m = Json.object();
    m.put("apiVersion", kind.apiVersion());
    m.put("kind", kind.kind());
    ObjectNode meta = m.putObject("metadata");
    meta.put("name", props.path("name").asText());
    if (kind.namespaced() && props.hasNonNull("namespace")) {
      meta.put("namespace", props.get("namespace").asText());
    }
    meta.set("labels", strings(props.get("labels")));
    meta.set("annotations", strings(props.get("annotations")));
    kind.write(props, m);
    return m;
  }

  private static ObjectNode strings(JsonNode map) {
    ObjectNode out = Json.object();
    if (map != null && map.isObject()) {
      map.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }

  @Override
  public Map<String, LiveResource> read(ObjectStore store, List<ReadRequest> requests) {
    ObjectReads reads = new ObjectReads(store);
    Map<String, LiveResource> out = new LinkedHashMap<>();
    for (ReadRequest r : requests) {
      ObjectNode desired = manifest(r.properties());
      ObjectRef ref = ObjectWrites.place(store, desired.deepCopy());
      ObjectNode live = reads.find(ref, r.id());
      if (live != null) {
        out.put(r.name(), live(r.name(), r.properties(), live));
      }
    }
    return out;
  }

  /**
   * The properties as the cluster holds them, judged on the fields mcp-iac writes. Where the {@code
   * manifest} overlay sets a field a friendly property also produces, the friendly property reads
   * as written and the overlay shows the live value, so one change is one difference.
   */
  private LiveResource live(String name, ObjectNode recorded, ObjectNode live) {
    ObjectNode generated = generated(recorded);
    ObjectNode overlay =
        recorded.get("manifest") instanceof ObjectNode o && !o.isEmpty() ? o : Json.object();
    ObjectNode friendlyView = (ObjectNode) Manifests.project(live, generated);
    JsonNode overlaid = Manifests.project(generated, overlay);
    if (overlaid instanceof ObjectNode o) {
      Manifests.merge(friendlyView, o);
    }
    ObjectNode props = friendlyProps(friendlyView, kind.namespaced() && recorded.has("namespace"));
    JsonNode overlayLive = Manifests.project(live, overlay);
    props.set("manifest", overlayLive == null ? Json.object() : overlayLive);
    copyIfPresent(recorded, props, "wait");
    copyIfPresent(recorded, props, "forceConflicts");
    return new LiveResource(name, Bookkeeping.idOf(live), props, ObjectWrites.outputs(live));
  }

  private ObjectNode friendlyProps(ObjectNode manifest, boolean withNamespace) {
    ObjectNode props = Json.object();
    ObjectNode meta = Manifests.metadata(manifest);
    props.put("name", meta.path("name").asText());
    if (withNamespace && meta.hasNonNull("namespace")) {
      props.put("namespace", meta.get("namespace").asText());
    }
    props.set("labels", withoutBookkeeping(meta.get("labels")));
    props.set("annotations", withoutBookkeeping(meta.get("annotations")));
    kind.read(manifest, props);
    return props;
  }

  private static ObjectNode withoutBookkeeping(JsonNode map) {
    ObjectNode out = strings(map);
    out.remove(Bookkeeping.KEYS);
    out.remove("kubectl.kubernetes.io/last-applied-configuration");
    return out;
  }

  private static void copyIfPresent(ObjectNode from, ObjectNode to, String key) {
    if (from.has(key)) {
      to.set(key, from.get(key));
    }
  }

  /** A Secret's data compared on the cluster: fetched again, never kept in the read. */
  @Override
  public Set<String> changedSecrets(LiveResource live, ObjectNode configured) {
    if (kind.secrets().isEmpty()) {
      return Set.of();
    }
    ObjectNode object =
        cluster
            .get()
            .get(
                new ObjectRef(
                    kind.apiVersion(),
                    kind.kind(),
                    live.outputs().path("namespace").asText(null),
                    live.outputs().path("name").asText()));
    return object == null ? Set.of() : kind.changedSecrets(object, configured);
  }

  @Override
  public List<LiveResource> importAll(ObjectStore store) {
    List<LiveResource> out = new ArrayList<>();
    for (ObjectNode live : store.listAll(kind.apiVersion(), kind.kind())) {
      ObjectNode clean = Manifests.clean(live, Bookkeeping.KEYS);
      ObjectNode props = friendlyProps(clean, kind.namespaced());
      props.set("manifest", Json.object());
      out.add(
          new LiveResource(
              Bookkeeping.resourceOf(live),
              Bookkeeping.idOf(live),
              props,
              ObjectWrites.outputs(live)));
    }
    return out;
  }

  @Override
  public ChangeResult create(ObjectStore store, Change change) {
    return writes.write(
        store, change, manifest(change.desired()), null, waitOf(change), force(change));
  }

  @Override
  public ChangeResult update(ObjectStore store, Change change) {
    return writes.write(
        store,
        change,
        manifest(change.desired()),
        manifest(change.prior()),
        waitOf(change),
        force(change));
  }

  @Override
  public ChangeResult delete(ObjectStore store, Change change) {
    writes.delete(store, manifest(change.prior()), WaitSpec.of(change.prior(), false, null));
    return ChangeResult.ok(change.name(), change.id(), change.priorOutputs());
  }

  private WaitSpec waitOf(Change change) {
    return WaitSpec.of(change.desired(), kind.rolls(), null);
  }

  private static boolean force(Change change) {
    return change.desired().path("forceConflicts").asBoolean(false);
  }
}
