package io.mcpiac.kubernetes.objects;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Which object on the cluster: its {@code apiVersion}, {@code kind}, namespace (null for a
 * cluster-scoped kind) and name.
 */
public record ObjectRef(String apiVersion, String kind, String namespace, String name) {

  /** The reference a manifest names (its namespace as written, maybe null). */
  public static ObjectRef of(ObjectNode manifest) {
    ObjectNode meta = Manifests.metadata(manifest);
    return new ObjectRef(
        manifest.path("apiVersion").asText(null),
        manifest.path("kind").asText(null),
        meta.path("namespace").asText(null),
        meta.path("name").asText(null));
  }

  public ObjectRef inNamespace(String ns) {
    return new ObjectRef(apiVersion, kind, ns, name);
  }

  /** {@code Deployment shop/web}, for messages. */
  @Override
  public String toString() {
    return kind + " " + (namespace == null ? "" : namespace + "/") + name;
  }
}
