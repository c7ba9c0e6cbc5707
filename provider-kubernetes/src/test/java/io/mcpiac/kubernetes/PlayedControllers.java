package io.mcpiac.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mcpiac.kubernetes.objects.Manifests;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What the mock lacks, played by the test: after a delay, every Deployment gets the status the
 * deployment controller writes once all replicas are updated and available, and every CRD the
 * {@code Established} condition the apiextensions controller sets. Only the fields the provider's
 * waits read are written; whether real controllers write exactly these is not checked here.
 */
final class PlayedControllers implements AutoCloseable {
  private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
  private final Kubectl kubectl;
  private final MockCluster cluster;

  PlayedControllers(MockCluster cluster, long delayMs) {
    this.cluster = cluster;
    this.kubectl = new Kubectl(cluster.client);
    loop.scheduleWithFixedDelay(this::reconcile, delayMs, 200, TimeUnit.MILLISECONDS);
  }

  private void reconcile() {
    try {
      for (GenericKubernetesResource d :
          cluster
              .client
              .genericKubernetesResources("apps/v1", "Deployment")
              .inAnyNamespace()
              .list()
              .getItems()) {
        ObjectNode o = Manifests.fromFabric8(d);
        if (!o.has("status")) {
          kubectl.edit(
              "apps/v1",
              "Deployment",
              o.at("/metadata/namespace").asText(),
              o.at("/metadata/name").asText(),
              x -> {
                int replicas = x.at("/spec/replicas").asInt(1);
                x.putObject("status")
                    .put("observedGeneration", x.at("/metadata/generation").asLong(0))
                    .put("replicas", replicas)
                    .put("updatedReplicas", replicas)
                    .put("readyReplicas", replicas)
                    .put("availableReplicas", replicas);
              });
        }
      }
      for (GenericKubernetesResource c :
          cluster
              .client
              .genericKubernetesResources("apiextensions.k8s.io/v1", "CustomResourceDefinition")
              .list()
              .getItems()) {
        ObjectNode o = Manifests.fromFabric8(c);
        JsonNode conditions = o.at("/status/conditions");
        if (!conditions.isArray() || conditions.isEmpty()) {
          kubectl.edit(
              "apiextensions.k8s.io/v1",
              "CustomResourceDefinition",
              null,
              o.at("/metadata/name").asText(),
              x ->
                  x.putObject("status")
                      .putArray("conditions")
                      .addObject()
                      .put("type", "Established")
                      .put("status", "True"));
        }
      }
    } catch (RuntimeException e) {
      // a write raced the provider's (409): the next round tries again
    }
  }

  @Override
  public void close() {
    loop.shutdownNow();
  }
}
