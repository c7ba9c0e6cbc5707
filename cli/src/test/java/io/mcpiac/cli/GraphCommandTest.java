package io.mcpiac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class GraphCommandTest {
  @TempDir Path dir;

  private Path file() throws Exception {
    Path f = dir.resolve("g.yaml");
    Files.writeString(
        f,
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: g}
        spec:
          resources:
            - {type: core:data, name: net, properties: {input: n}}
            - {type: core:data, name: db, properties: {input: "${net.output}"}}
            - {type: core:data, name: app, properties: {input: "${db.output} <&> x"}}
        """);
    return f;
  }

  @Test
  void svgIsWellFormedXmlWithANodePerResourceAndAnEdgePerDependency() throws Exception {
    String state = "sqlite:" + dir.resolve("s.db");
    Cli.Run r =
        Cli.run(
            "graph",
            "-f",
            file().toString(),
            "--format",
            "svg",
            "--layout",
            "builtin",
            "--state",
            state);
    assertThat(r.exit()).as(r.printed()).isZero();
    Document svg =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
    assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
    NodeList groups = svg.getElementsByTagName("g");
    int nodes = 0;
    for (int i = 0; i < groups.getLength(); i++) {
      if (((Element) groups.item(i)).getAttribute("class").startsWith("node create")) {
        nodes++;
      }
    }
    assertThat(nodes).isEqualTo(3);
    int edges = 0;
    NodeList paths = svg.getElementsByTagName("path");
    for (int i = 0; i < paths.getLength(); i++) {
      if ("edge".equals(((Element) paths.item(i)).getAttribute("class"))) {
        edges++;
      }
    }
    assertThat(edges).isEqualTo(2);
    assertThat(r.out()).contains("+ net", "stage 3");
  }

  @Test
  void dotAndMermaidAndTheRecordedGraph() throws Exception {
    String state = "sqlite:" + dir.resolve("s.db");
    String f = file().toString();
    Cli.Run dot = Cli.run("graph", "-f", f, "--state", state);
    assertThat(dot.out()).startsWith("digraph").contains("\"net\" -> \"db\"", "+ app");
    Cli.Run mermaid = Cli.run("graph", "-f", f, "--format", "mermaid", "--state", state);
    assertThat(mermaid.out()).startsWith("flowchart TD").contains("n0 --> n1");
    assertThat(Cli.run("apply", "-f", f, "--state", state, "--yes").exit()).isZero();
    Cli.Run recorded = Cli.run("graph", "g", "--state", state);
    assertThat(recorded.out()).contains("\"db\" -> \"app\"").doesNotContain("+ app");
  }
}
