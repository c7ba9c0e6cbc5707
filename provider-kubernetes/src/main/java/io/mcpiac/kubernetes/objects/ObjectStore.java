package io.mcpiac.kubernetes.objects;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.mcpiac.kubernetes.client.KubeConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads, writes and deletes objects of any kind on one cluster, as JSON. Writes use server-side
 * apply with the field manager {@code mcp-iac}; where the server does not offer it (it answers 404
 * or 415, as fabric8's mock does) they fall back to a create, or to a replace of the live object
 * with our fields merged over it and the fields we stopped setting removed (what client-side apply
 * does), and remember for the connection's life that the server lacks it.
 */
public final class ObjectStore {
  private final KubeConnection connection;
  private final Scopes scopes;
  private final AtomicBoolean noServerSideApply = new AtomicBoolean();

  public ObjectStore(KubeConnection connection) {
    this.connection = connection;
    this.scopes = new Scopes(connection);
  }

  public KubeConnection connection() {
    return connection;
  }

  /** Whether objects of the kind live in a namespace. */
  public boolean namespaced(String apiVersion, String kind) {
    return scopes.namespaced(apiVersion, kind);
  }

  /** {@code ref} with its namespace filled in (the default one) or cleared (cluster-scoped). */
  public ObjectRef placed(ObjectRef ref) {
    if (!namespaced(ref.apiVersion(), ref.kind())) {
      return ref.inNamespace(null);
    }
    return ref.namespace() == null ? ref.inNamespace(connection.defaultNamespace()) : ref;
  }

  /** The live object, or null when there is none (or its kind is not served). */
  public ObjectNode get(ObjectRef ref) {
    if (!served(ref.apiVersion(), ref.kind())) {
      return null;
    }
    GenericKubernetesResource r = resource(ref).get();
    return r == null ? null : Manifests.fromFabric8(r);
  }

  /**
   * Whether the cluster serves the kind: fabric8 knows it or finds it by discovery. A custom kind
   * whose CRD is not (or no longer) installed is not served: nothing of it exists.
   */
  public boolean served(String apiVersion, String kind) {
    try {
      client().genericKubernetesResources(apiVersion, kind);
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() > 0) {
        throw e;
      }
      return false;
    }
  }

  /** Every object of the kind carrying mcp-iac's id label, in every namespace: one call. */
  public List<ObjectNode> listLabelled(String apiVersion, String kind) {
    return list(apiVersion, kind, true);
  }

  /** Every object of the kind, in every namespace (for import). */
  public List<ObjectNode> listAll(String apiVersion, String kind) {
    return list(apiVersion, kind, false);
  }

  private List<ObjectNode> list(String apiVersion, String kind, boolean labelled) {
    if (!served(apiVersion, kind)) {
      return List.of();
    }
    MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, ?> op =
        client().genericKubernetesResources(apiVersion, kind);
    GenericKubernetesResourceList list =
        namespaced(apiVersion, kind)
            ? (labelled
                ? op.inAnyNamespace().withLabel(Bookkeeping.ID).list()
                : op.inAnyNamespace().list())
            : (labelled ? op.withLabel(Bookkeeping.ID).list() : op.list());
    List<ObjectNode> out = new ArrayList<>();
    list.getItems().forEach(r -> out.add(Manifests.fromFabric8(r)));
    return out;
  }

  /**
   * Writes {@code manifest} (whose namespace is placed already) and answers the object as the
   * server holds it afterwards.
   *
   * @param prior the manifest this resource was last written with (null for a create): on a server
   *     without server-side apply, fields it set that {@code manifest} no longer sets are removed
   * @param forceConflicts take over fields another field manager owns instead of failing
   */
  public ObjectNode apply(ObjectNode manifest, ObjectNode prior, boolean forceConflicts) {
    ObjectRef ref = ObjectRef.of(manifest);
    if (!served(ref.apiVersion(), ref.kind())) {
      throw new io.mcpiac.engine.providers.ProviderException(
          "the cluster does not serve "
              + ref.apiVersion()
              + " "
              + ref.kind()
              + " (is its CustomResourceDefinition installed?)");
    }
    GenericKubernetesResource desired = Manifests.toFabric8(manifest);
    if (!noServerSideApply.get()) {
      try {
        var ssa = client().resource(desired).fieldManager(Bookkeeping.MANAGER);
        return Manifests.fromFabric8(
            forceConflicts ? ssa.forceConflicts().serverSideApply() : ssa.serverSideApply());
      } catch (KubernetesClientException e) {
        if (e.getCode() != 404 && e.getCode() != 415) {
          throw e;
        }
        // 415 for the apply-patch media type, or 404 for an object the apply would create: the
        // server may have no server-side apply (fabric8's mock answers both ways). A 404 may also
        // mean a missing namespace or kind; the plain write below then fails with the same cause
      }
      ObjectNode written = ClientSideApply.write(client(), ObjectRef.of(manifest), manifest, prior);
      // a plain write went through where the apply did not: the server lacks server-side apply
      noServerSideApply.set(true);
      return written;
    }
    return ClientSideApply.write(client(), ObjectRef.of(manifest), manifest, prior);
  }

  /** Whether the last writes went through server-side apply (false once the server refused it). */
  public boolean serverSideApply() {
    return !noServerSideApply.get();
  }

  /**
   * Deletes the object (its dependents in the background, as kubectl does) and waits up to {@code
   * timeout} until it is gone, so a replacement of the same name can be created. Gone already is
   * done.
   */
  public void delete(ObjectRef ref, Duration timeout) {
    if (!served(ref.apiVersion(), ref.kind())) {
      return; // its CRD is gone, and every object of the kind with it
    }
    Resource<GenericKubernetesResource> r = resource(ref);
    r.withPropagationPolicy(io.fabric8.kubernetes.api.model.DeletionPropagation.BACKGROUND)
        .delete();
    long until = System.nanoTime() + timeout.toNanos();
    while (r.get() != null) {
      if (System.nanoTime() > until) {
        throw new io.mcpiac.engine.providers.ProviderException(
            ref + " is still being deleted after " + timeout.toSeconds() + " s (finalizers?)");
      }
      Waits.pause();
    }
  }

  Resource<GenericKubernetesResource> resource(ObjectRef ref) {
    MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, ?> op =
        client().genericKubernetesResources(ref.apiVersion(), ref.kind());
    return ref.namespace() == null
        ? op.withName(ref.name())
        : op.inNamespace(ref.namespace()).withName(ref.name());
  }

  public KubernetesClient client() {
    return connection.client();
  }
}
