package io.mcpiac.kubernetes.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.providers.ImpliedDependency;
import io.mcpiac.engine.providers.Placement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The order the API server demands without the file saying so: an object after the Namespace it
 * lives in, and a custom resource after the CustomResourceDefinition that serves its kind. The
 * latter is noted in the plan: such a resource's schema is known only once its CRD is established,
 * so it is checked against it at apply, right before it is written (Terraform cannot plan the two
 * together, hashicorp/terraform-provider-kubernetes#1367).
 */
public final class Ordering {
  private Ordering() {}

  /**
   * @param defaultNamespace the namespace of objects that name none (asked only when needed)
   */
  public static List<ImpliedDependency> of(
      Map<String, List<Placement>> byType, Supplier<String> defaultNamespace) {
    Map<String, String> namespaces = new HashMap<>();
    Map<String, String> crds = new HashMap<>();
    byType.forEach(
        (type, placements) -> {
          for (Placement p : placements) {
            ObjectNode m = manifestOf(type, p);
            String kind = m.path("kind").asText();
            if (kind.equals("Namespace") && m.path("apiVersion").asText().equals("v1")) {
              String name = known(m.path("metadata").path("name"));
              if (name != null) {
                namespaces.put(name, p.name());
              }
            } else if (kind.equals(ManifestHandler.CRD_KIND)) {
              String group = known(m.path("spec").path("group"));
              String served = known(m.path("spec").path("names").path("kind"));
              if (group != null && served != null) {
                crds.put(group + "/" + served, p.name());
              }
            }
          }
        });
    List<ImpliedDependency> out = new ArrayList<>();
    byType.forEach(
        (type, placements) -> {
          for (Placement p : placements) {
            ObjectNode m = manifestOf(type, p);
            String kind = m.path("kind").asText();
            String apiVersion = m.path("apiVersion").asText();
            String crd = crds.get(CustomResources.groupOf(apiVersion) + "/" + kind);
            if (crd != null) {
              out.add(
                  new ImpliedDependency(
                      p.name(),
                      crd,
                      "schema known after its CRD '"
                          + crd
                          + "' is established: "
                          + kind
                          + " is checked against it at apply, before it is written"));
            }
            if (kind.equals("Namespace") || kind.equals(ManifestHandler.CRD_KIND)) {
              continue;
            }
            JsonNode ns = m.path("metadata").get("namespace");
            String namespace =
                ns == null ? (namespaces.isEmpty() ? null : defaultNamespace.get()) : known(ns);
            String owner = namespace == null ? null : namespaces.get(namespace);
            if (owner != null) {
              out.add(new ImpliedDependency(p.name(), owner, null));
            }
          }
        });
    return out;
  }

  /** The object a placement describes, as far as plan time knows it. */
  private static ObjectNode manifestOf(String type, Placement p) {
    ObjectNode props =
        p.properties() == null ? io.mcpiac.engine.json.Json.object() : p.properties();
    if (type.equals(ManifestHandler.TYPE)) {
      return props.get("manifest") instanceof ObjectNode m
          ? m
          : io.mcpiac.engine.json.Json.object();
    }
    ObjectNode m = io.mcpiac.engine.json.Json.object();
    io.mcpiac.kubernetes.kinds.Kind kind = io.mcpiac.kubernetes.kinds.Kinds.byType(type);
    if (kind == null) {
      return m;
    }
    m.put("apiVersion", kind.apiVersion());
    m.put("kind", kind.kind());
    ObjectNode meta = m.putObject("metadata");
    meta.set(
        "name",
        props.has("name")
            ? props.get("name")
            : io.mcpiac.engine.json.Json.MAPPER.valueToTree(
                ObjectNames.fromResourceName(p.name())));
    if (kind.namespaced() && props.has("namespace")) {
      meta.set("namespace", props.get("namespace"));
    } else if (!kind.namespaced()) {
      m.remove("metadata");
      m.putObject("metadata").set("name", meta.get("name"));
    }
    return m;
  }

  /** A plain text value; null when it is not known before apply (a reference). */
  private static String known(JsonNode v) {
    return v != null && v.isTextual() && !v.asText().contains("${") ? v.asText() : null;
  }
}
