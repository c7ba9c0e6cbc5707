package io.mcpiac.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.resources.ResourceType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderSmokeTest {
  @Test
  void writesAndReads() {
    try (MockCluster cluster = new MockCluster();
        KubernetesProvider p = new KubernetesProvider(cluster.connection("default"), "d")) {
      ResourceType ns = p.resourceType("k8s:core:namespace").orElseThrow();
      ResourceType dep = p.resourceType("k8s:apps:deployment").orElseThrow();
      ResourceType man = p.resourceType("k8s:manifest").orElseThrow();
      var nsProps = Json.parseObject("{\"name\": \"shop\"}");
      var depProps =
          Json.parseObject(
              "{\"name\": \"web\", \"namespace\": \"shop\", \"image\": \"nginx:1\", \"replicas\": 2,"
                  + " \"ports\": [80], \"env\": {\"A\": \"1\"}, \"wait\": false}");
      var crd =
          Json.parseObject(
              """
              {"manifest": {"apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
                "metadata": {"name": "widgets.example.com"},
                "spec": {"group": "example.com", "scope": "Namespaced",
                  "names": {"kind": "Widget", "plural": "widgets", "singular": "widget"},
                  "versions": [{"name": "v1", "served": true, "storage": true,
                    "schema": {"openAPIV3Schema": {"type": "object", "properties": {"spec": {"type": "object",
                      "required": ["size"], "properties": {"size": {"type": "integer"}}}}}}}]}},
               "wait": false}""");
      var cr =
          Json.parseObject(
              "{\"manifest\": {\"apiVersion\": \"example.com/v1\", \"kind\": \"Widget\","
                  + " \"metadata\": {\"name\": \"w1\", \"namespace\": \"shop\"}, \"spec\": {\"size\": 3}}}");
      var bad =
          Json.parseObject(
              "{\"manifest\": {\"apiVersion\": \"example.com/v1\", \"kind\": \"Widget\","
                  + " \"metadata\": {\"name\": \"w2\", \"namespace\": \"shop\"}, \"spec\": {\"size\": \"x\"}}}");
      List<ChangeResult> r =
          p.apply(
              List.of(
                  new Change(Change.Kind.CREATE, "shop", ns, "id-ns", null, nsProps, Json.object()),
                  new Change(
                      Change.Kind.CREATE, "web", dep, "id-dep", null, depProps, Json.object()),
                  new Change(Change.Kind.CREATE, "crd", man, "id-crd", null, crd, Json.object()),
                  new Change(Change.Kind.CREATE, "w1", man, "id-w1", null, cr, Json.object()),
                  new Change(Change.Kind.CREATE, "w2", man, "id-w2", null, bad, Json.object())));
      r.forEach(x -> System.err.println(x));
      Map<String, LiveResource> live =
          p.read(dep, List.of(new ReadRequest("web", "id-dep", depProps, Json.object())));
      System.err.println(live);
      System.err.println(
          p.read(
              man,
              List.of(
                  new ReadRequest("w1", "id-w1", cr, Json.object()),
                  new ReadRequest("crd", "id-crd", crd, Json.object()))));
      System.err.println(p.importAll(dep));
      assertThat(r.get(0).success()).isTrue();
    }
  }
}
