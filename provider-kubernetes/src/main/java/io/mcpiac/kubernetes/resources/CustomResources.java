package io.mcpiac.kubernetes.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.mcpiac.engine.providers.kit.Outcome;
import io.mcpiac.kubernetes.objects.Manifests;
import io.mcpiac.kubernetes.objects.ObjectStore;
import java.util.List;
import java.util.Set;

/**
 * A custom resource checked against the schema of the CRD that serves it, as it is on the cluster
 * when the resource is written. The CRD may be created by the same apply: the plan orders the
 * resource after it ("schema known after its CRD"), so by now the CRD exists and, unless its wait
 * was turned off, is Established. A real API server checks the same schema itself; this check names
 * the resource and property before anything is written, and works on servers that do not check
 * (fabric8's mock).
 */
final class CustomResources {
  private static final Set<String> BUILT_IN_GROUPS =
      Set.of(
          "",
          "apps",
          "batch",
          "networking.k8s.io",
          "rbac.authorization.k8s.io",
          "policy",
          "autoscaling",
          "storage.k8s.io",
          "apiextensions.k8s.io",
          "scheduling.k8s.io",
          "coordination.k8s.io",
          "discovery.k8s.io",
          "admissionregistration.k8s.io",
          "certificates.k8s.io",
          "node.k8s.io",
          "flowcontrol.apiserver.k8s.io",
          "events.k8s.io",
          "resource.k8s.io");

  private CustomResources() {}

  static String groupOf(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  static boolean isCustom(String apiVersion) {
    return !BUILT_IN_GROUPS.contains(groupOf(apiVersion));
  }

  /** Whether {@code manifest} fits its CRD's schema; done at once for built-in kinds. */
  static Outcome check(ObjectStore store, ObjectNode manifest) {
    String apiVersion = manifest.path("apiVersion").asText();
    String kind = manifest.path("kind").asText();
    if (!isCustom(apiVersion)) {
      return Outcome.DONE;
    }
    String group = groupOf(apiVersion);
    String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
    List<CustomResourceDefinition> crds =
        store.client().apiextensions().v1().customResourceDefinitions().list().getItems();
    for (CustomResourceDefinition crd : crds) {
      if (!crd.getSpec().getGroup().equals(group)
          || !crd.getSpec().getNames().getKind().equals(kind)) {
        continue;
      }
      for (CustomResourceDefinitionVersion v : crd.getSpec().getVersions()) {
        if (v.getName().equals(version)) {
          if (!Boolean.TRUE.equals(v.getServed())) {
            return Outcome.failed(apiVersion + " " + kind + " is not served by its CRD");
          }
          return v.getSchema() == null || v.getSchema().getOpenAPIV3Schema() == null
              ? Outcome.DONE
              : against(Manifests.fromFabric8(v.getSchema().getOpenAPIV3Schema()), manifest);
        }
      }
      return Outcome.failed(
          "the CRD " + crd.getMetadata().getName() + " has no version " + version + " of " + kind);
    }
    return Outcome.failed(
        "no CustomResourceDefinition on the cluster serves "
            + kind
            + " in "
            + group
            + " (add the CRD to the deployment, or install it first)");
  }

  /** OpenAPI v3's structural schemas read as JSON Schema draft 4; x-kubernetes-* is ignored. */
  private static Outcome against(ObjectNode openApi, ObjectNode manifest) {
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(openApi);
    ObjectNode body = manifest.deepCopy();
    // metadata, apiVersion and kind are the API server's to check, not the CRD schema's
    body.remove("metadata");
    body.remove("apiVersion");
    body.remove("kind");
    List<Error> errors = schema.validate((JsonNode) body);
    if (errors.isEmpty()) {
      return Outcome.DONE;
    }
    StringBuilder why = new StringBuilder("does not fit its CRD's schema:");
    for (Error e : errors) {
      why.append(" manifest").append(path(e)).append(": ").append(e.getMessage()).append(';');
    }
    why.setLength(why.length() - 1);
    return Outcome.failed(why.toString());
  }

  private static String path(Error e) {
    StringBuilder p = new StringBuilder();
    var location = e.getInstanceLocation();
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      p.append(element instanceof Integer n ? "[" + n + "]" : "." + element);
    }
    if (e.getProperty() != null && "required".equals(e.getKeyword())) {
      p.append('.').append(e.getProperty());
    }
    return p.toString();
  }
}
