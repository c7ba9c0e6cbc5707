package io.mcpiac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** Every command and option is described, and --help works in every position. */
class HelpTest {
  private static List<CommandSpec> all(CommandSpec spec) {
    List<CommandSpec> out = new ArrayList<>();
    out.add(spec);
    spec.subcommands().values().forEach(c -> out.addAll(all(c.getCommandSpec())));
    return out;
  }

  @Test
  void everyCommandOptionAndParameterHasADescription() {
    CommandLine root = Main.commandLine();
    List<String> undescribed = new ArrayList<>();
    for (CommandSpec c : all(root.getCommandSpec())) {
      if (c.usageMessage().hidden()) {
        continue;
      }
      if (String.join("", c.usageMessage().description()).isBlank()) {
        undescribed.add(c.qualifiedName());
      }
      for (ArgSpec a : c.args()) {
        if (!a.hidden() && String.join("", a.description()).isBlank()) {
          undescribed.add(c.qualifiedName() + " " + a.paramLabel() + a);
        }
      }
    }
    assertThat(undescribed).isEmpty();
  }

  @Test
  void helpWorksInEveryPosition() {
    for (CommandSpec c : all(Main.commandLine().getCommandSpec())) {
      if (c.usageMessage().hidden()
          || c.name().equals("help")
          || c.name().equals("opnsense-emulator")) { // its own usage, checked below
        continue;
      }
      List<String> args = new ArrayList<>(List.of(c.qualifiedName().split(" ")));
      args.remove(0);
      args.add("--help");
      Cli.Run r = Cli.run(args.toArray(new String[0]));
      assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.printed()).isZero();
      assertThat(r.out()).as(String.join(" ", args)).contains("Usage:");
    }
    assertThat(Cli.run("state", "show", "--help").out()).contains("--version", "--state");
    Cli.Run emulator = Cli.run("opnsense-emulator", "--help");
    assertThat(emulator.exit()).isZero();
    assertThat(emulator.out())
        .contains("--port N              port to listen on", "--api-key K", "--tls | --no-tls");
  }
}
