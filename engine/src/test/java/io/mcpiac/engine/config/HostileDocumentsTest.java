package io.mcpiac.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files and documents built to hurt the loader: each is refused with a diagnostic, at once. */
class HostileDocumentsTest {
  @TempDir Path dir;

  private static List<Diagnostic> problems(LoadedDeployment loaded) {
    return loaded.problems();
  }

  @Test
  void aDeviceIsRefusedNotReadUntilMemoryRunsOut() {
    List<Diagnostic> p = problems(DeploymentLoader.read(Path.of("/dev/zero")));
    assertThat(p)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo(DiagnosticCodes.UNREADABLE_FILE);
              assertThat(d.message()).contains("not a regular file");
            });
  }

  @Test
  void aDocumentOverTheSizeLimitIsRefusedBeforeParsing() throws Exception {
    Path big = dir.resolve("big.yaml");
    String scalar = "x".repeat(DeploymentLoader.MAX_DOCUMENT_BYTES);
    Files.writeString(
        big, "apiVersion: iac.mcp/v1\nkind: Deployment\nmetadata: {name: " + scalar + "}\n");
    assertThat(problems(DeploymentLoader.read(big)))
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("at most"));
    assertThat(problems(DeploymentLoader.read(Files.readString(big), "<mcp>")))
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("at most"));
  }

  @Test
  void aFileThatIsNotYamlIsNeverQuoted() throws Exception {
    Path shadow = dir.resolve("shadow");
    Files.writeString(shadow, "root:$6$SALTSALT$HASHHASHHASH:19000:0:99999:7:::\n{\"k\": tru}\n");
    Path link = dir.resolve("deploy.yaml");
    Files.createSymbolicLink(link, shadow);
    for (Diagnostic d : problems(DeploymentLoader.read(link))) {
      assertThat(d.format()).doesNotContain("SALTSALT").doesNotContain("HASHHASH");
    }
    Path json = dir.resolve("bad.json");
    Files.writeString(json, "{\"apiVersion\": SECRETTOKEN}");
    assertThat(problems(DeploymentLoader.read(json))).isNotEmpty();
    for (Diagnostic d : problems(DeploymentLoader.read(json))) {
      assertThat(d.format()).doesNotContain("SECRETTOKEN");
    }
    Path binary = dir.resolve("bin.yaml");
    Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 'a', ':', ' ', (byte) 0xc3});
    assertThat(problems(DeploymentLoader.read(binary)))
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("not UTF-8"));
  }

  @Test
  void deepNestingThroughAliasesIsAValidationError() {
    StringBuilder yaml = new StringBuilder("apiVersion: iac.mcp/v1\nkind: Deployment\n");
    yaml.append("metadata: {name: deep}\nx0: &a0 [1]\n");
    for (int i = 1; i <= 150; i++) {
      yaml.append("x")
          .append(i)
          .append(": &a")
          .append(i)
          .append(" [*a")
          .append(i - 1)
          .append("]\n");
    }
    yaml.append(
        "spec:\n  resources:\n    - {type: core:data, name: a, properties: {input: *a150}}\n");
    assertThat(problems(DeploymentLoader.read(yaml.toString(), "deep.yaml")))
        .anySatisfy(d -> assertThat(d.message()).contains("nests deeper than"));
  }
}
