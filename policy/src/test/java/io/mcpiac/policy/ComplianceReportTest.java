package io.mcpiac.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.DeploymentLoader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The compliance report of a deployment against the docker-cis pack, in each format; the HTML file
 * is opened as a document (it is well-formed XHTML) and every control of the pack is found in it
 * with its status.
 */
class ComplianceReportTest {
  private static final String DEPLOYMENT =
      """
      apiVersion: iac.mcp/v1
      kind: Deployment
      metadata: {name: shop}
      spec:
        resources:
          - type: docker:container
            name: web
            properties: {image: "nginx:1.27", memory: 256m, cpus: 0.5, networks: [app]}
          - type: docker:container
            name: ci
            properties:
              image: "docker:latest"
              volumes: ["/var/run/docker.sock:/var/run/docker.sock"]
            policyExceptions:
              - {rule: no-docker-socket, reason: "the CI runner builds images; isolated host"}
      """;

  @Test
  void everyControlIsInTheHtmlReportWithItsStatusAndTheFindingsSayWhereAndHowToFix()
      throws Exception {
    Deployment d = DeploymentLoader.load(DEPLOYMENT, "shop.yaml");
    Map<String, List<Subject.Exemption>> exemptions =
        PolicySet.load(List.of(new PolicySet.Source(DEPLOYMENT, "shop.yaml")), List.of(), List.of())
            .exemptions();
    ComplianceReport report = ComplianceReport.forPack("docker-cis", d, null, exemptions);

    Map<String, ComplianceReport.Status> expected = new HashMap<>();
    report.controls().forEach(c -> expected.put(c.policy() + "/" + c.rule(), c.status()));
    assertThat(expected)
        .containsEntry("docker-cis-runtime/no-privileged", ComplianceReport.Status.PASS)
        .containsEntry("docker-cis-runtime/no-docker-socket", ComplianceReport.Status.EXEMPT)
        .containsEntry("docker-cis-runtime/pinned-image", ComplianceReport.Status.FAIL)
        .containsEntry("docker-cis-runtime/memory-limit", ComplianceReport.Status.FAIL)
        .containsEntry(
            "docker-cis-read-only/read-only-rootfs", ComplianceReport.Status.NOT_APPLICABLE);
    int rules =
        PolicySet.load(List.of(), List.of(), List.of("docker-cis")).policies().stream()
            .mapToInt(p -> p.rules().size())
            .sum();
    assertThat(report.controls()).hasSize(rules);
    // pass or exempt out of those that pass, are exempt or fail
    long pass =
        report.count(ComplianceReport.Status.PASS) + report.count(ComplianceReport.Status.EXEMPT);
    long fail = report.count(ComplianceReport.Status.FAIL);
    assertThat(report.score()).isEqualTo(Math.round(100f * pass / (pass + fail)));

    String html = ComplianceFormats.html(report);
    // self-contained: nothing loaded from anywhere
    assertThat(html).doesNotContain("<script", "<link", "src=", "href=", "@import");
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Document doc =
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    NodeList rows = doc.getElementsByTagName("tr");
    Map<String, String> found = new HashMap<>();
    for (int i = 0; i < rows.getLength(); i++) {
      Element row = (Element) rows.item(i);
      if (row.hasAttribute("data-rule")) {
        found.put(row.getAttribute("data-rule"), row.getAttribute("data-status"));
        assertThat(row.getTextContent()).contains(row.getAttribute("data-control"));
      }
    }
    assertThat(found).hasSize(expected.size());
    expected.forEach((rule, status) -> assertThat(found).containsEntry(rule, status.name()));
    assertThat(
            doc.getElementById("score") == null
                ? html.contains("id=\"score\">" + report.score() + "%")
                : true)
        .isTrue();
    assertThat(html)
        .contains("the CI runner builds images; isolated host")
        .contains("pin a version tag")
        .contains("shop.yaml:");

    String text = ComplianceFormats.text(report);
    assertThat(text).contains("Compliance of 'shop' with docker-cis: " + report.score() + "%");
    assertThat(text).contains("FAIL", "exempt", "ci properties.image");
    var json = ComplianceFormats.json(report);
    assertThat(json.path("controls").size()).isEqualTo(rules);
    assertThat(json.path("summary").path("exempt").asInt()).isEqualTo(1);
  }
}
