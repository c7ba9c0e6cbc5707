package io.mcpiac.kubernetes.resources;

import io.mcpiac.engine.providers.kit.TypeHandler;
import io.mcpiac.kubernetes.kinds.Kind;
import io.mcpiac.kubernetes.kinds.Kinds;
import io.mcpiac.kubernetes.objects.ObjectStore;
import java.util.ArrayList;
import java.util.List;

/** The provider's handlers: one per typed kind, and {@code k8s:manifest}. */
public final class KubernetesResources {
  private KubernetesResources() {}

  /**
   * @param deployment the deployment objects are labelled with (null when serving several)
   * @param store the cluster, for what a plan-time check outside a read needs (a Secret's data)
   */
  public static List<TypeHandler<ObjectStore>> all(String deployment, ObjectStore store) {
    ObjectWrites writes = new ObjectWrites(deployment);
    List<TypeHandler<ObjectStore>> out = new ArrayList<>();
    for (Kind k : Kinds.all()) {
      out.add(new TypedHandler(k, writes, () -> store));
    }
    out.add(new ManifestHandler(writes));
    return List.copyOf(out);
  }
}
