package io.mcpiac.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mcpiac.engine.providers.contract.Tamper;
import io.mcpiac.kubernetes.objects.Manifests;
import java.util.function.Consumer;

/**
 * Changes objects on the cluster the way an operator does with {@code kubectl edit}: read, change,
 * replace; never through the provider under test.
 */
final class Kubectl {
  private final KubernetesClient client;

  Kubectl(KubernetesClient client) {
    this.client = client;
  }

  /** The object, or null when it does not exist or its kind is not served any more. */
  ObjectNode get(String apiVersion, String kind, String namespace, String name) {
    io.fabric8.kubernetes.client.dsl.MixedOperation<
            GenericKubernetesResource,
            io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
            io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>>
        op;
    try {
      op = client.genericKubernetesResources(apiVersion, kind);
    } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
      return null;
    }
    GenericKubernetesResource r =
        namespace == null
            ? op.withName(name).get()
            : op.inNamespace(namespace).withName(name).get();
    return r == null ? null : Manifests.fromFabric8(r);
  }

  void edit(
      String apiVersion, String kind, String namespace, String name, Consumer<ObjectNode> change) {
    ObjectNode o = get(apiVersion, kind, namespace, name);
    if (o == null) {
      throw new AssertionError(kind + " " + namespace + "/" + name + " does not exist");
    }
    change.accept(o);
    client.resource(Manifests.toFabric8(o)).update();
  }

  /** A tamper of the object a contract case made, found by the outputs its create answered. */
  Tamper tamper(String apiVersion, String kind, Consumer<ObjectNode> change) {
    return o ->
        edit(
            apiVersion,
            kind,
            o.outputs().path("namespace").asText(null),
            o.outputs().path("name").asText(),
            change);
  }
}
