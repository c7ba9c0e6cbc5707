package io.mcpiac.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.cli.ExitCodes;
import io.mcpiac.cli.OutputOptions;
import io.mcpiac.cli.UsageException;
import io.mcpiac.engine.config.ConfigException;
import io.mcpiac.engine.json.Json;
import io.mcpiac.policy.Packs;
import io.mcpiac.policy.Policy;
import io.mcpiac.policy.PolicySet;
import io.mcpiac.policy.PolicyTester;
import io.mcpiac.policy.Rule;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mcp-iac policy list|show|test}: built-in packs and policy files. */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    description = "Policies: the built-in packs, a policy's rules, a policy's own examples.",
    subcommands = {
      PolicyCommand.ListPacks.class,
      PolicyCommand.Show.class,
      PolicyCommand.Test.class
    })
public final class PolicyCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** A pack name, a policy file or a directory of them: their policies, or every problem. */
  static PolicySet policies(String what) {
    Path p = Path.of(what);
    PolicySet set;
    if (Files.exists(p)) {
      // policy files, or a deployment (its spec.policies and the kind: Policy files beside it);
      // the packs a deployment enables are tested on their own (policy test PACK)
      PolicySet read = PolicySet.load(PolicySet.deploymentSources(p), List.of(), List.of());
      set =
          new PolicySet(
              read.policies().stream().filter(x -> x.pack() == null).toList(),
              read.problems().stream()
                  .filter(d -> !d.code().equals("policy-pack-unknown"))
                  .toList(),
              read.exemptions());
    } else if (Packs.all().containsKey(what)) {
      set = PolicySet.load(List.of(), List.of(), List.of(what));
    } else {
      throw new UsageException(
          "'"
              + what
              + "' is neither a policy file or directory nor a built-in pack ("
              + String.join(", ", Packs.all().keySet())
              + ")");
    }
    if (!set.problems().isEmpty()) {
      throw new ConfigException(set.problems());
    }
    return set;
  }

  /** {@code policy list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "The built-in packs.")
  public static final class ListPacks implements Callable<Integer> {
    @Mixin OutputOptions output;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      ArrayNode all = Json.MAPPER.createArrayNode();
      for (Packs.Pack pack : Packs.all().values()) {
        List<Policy> policies = policies(pack.name()).policies();
        int rules = policies.stream().mapToInt(p -> p.rules().size()).sum();
        ObjectNode n = all.addObject();
        n.put("name", pack.name());
        n.put("description", pack.description());
        n.put("policies", policies.size());
        n.put("rules", rules);
        if (!output.json()) {
          out.println(pack.name() + "  (" + policies.size() + " policies, " + rules + " rules)");
          out.println("    " + pack.description());
        }
      }
      if (output.json()) {
        out.println(Json.pretty(all));
      } else {
        out.println();
        out.println(
            "Enable one with spec.policyPacks: [NAME] or --policy-pack NAME; details: mcp-iac"
                + " policy show NAME");
      }
      return ExitCodes.OK;
    }
  }

  /** {@code policy show PACK|FILE}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "A pack's (or a policy file's) policies and rules: conditions, fixes.")
  public static final class Show implements Callable<Integer> {
    @Parameters(paramLabel = "PACK|FILE", description = "A built-in pack, or a policy file/dir.")
    String what;

    @Option(names = "--yaml", description = "Print the pack's YAML files as they are.")
    boolean yaml;

    @Mixin OutputOptions output;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      if (yaml && Packs.all().containsKey(what)) {
        Packs.named(what)
            .files()
            .forEach(
                (f, text) -> out.print("# " + f + "\n" + text + (text.endsWith("\n") ? "" : "\n")));
        return ExitCodes.OK;
      }
      PolicySet set = policies(what);
      ArrayNode all = Json.MAPPER.createArrayNode();
      for (Policy p : set.policies()) {
        ObjectNode pn = all.addObject();
        pn.put("name", p.name());
        pn.put("description", p.description());
        pn.put("enforcement", p.enforcement());
        pn.put("scope", p.deploymentScope() ? "deployment" : "resource");
        pn.set("types", Json.MAPPER.valueToTree(p.types()));
        pn.put("filter", p.filterText());
        ArrayNode rules = pn.putArray("rules");
        if (!output.json()) {
          out.println(
              p.name()
                  + " ["
                  + p.enforcement()
                  + "] "
                  + (p.types().isEmpty() ? "every type" : String.join(", ", p.types()))
                  + (p.filterText() == null ? "" : " where " + p.filterText().strip()));
          if (p.description() != null && !p.description().isBlank()) {
            out.println("  " + p.description().strip());
          }
        }
        for (Rule r : p.rules()) {
          ObjectNode rn = rules.addObject();
          rn.put("id", r.id());
          rn.put("control", r.control());
          rn.put("title", r.title());
          rn.put("severity", r.severity());
          rn.put("condition", r.conditionText());
          rn.put("message", r.message());
          rn.put("remediation", r.remediation());
          if (!output.json()) {
            out.println(
                "  - "
                    + r.id()
                    + (r.control() == null ? "" : " (" + r.control() + ")")
                    + ", "
                    + r.severity()
                    + ": "
                    + (r.title() == null ? r.message() : r.title()));
            out.println("      condition: " + r.conditionText().strip().replaceAll("\\s+", " "));
            if (r.remediation() != null) {
              out.println("      fix: " + r.remediation());
            }
          }
        }
      }
      if (output.json()) {
        out.println(Json.pretty(all));
      }
      return ExitCodes.OK;
    }
  }

  /** {@code policy test FILE|DIR|PACK...}: the policies' own examples. */
  @Command(
      name = "test",
      mixinStandardHelpOptions = true,
      description = {
        "Run the examples inside policies (examples: {pass: [...], fail: [...]}, per rule or per"
            + " policy).",
        "Exit 0 when every example behaves as it says, 1 when one does not, 2 for a bad policy."
      })
  public static final class Test implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE|DIR|PACK", description = "What to test.")
    List<String> what = new ArrayList<>();

    @Mixin OutputOptions output;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      List<PolicyTester.Case> cases = new ArrayList<>();
      for (String w : what) {
        cases.addAll(PolicyTester.run(policies(w).policies()));
      }
      long failed = cases.stream().filter(c -> !c.ok()).count();
      if (output.json()) {
        ObjectNode n = Json.object();
        n.put("examples", cases.size());
        n.put("failed", failed);
        n.set("cases", Json.MAPPER.valueToTree(cases));
        out.println(Json.pretty(n));
      } else {
        cases.stream().filter(c -> !c.ok()).forEach(c -> out.println(c.text()));
        out.println(
            (failed == 0 ? "✓ " : "✗ ")
                + (cases.size() - failed)
                + " of "
                + cases.size()
                + " examples behave as written"
                + (cases.isEmpty() ? " (the policies have no examples)" : ""));
      }
      return failed == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }
  }
}
