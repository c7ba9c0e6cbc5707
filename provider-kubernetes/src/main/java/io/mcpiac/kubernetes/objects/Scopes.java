package io.mcpiac.kubernetes.objects;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.mcpiac.kubernetes.client.KubeConnection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a kind is namespaced: the built-in cluster-scoped kinds by name, others from the server's
 * discovery, else from a CustomResourceDefinition of that kind on the cluster, else namespaced
 * (most kinds are). Answers are kept for the connection's life.
 */
final class Scopes {
  private static final Set<String> CLUSTER_KINDS =
      Set.of(
          "Namespace",
          "Node",
          "PersistentVolume",
          "CustomResourceDefinition",
          "ClusterRole",
          "ClusterRoleBinding",
          "StorageClass",
          "PriorityClass",
          "IngressClass",
          "RuntimeClass",
          "CSIDriver",
          "CSINode",
          "VolumeAttachment",
          "APIService",
          "ValidatingWebhookConfiguration",
          "MutatingWebhookConfiguration",
          "ValidatingAdmissionPolicy",
          "ValidatingAdmissionPolicyBinding",
          "CertificateSigningRequest",
          "FlowSchema",
          "PriorityLevelConfiguration");
  private static final Set<String> BUILT_IN_GROUPS =
      Set.of(
          "v1",
          "apps/v1",
          "batch/v1",
          "networking.k8s.io/v1",
          "rbac.authorization.k8s.io/v1",
          "policy/v1",
          "autoscaling/v2",
          "storage.k8s.io/v1",
          "apiextensions.k8s.io/v1",
          "scheduling.k8s.io/v1",
          "coordination.k8s.io/v1",
          "discovery.k8s.io/v1");

  private final KubeConnection connection;
  private final Map<String, Boolean> known = new ConcurrentHashMap<>();

  Scopes(KubeConnection connection) {
    this.connection = connection;
  }

  boolean namespaced(String apiVersion, String kind) {
    if (CLUSTER_KINDS.contains(kind) && BUILT_IN_GROUPS.contains(apiVersion)) {
      return false;
    }
    if (BUILT_IN_GROUPS.contains(apiVersion)) {
      return true;
    }
    Boolean cached = known.get(apiVersion + "/" + kind);
    if (cached != null) {
      return cached;
    }
    Boolean found = fromDiscovery(apiVersion, kind);
    if (found == null) {
      found = fromDefinitions(apiVersion, kind);
    }
    if (found == null) {
      // not known yet (its CRD is still to be created): ask again next time
      return true;
    }
    known.put(apiVersion + "/" + kind, found);
    return found;
  }

  private Boolean fromDiscovery(String apiVersion, String kind) {
    try {
      APIResourceList list = connection.client().getApiResources(apiVersion);
      if (list != null) {
        for (APIResource r : list.getResources()) {
          if (kind.equals(r.getKind()) && !r.getName().contains("/")) {
            return r.getNamespaced();
          }
        }
      }
    } catch (RuntimeException e) {
      // no discovery for this group (the mock has none for custom groups)
    }
    return null;
  }

  private Boolean fromDefinitions(String apiVersion, String kind) {
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    for (CustomResourceDefinition crd :
        connection.client().apiextensions().v1().customResourceDefinitions().list().getItems()) {
      if (crd.getSpec().getGroup().equals(group)
          && crd.getSpec().getNames().getKind().equals(kind)) {
        return "Namespaced".equals(crd.getSpec().getScope());
      }
    }
    return null;
  }
}
