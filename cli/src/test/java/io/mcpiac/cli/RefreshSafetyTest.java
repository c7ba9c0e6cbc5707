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
 * Issue 13, item 3, as found: OPNSENSE_URL pointing at an empty firewall made {@code refresh}
 * record every resource as deleted, with exit 0 and no question; the next plan wanted to create
 * them all again. Now refresh is a plan first, a read that finds most objects gone stops naming the
 * URL, {@code plan --refresh-only} writes nothing, and {@code state rollback} undoes an accepted
 * refresh.
 */
class RefreshSafetyTest {
  @TempDir Path dir;

  /** The resources of the office deployment ({@link Office#HEADER} comes first). */
  static final String RESOURCES =
      """
          - {type: opnsense:firewall:alias, name: printers, properties: {type: host, content: ["10.0.0.9"]}}
          - {type: opnsense:firewall:alias, name: admins, properties: {type: host, content: ["10.0.0.2"]}}
          - {type: opnsense:firewall:rule, name: allow-mgmt, properties: {interface: lan, port: 443, description: allow-mgmt}}
          - {type: opnsense:firewall:rule, name: allow-dns, properties: {interface: lan, port: 53, protocol: udp, description: allow-dns}}
          - {type: opnsense:service:dns:override, name: nas, properties: {hostname: nas, domain: home.arpa, address: 10.0.0.5}}
      """;

  @ParameterizedTest
  @ValueSource(strings = {"26.1", "26.7"})
  void aRefreshAgainstTheWrongFirewallWritesNothing(String version) throws Exception {
    try (Office office = Office.start(dir, version);
        Sandbox empty = Sandbox.start(version)) {
      Path file = office.file(RESOURCES);
      String state = office.state();
      Map<String, String> right = office.env();
      Map<String, String> wrong = empty.env("OPNSENSE_");

      Pty.Run apply =
          Pty.noTerminal(dir, right, "apply", "-f", file.toString(), "--state", state, "--yes");
      assertThat(apply.exit()).as(apply.screen()).isZero();
      assertThat(version(state)).isEqualTo(1);

      // the wrong firewall: refresh and plan stop, naming the URL; state is untouched
      Pty.Run refresh = Pty.noTerminal(dir, wrong, "refresh", "office", "--state", state, "--yes");
      assertThat(refresh.exit()).as(refresh.screen()).isEqualTo(1);
      assertThat(refresh.screen())
          .contains(empty.emulator().url())
          .contains("5 of the 5")
          .contains("different system")
          .contains("--force");
      Pty.Run plan = Pty.noTerminal(dir, wrong, "plan", "-f", file.toString(), "--state", state);
      assertThat(plan.exit()).as(plan.screen()).isEqualTo(1);
      assertThat(plan.screen()).contains(empty.emulator().url()).doesNotContain("to add");
      assertThat(version(state)).isEqualTo(1);

      // a change made in the GUI: plan --refresh-only shows it and writes nothing
      String ruleId = resourceId(state, "allow-mgmt");
      SandboxApi.call(
          office.firewall(),
          "POST",
          "/api/firewall/filter/setRule/" + ruleId,
          "{\"rule\":{\"enabled\":\"0\"}}");
      Pty.Run only =
          Pty.noTerminal(
              dir,
              right,
              "plan",
              "-f",
              file.toString(),
              "--state",
              state,
              "--refresh-only",
              "--detailed-exitcode");
      assertThat(only.exit()).as(only.screen()).isEqualTo(ExitCodes.HAS_CHANGES);
      assertThat(only.screen()).contains("allow-mgmt: enabled recorded true, now false");
      assertThat(version(state)).isEqualTo(1);

      // refresh asks; without a terminal it needs --yes
      Pty.Run noYes = Pty.noTerminal(dir, right, "refresh", "office", "--state", state);
      assertThat(noYes.exit()).as(noYes.screen()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(noYes.screen()).contains("allow-mgmt: enabled recorded true, now false");
      assertThat(noYes.screen()).contains("--yes");
      assertThat(version(state)).isEqualTo(1);
      Pty.Run yes = Pty.noTerminal(dir, right, "refresh", "office", "--state", state, "--yes");
      assertThat(yes.exit()).as(yes.screen()).isZero();
      assertThat(version(state)).isEqualTo(2);

      // an operator forces a bad refresh anyway, then rolls state back
      Pty.Run forced =
          Pty.noTerminal(dir, wrong, "refresh", "office", "--state", state, "--yes", "--force");
      assertThat(forced.exit()).as(forced.screen()).isZero();
      assertThat(forced.screen()).contains("gone from the system");
      assertThat(version(state)).isEqualTo(3);
      Pty.Run rollback =
          Pty.noTerminal(
              dir, right, "state", "rollback", "office", "--to-version", "2", "--state", state);
      assertThat(rollback.exit()).as(rollback.screen()).isZero();
      assertThat(version(state)).isEqualTo(4);
      assertThat(resourceId(state, "allow-mgmt")).isEqualTo(ruleId);

      // the right firewall converges with an update, never a second copy
      Pty.Run again =
          Pty.noTerminal(dir, right, "apply", "-f", file.toString(), "--state", state, "--yes");
      assertThat(again.exit()).as(again.screen()).isZero();
      assertThat(again.screen()).contains("0 to add");
      var rows =
          SandboxApi.call(
                  office.firewall(),
                  "POST",
                  "/api/firewall/filter/searchRule",
                  "{\"interface\":\"lan\",\"rowCount\":999}")
              .path("rows");
      int copies = 0;
      for (var row : rows) {
        copies += row.path("description").asText().equals("allow-mgmt") ? 1 : 0;
      }
      assertThat(copies).isEqualTo(1);
      Pty.Run clean =
          Pty.noTerminal(
              dir, right, "plan", "-f", file.toString(), "--state", state, "--detailed-exitcode");
      assertThat(clean.exit()).as(clean.screen()).isZero();
    }
  }

  private static long version(String state) {
    Cli.Run show = Cli.run("state", "show", "office", "--state", state, "--json");
    return Json.parse(show.out()).path("version").asLong();
  }

  private static String resourceId(String state, String name) {
    return Cli.resourceId(state, "office", name);
  }
}
