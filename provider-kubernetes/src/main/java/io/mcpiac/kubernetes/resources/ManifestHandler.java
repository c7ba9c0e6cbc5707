package io.mcpiac.kubernetes.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.providers.kit.TypeHandler;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.kubernetes.objects.Bookkeeping;
import io.mcpiac.kubernetes.objects.Manifests;
import io.mcpiac.kubernetes.objects.ObjectRef;
import io.mcpiac.kubernetes.objects.ObjectStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code k8s:manifest}: any object, written whole ({@code apiVersion}, {@code kind}, {@code
 * metadata.name} required; the namespace defaults to the provider's for namespaced kinds). A
 * CustomResourceDefinition waits until it is Established; a custom resource is checked against its
 * CRD's schema before it is written (see {@link CustomResources}). A change of the object's
 * identity (apiVersion, kind, name, namespace) writes the new object and deletes the old one.
 */
final class ManifestHandler implements TypeHandler<ObjectStore> {
  static final String TYPE = "k8s:manifest";
  static final String CRD_KIND = "CustomResourceDefinition";

  private final ObjectWrites writes;
  private final ResourceType type;

  ManifestHandler(ObjectWrites writes) {
    this.writes = writes;
    this.type =
        new ResourceType(
            TYPE,
            "Any Kubernetes object by apiVersion and kind (CRDs and custom resources included)",
            Json.parse(
                """
                {"type": "object", "additionalProperties": false, "required": ["manifest"],
                 "properties": {
                   "manifest": {"type": "object", "required": ["apiVersion", "kind", "metadata"],
                                "description": "the whole object, as kubectl apply -f takes it",
                                "properties": {"apiVersion": {"type": "string", "minLength": 1},
                                               "kind": {"type": "string", "minLength": 1},
                                               "metadata": {"type": "object", "required": ["name"],
                                                            "properties": {"name": {"type": "string", "minLength": 1},
                                                                           "namespace": {"type": "string", "minLength": 1}}}}},
                   "wait": %s,
                   "forceConflicts": {"type": "boolean", "default": false,
                                      "description": "take over fields another field manager owns (server-side apply)"}}}"""
                    .formatted(WaitSpec.SCHEMA)),
            Set.of(),
            Set.of(),
            ObjectWrites.OUTPUTS,
            false);
  }

  @Override
  public ResourceType type() {
    return type;
  }

  @Override
  public Map<String, String> validate(String name, ObjectNode properties) {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode n = properties.path("manifest").path("metadata").get("name");
    if (n != null && n.isTextual()) {
      String problem = ObjectNames.problem(n.asText());
      if (problem != null) {
        out.put("manifest.metadata.name", problem);
      }
    }
    if (properties.path("manifest").has("status")) {
      out.put("manifest.status", "is written by the cluster's controllers, not by a manifest");
    }
    return out;
  }

  private static ObjectNode manifest(ObjectNode props) {
    return props.get("manifest") instanceof ObjectNode m ? m.deepCopy() : Json.object();
  }

  private static WaitSpec waitOf(ObjectNode props) {
    ObjectNode m = manifest(props);
    boolean rolls =
        "apps/v1".equals(m.path("apiVersion").asText())
            && Set.of("Deployment", "StatefulSet").contains(m.path("kind").asText());
    String condition = CRD_KIND.equals(m.path("kind").asText()) ? "Established" : null;
    return WaitSpec.of(props, rolls, condition);
  }

  @Override
  public Map<String, LiveResource> read(ObjectStore store, List<ReadRequest> requests) {
    ObjectReads reads = new ObjectReads(store);
    Map<String, LiveResource> out = new LinkedHashMap<>();
    for (ReadRequest r : requests) {
      ObjectNode desired = manifest(r.properties());
      ObjectRef ref = ObjectWrites.place(store, desired.deepCopy());
      ObjectNode live = reads.find(ref, r.id());
      if (live == null) {
        continue;
      }
      ObjectNode props = Json.object();
      JsonNode seen = Manifests.project(live, desired);
      props.set("manifest", seen == null ? Json.object() : seen);
      for (String k : List.of("wait", "forceConflicts")) {
        if (r.properties().has(k)) {
          props.set(k, r.properties().get(k));
        }
      }
      out.put(
          r.name(),
          new LiveResource(r.name(), Bookkeeping.idOf(live), props, ObjectWrites.outputs(live)));
    }
    return out;
  }

  /**
   * Every CRD, and every object of every kind a CRD on the cluster defines: the objects no typed
   * type covers. Other kinds are imported through their typed type.
   */
  @Override
  public List<LiveResource> importAll(ObjectStore store) {
    List<ObjectNode> found = new ArrayList<>();
    for (CustomResourceDefinition crd :
        store.client().apiextensions().v1().customResourceDefinitions().list().getItems()) {
      found.add(Manifests.fromFabric8(crd));
      String group = crd.getSpec().getGroup();
      for (var v : crd.getSpec().getVersions()) {
        if (Boolean.TRUE.equals(v.getStorage())) {
          found.addAll(
              store.listAll(group + "/" + v.getName(), crd.getSpec().getNames().getKind()));
        }
      }
    }
    List<LiveResource> out = new ArrayList<>();
    for (ObjectNode live : found) {
      if (!live.has("apiVersion")) {
        live.put("apiVersion", "apiextensions.k8s.io/v1");
        live.put("kind", CRD_KIND);
      }
      ObjectNode props = Json.object();
      props.set("manifest", Manifests.clean(live, Bookkeeping.KEYS));
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
        store, change, manifest(change.desired()), null, waitOf(change.desired()), force(change));
  }

  @Override
  public ChangeResult update(ObjectStore store, Change change) {
    ObjectNode desired = manifest(change.desired());
    ObjectNode prior = manifest(change.prior());
    ObjectRef was = ObjectWrites.place(store, prior.deepCopy());
    ObjectRef now = ObjectWrites.place(store, desired.deepCopy());
    if (was.equals(now)) {
      return writes.write(store, change, desired, prior, waitOf(change.desired()), force(change));
    }
    ChangeResult made =
        writes.write(store, change, desired, null, waitOf(change.desired()), force(change));
    if (made.success()) {
      writes.delete(store, prior, waitOf(change.prior()));
    }
    return made;
  }

  @Override
  public ChangeResult delete(ObjectStore store, Change change) {
    writes.delete(store, manifest(change.prior()), waitOf(change.prior()));
    return ChangeResult.ok(change.name(), change.id(), change.priorOutputs());
  }

  private static boolean force(Change change) {
    return change.desired().path("forceConflicts").asBoolean(false);
  }
}
