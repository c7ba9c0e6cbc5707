package io.mcpiac.cli.commands;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --policy FILE|DIR} and {@code --policy-pack NAME}: policies beyond the deployment's. */
public final class PolicyOptions {
  @Option(
      names = "--policy",
      paramLabel = "FILE|DIR",
      description =
          "A kind: Policy file, or a directory of them; repeatable. Added to the deployment's own"
              + " policies.")
  List<Path> files = new ArrayList<>();

  @Option(
      names = "--policy-pack",
      paramLabel = "NAME",
      description =
          "Enable a built-in policy pack (see: mcp-iac policy list); repeatable. Added to"
              + " spec.policyPacks.")
  List<String> packs = new ArrayList<>();
}
