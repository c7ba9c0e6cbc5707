package io.mcpiac.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.config.DeploymentLoader;
import io.mcpiac.engine.config.DeploymentValidator;
import io.mcpiac.engine.config.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A file Kubernetes would refuse is reported at validate, every problem at once with file, line,
 * resource and property, before anything reaches the cluster.
 */
class ValidationTest extends OnMockCluster {
  @Override
  String deployment() {
    return "bad";
  }

  @Test
  void everyProblemIsNamedAndNothingIsWritten() {
    String yaml =
        document(
            """
            - type: k8s:apps:deployment
              name: web
              properties:
                name: Web_App
                image: nginx:1.27
                manifest: {kind: StatefulSet, metadata: {namespace: other}}
            - type: k8s:manifest
              name: thing
              properties:
                manifest: {apiVersion: v1, kind: ConfigMap, metadata: {name: Bad.Name}, status: {}}
            - type: k8s:core:configmap
              name: cfg
              properties: {data: {a: 1}}
            """);
    List<Diagnostic> problems =
        DeploymentValidator.validate(
            DeploymentLoader.read(yaml, "bad.yaml"), k8s.engine.registry());
    List<String> lines = problems.stream().map(Diagnostic::format).toList();
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith(
                        "bad.yaml:9: resource 'web', property 'properties.name': 'Web_App' is not a valid Kubernetes name"))
        .anySatisfy(
            l ->
                assertThat(l)
                    .contains(
                        "resource 'web', property 'properties.manifest.kind': is set by the type"))
        .anySatisfy(
            l ->
                assertThat(l)
                    .contains(
                        "resource 'web', property 'properties.manifest.metadata.namespace': use the property 'namespace'"))
        .anySatisfy(
            l ->
                assertThat(l)
                    .contains(
                        "resource 'thing', property 'properties.manifest.metadata.name': 'Bad.Name' is not a valid"))
        .anySatisfy(
            l -> assertThat(l).contains("resource 'thing', property 'properties.manifest.status'"))
        .anySatisfy(l -> assertThat(l).contains("resource 'cfg', property 'properties.data.a'"));
    assertThat(cluster.client.namespaces().list().getItems()).isEmpty();
    assertThat(cluster.client.configMaps().inAnyNamespace().list().getItems()).isEmpty();
  }
}
