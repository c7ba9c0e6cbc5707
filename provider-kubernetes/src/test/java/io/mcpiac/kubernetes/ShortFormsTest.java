package io.mcpiac.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What a file may leave out or write short (an ingress rule's path and pathType, a port number, an
 * env value that is a number) is written in full and reads back the same: the second plan is empty.
 */
class ShortFormsTest extends OnMockCluster {
  @Override
  String deployment() {
    return "short";
  }

  @Test
  void shortFormsPlanCleanAfterApply() {
    appliesThenPlansClean(
        """
        - type: k8s:apps:deployment
          name: web
          properties: {image: "nginx:1.27", env: {WORKERS: 4, DEBUG: false}, wait: false}
        - type: k8s:core:service
          name: web-svc
          properties: {name: web, selector: {app.kubernetes.io/name: web}, ports: [80]}
        - type: k8s:networking:ingress
          name: web-in
          properties: {rules: [{host: shop.example.com, service: web, port: 80}]}
        """);
    assertThat(
            kubectl
                .get("networking.k8s.io/v1", "Ingress", "default", "web-in")
                .at("/spec/rules/0/http/paths/0/pathType")
                .asText())
        .isEqualTo("Prefix");
  }

  /**
   * A container named in {@code manifest} is merged into the one the friendly properties make (by
   * name, as kubectl's strategic merge does), so a security context needs no copy of the image.
   */
  @Test
  void aContainerInTheManifestMergesByName() {
    appliesThenPlansClean(
        """
        - type: k8s:apps:deployment
          name: web
          properties:
            image: "nginx:1.27"
            wait: false
            manifest:
              spec:
                template:
                  spec:
                    containers:
                      - name: web
                        securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false}
        """);
    com.fasterxml.jackson.databind.JsonNode containers =
        kubectl.get("apps/v1", "Deployment", "default", "web").at("/spec/template/spec/containers");
    assertThat(containers).hasSize(1);
    assertThat(containers.get(0).path("image").asText()).isEqualTo("nginx:1.27");
    assertThat(containers.get(0).at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
  }
}
