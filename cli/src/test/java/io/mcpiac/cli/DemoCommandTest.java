package io.mcpiac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mcp-iac demo} end to end: sandbox firewall, plan, progress, result, empty second plan. */
class DemoCommandTest {
  @TempDir Path dir;

  @Test
  void demoAppliesTheWebExampleAndEndsWithNoChanges() {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
      code =
          Main.run(
              "demo",
              "--file",
              Path.of("..", "examples", "opnsense-web.yaml").toString(),
              "--state",
              "sqlite:" + dir.resolve("demo.db"));
    } finally {
      System.setOut(original);
    }
    String out = buffer.toString(StandardCharsets.UTF_8);
    assertThat(code).as(out).isZero();
    assertThat(out)
        .contains("Sandbox firewall opnsense: the OPNsense emulator")
        .contains("Plan: 12 to add")
        .contains("create app-frontend")
        .contains("12 complete, 0 failed")
        .contains("No changes. The deployment 'customer-portal' matches")
        .contains("OPNSENSE_URL")
        .contains("serve")
        .doesNotContain("API_SECRET=" + "x");
  }
}
