package io.mcpiac.cli.commands;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mcp-iac completion bash|zsh}: a completion script for every command and option. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print a shell completion script for every command, subcommand and option.",
      "bash: source <(mcp-iac completion bash)   (or save it to"
          + " ~/.local/share/bash-completion/completions/mcp-iac)",
      "zsh:  source <(mcp-iac completion zsh)    (in ~/.zshrc; install does this for you)"
    })
public final class CompletionCommand implements Callable<Integer> {
  /** The shells. */
  public enum Shell {
    bash,
    zsh
  }

  @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
  Shell shell;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(script(spec.root().commandLine(), shell));
    return 0;
  }

  /** The script; zsh runs picocli's bash script through its bash-completion emulation. */
  public static String script(CommandLine root, Shell shell) {
    String bash = AutoComplete.bash("mcp-iac", root);
    return shell == Shell.zsh
        ? "#compdef mcp-iac\nautoload -U +X compinit && compinit\n"
            + "autoload -U +X bashcompinit && bashcompinit\n"
            + bash
        : bash;
  }
}
