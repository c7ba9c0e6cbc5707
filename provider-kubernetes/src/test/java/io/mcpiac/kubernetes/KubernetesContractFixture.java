package io.mcpiac.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.contract.ContractFixture;
import io.mcpiac.engine.providers.contract.Tamper;
import io.mcpiac.engine.providers.contract.TypeSample;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Kubernetes provider against fabric8's CRUD mock (see {@link MockCluster} for what it cannot
 * show). Changes behind the provider's back are {@code kubectl edit}s ({@link Kubectl}). Waits are
 * off in every sample: the mock has no controllers, so no rollout ever completes and no CRD becomes
 * Established; the waits are not checked here. The lost create is the default one (applied, its
 * answer thrown away): the mock cannot drop an answer.
 */
final class KubernetesContractFixture implements ContractFixture {
  private static final String NOTE = "example.com/note";
  private static final String ID_NOTE =
      "the object's identity: another value is another object, which a read finds gone";
  private static final String HOW_WRITTEN = "how mcp-iac writes, not a field of the object";

  final MockCluster cluster = new MockCluster();
  private final Kubectl kubectl = new Kubectl(cluster.client);
  private final KubernetesProvider provider =
      new KubernetesProvider(cluster.connection("apps"), "contract");

  KubernetesContractFixture() {
    // the kind the k8s:manifest sample is: a CRD installed beforehand, as an operator would
    cluster
        .client
        .resource(
            io.mcpiac.kubernetes.objects.Manifests.toFabric8(Json.parseObject(Samples.WIDGET_CRD)))
        .create();
  }

  @Override
  public Provider provider() {
    return provider;
  }

  @Override
  public List<TypeSample> samples() {
    return List.of(
        common(
                TypeSample.of(
                    "k8s:core:namespace",
                    "ns",
                    "{\"name\": \"team-a\", \"labels\": {\"tier\": \"one\"}, \"manifest\":"
                        + " {\"metadata\": {\"annotations\": {\"example.com/note\": \"a\"}}}}"),
                "v1",
                "Namespace")
            .update("{\"labels\": {\"tier\": \"two\"}}")
            .replace("{\"name\": \"team-b\"}"),
        common(
                TypeSample.of(
                    "k8s:core:configmap",
                    "settings",
                    "{\"name\": \"settings\", \"data\": {\"mode\": \"prod\"}, \"labels\": {\"tier\":"
                        + " \"one\"}, \"manifest\": {\"metadata\": {\"annotations\":"
                        + " {\"example.com/note\": \"a\"}}}}"),
                "v1",
                "ConfigMap")
            .update("{\"data\": {\"mode\": \"dev\", \"extra\": \"1\"}}")
            .replace("{\"name\": \"settings-2\", \"data\": {\"mode\": \"prod\"}}")
            .drift("data", edit("v1", "ConfigMap", o -> data(o).put("mode", "changed"))),
        common(
                TypeSample.of(
                    "k8s:core:secret",
                    "token",
                    "{\"name\": \"token\", \"data\": {\"token\": \"s3cret\"}, \"labels\": {\"tier\":"
                        + " \"one\"}, \"manifest\": {\"metadata\": {\"annotations\":"
                        + " {\"example.com/note\": \"a\"}}}}"),
                "v1",
                "Secret")
            .update("{\"data\": {\"token\": \"other\"}, \"labels\": {\"tier\": \"two\"}}")
            .replace(
                "{\"name\": \"token\", \"data\": {\"token\": \"s3cret\"}, \"type\": \"example.com/other\"}")
            .drift("type", edit("v1", "Secret", o -> o.put("type", "example.com/changed"))),
        common(
                TypeSample.of(
                    "k8s:core:service",
                    "web-svc",
                    "{\"name\": \"web\", \"selector\": {\"app.kubernetes.io/name\": \"web\"},"
                        + " \"ports\": [80], \"labels\": {\"tier\": \"one\"}, \"manifest\":"
                        + " {\"metadata\": {\"annotations\": {\"example.com/note\": \"a\"}}}}"),
                "v1",
                "Service")
            .update("{\"ports\": [80, 443], \"type\": \"NodePort\"}")
            .replace("{\"name\": \"web-2\", \"ports\": [80]}")
            .drift("type", edit("v1", "Service", o -> spec(o).put("type", "LoadBalancer")))
            .drift(
                "selector",
                edit(
                    "v1",
                    "Service",
                    o -> obj(spec(o), "selector").put("app.kubernetes.io/name", "x")))
            .drift(
                "ports",
                edit(
                    "v1",
                    "Service",
                    o -> ((ObjectNode) spec(o).path("ports").get(0)).put("port", 81))),
        workload("k8s:apps:deployment", "Deployment", "web", false),
        workload("k8s:apps:statefulset", "StatefulSet", "db", true)
            .drift(
                "serviceName",
                edit("apps/v1", "StatefulSet", o -> spec(o).put("serviceName", "x"))),
        common(
                TypeSample.of(
                    "k8s:networking:ingress",
                    "web-ingress",
                    "{\"name\": \"web\", \"className\": \"nginx\", \"rules\": [{\"host\":"
                        + " \"shop.example.com\", \"path\": \"/\", \"pathType\": \"Prefix\","
                        + " \"service\": \"web\", \"port\": 80}], \"labels\": {\"tier\": \"one\"},"
                        + " \"manifest\": {\"metadata\": {\"annotations\": {\"example.com/note\":"
                        + " \"a\"}}}}"),
                "networking.k8s.io/v1",
                "Ingress")
            .update("{\"className\": \"traefik\"}")
            .replace(
                "{\"name\": \"web-2\", \"rules\": [{\"host\": \"shop.example.com\", \"path\": \"/\","
                    + " \"pathType\": \"Prefix\", \"service\": \"web\", \"port\": 80}]}")
            .drift(
                "className",
                edit("networking.k8s.io/v1", "Ingress", o -> spec(o).put("ingressClassName", "x")))
            .drift(
                "rules",
                edit(
                    "networking.k8s.io/v1",
                    "Ingress",
                    o ->
                        ((ObjectNode) spec(o).path("rules").get(0))
                            .put("host", "other.example.com"))),
        TypeSample.of("k8s:manifest", "widget", Samples.widget("w1", 3))
            .update(Samples.widgetChange(5))
            // no replacing change: every field of a manifest is one property, so a new name is an
            // update that writes the new object and deletes the old one (ManifestHandler.update)
            .invalid(Samples.widget("w3", "\"large\""))
            .drift("manifest", edit("example.com/v1", "Widget", o -> spec(o).put("size", 9)))
            .notModelled("wait", HOW_WRITTEN)
            .notModelled("forceConflicts", HOW_WRITTEN));
  }

