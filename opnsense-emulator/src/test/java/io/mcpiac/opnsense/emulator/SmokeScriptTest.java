package io.mcpiac.opnsense.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code src/test/curl/smoke.sh} (curl against a separately started emulator) as part of the
 * build, so the stranger's-client view is checked wherever curl exists.
 */
class SmokeScriptTest {
  @Test
  void curlSmokeScriptPasses() throws Exception {
    Path script = Path.of("src/test/curl/smoke.sh");
    assumeTrue(
        Files.exists(Path.of("target/classpath.txt")), "classpath.txt is written by the build");
    assumeTrue(new ProcessBuilder("curl", "--version").start().waitFor() == 0, "curl is installed");
    Process p = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
    boolean done = p.waitFor(150, TimeUnit.SECONDS);
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!done) {
      p.destroyForcibly();
    }
    assertThat(done).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).contains("smoke: all checks passed").doesNotContain("FAIL");
  }
}
