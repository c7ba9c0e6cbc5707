package io.mcpiac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.cli.demo.Sandbox;
import io.mcpiac.engine.json.Json;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13, item 5, as found: on a terminal the question came before the plan, and destroy asked
 * "Apply these changes?" over a plan that called every resource "removed from the configuration".
 */
class InteractivePromptTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"26.1", "26.7"})
  void thePlanIsOnScreenBeforeTheQuestion(String version) throws Exception {
    try (Office office = Office.start(dir, version)) {
      Sandbox fw = office.firewall();
      Path file =
          office.file(
              """
                  - {type: opnsense:firewall:alias, name: printers, properties: {type: host, content: ["10.0.0.9"]}}
                  - {type: opnsense:firewall:rule, name: allow-mgmt, properties: {interface: lan, port: 443, description: allow-mgmt}}
                  - {type: opnsense:firewall:rule, name: block-rest, properties: {interface: lan, action: block, source: 192.168.1.0/24, description: block-rest}}
              """);
      Map<String, String> env = office.env();
      String state = office.state();

      Pty.Run apply = Pty.run(dir, env, "yes\n", "apply", "-f", file.toString(), "--state", state);
      assertThat(apply.exit()).as(apply.screen()).isZero();
      int summary = apply.screen().indexOf("Plan: 3 to add");
      int question = apply.screen().indexOf("Apply these changes?");
      assertThat(summary).as(apply.screen()).isPositive();
      assertThat(question).as(apply.screen()).isGreaterThan(summary);
      assertThat(Json.write(fw.emulator().state())).contains("allow-mgmt", "block-rest");

      Pty.Run destroy = Pty.run(dir, env, "yes\n", "destroy", "office", "--state", state);
      assertThat(destroy.exit()).as(destroy.screen()).isZero();
      String screen = destroy.screen();
      assertThat(screen).contains("Destroy these 3 resources?").doesNotContain("Apply these");
      assertThat(screen).doesNotContain("removed from the configuration");
      assertThat(screen.indexOf("Plan: 0 to add, 0 to change, 0 to replace, 3 to destroy"))
          .as(screen)
          .isPositive()
          .isLessThan(screen.indexOf("Destroy these 3 resources?"));
      assertThat(Json.write(fw.emulator().state())).doesNotContain("allow-mgmt", "block-rest");
    }
  }
}