  private TypeSample workload(String type, String kind, String name, boolean stateful) {
    String extra = stateful ? ", \"serviceName\": \"" + name + "\"" : "";
    return common(
            TypeSample.of(
                type,
                name,
                "{\"name\": \""
                    + name
                    + "\", \"image\": \"nginx:1.27\", \"replicas\": 2, \"ports\": [80], \"env\":"
                    + " {\"MODE\": \"prod\"}, \"resources\": {\"limits\": {\"memory\": \"128Mi\"}},"
                    + " \"command\": [\"nginx\"], \"args\": [\"-g\", \"daemon off;\"], \"labels\":"
                    + " {\"tier\": \"one\"}, \"wait\": false, \"manifest\": {\"metadata\":"
                    + " {\"annotations\": {\"example.com/note\": \"a\"}}}"
                    + extra
                    + "}"),
            "apps/v1",
            kind)
        .update("{\"image\": \"nginx:1.28\", \"replicas\": 3}")
        .replace(
            "{\"name\": \""
                + name
                + "-2\", \"image\": \"nginx:1.27\", \"wait\": false"
                + extra
                + "}")
        .drift("image", edit("apps/v1", kind, o -> container(o).put("image", "nginx:0.1")))
        .drift("replicas", edit("apps/v1", kind, o -> spec(o).put("replicas", 7)))
        .drift(
            "ports",
            edit(
                "apps/v1",
                kind,
                o -> ((ObjectNode) container(o).path("ports").get(0)).put("containerPort", 81)))
        .drift(
            "env",
            edit(
                "apps/v1",
                kind,
                o -> ((ObjectNode) container(o).path("env").get(0)).put("value", "dev")))
        .drift(
            "resources",
            edit(
                "apps/v1",
                kind,
                o -> obj(obj(container(o), "resources"), "limits").put("memory", "1Gi")))
        .drift("command", edit("apps/v1", kind, o -> container(o).putArray("command").add("sh")))
        .drift("args", edit("apps/v1", kind, o -> container(o).putArray("args").add("-c")));
  }

  /** The properties every typed kind shares, with their checks. */
  private TypeSample common(TypeSample s, String apiVersion, String kind) {
    s.create().set("annotations", Json.parseObject("{\"example.com/owner\": \"team\"}"));
    TypeSample out =
        s.drift(
                "labels",
                edit(
                    apiVersion,
                    kind,
                    o -> obj(obj(o, "metadata"), "labels").put("tier", "changed")))
            .drift(
                "annotations",
                edit(
                    apiVersion,
                    kind,
                    o ->
                        obj(obj(o, "metadata"), "annotations").put("example.com/owner", "someone")))
            .drift(
                "manifest",
                edit(apiVersion, kind, o -> obj(obj(o, "metadata"), "annotations").put(NOTE, "b")))
            .notModelled("name", ID_NOTE)
            .notModelled("wait", HOW_WRITTEN)
            .notModelled("forceConflicts", HOW_WRITTEN);
    return kind.equals("Namespace") ? out : out.notModelled("namespace", ID_NOTE);
  }

  private Tamper edit(String apiVersion, String kind, Consumer<ObjectNode> change) {
    return kubectl.tamper(apiVersion, kind, change);
  }

  private static ObjectNode obj(ObjectNode parent, String key) {
    return parent.get(key) instanceof ObjectNode o ? o : parent.putObject(key);
  }

  private static ObjectNode spec(ObjectNode o) {
    return obj(o, "spec");
  }

  private static ObjectNode data(ObjectNode o) {
    return obj(o, "data");
  }

  private static ObjectNode container(ObjectNode o) {
    return (ObjectNode) spec(o).path("template").path("spec").path("containers").get(0);
  }

  @Override
  public void close() throws Exception {
    provider.close();
    cluster.close();
  }
}
