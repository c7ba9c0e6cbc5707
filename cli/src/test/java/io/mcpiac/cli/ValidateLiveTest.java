package io.mcpiac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13, item 4 on the command line: a first plan with a wrong secret printed "2 to add" and
 * exit 0; now it fails saying what to fix, and {@code validate --live} checks the same.
 */
class ValidateLiveTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"26.1", "26.7"})
  void planAndValidateLiveReachTheFirewall(String version) throws Exception {
    try (Office office = Office.start(dir, version)) {
      Path file =
          office.file(
              """
                  - {type: opnsense:firewall:alias, name: printers, properties: {type: host, content: ["10.0.0.9"]}}
              """);
      String state = office.state();
      Map<String, String> wrong = office.wrongSecret();

      Pty.Run plan = Pty.noTerminal(dir, wrong, "plan", "-f", file.toString(), "--state", state);
      assertThat(plan.exit()).as(plan.screen()).isEqualTo(1);
      assertThat(plan.screen()).contains("OPNSENSE_API_SECRET").doesNotContain("to add");

      Pty.Run offline = Pty.noTerminal(dir, wrong, "validate", "-f", file.toString());
      assertThat(offline.exit()).as(offline.screen()).isZero();
      Pty.Run live = Pty.noTerminal(dir, wrong, "validate", "--live", "-f", file.toString());
      assertThat(live.exit()).as(live.screen()).isEqualTo(1);
      assertThat(live.screen()).contains("OPNSENSE_API_SECRET");

      Map<String, String> noCa = new HashMap<>(office.env());
      noCa.remove("OPNSENSE_CA_FILE");
      Pty.Run tls = Pty.noTerminal(dir, noCa, "validate", "--live", "-f", file.toString());
      assertThat(tls.exit()).as(tls.screen()).isEqualTo(1);
      assertThat(tls.screen()).contains("OPNSENSE_CA_FILE");

      Pty.Run ok = Pty.noTerminal(dir, office.env(), "validate", "--live", "-f", file.toString());
      assertThat(ok.exit()).as(ok.screen()).isZero();
    }
  }
}
