package io.mcpiac.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.mcpiac.engine.config.Diagnostic;
import io.mcpiac.engine.config.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every policy in play for a deployment, read from where a user puts them: {@code kind: Policy}
 * documents next to the deployment (a file of its own in {@code -f DIR}), the deployment's {@code
 * spec.policies}, files and directories given with {@code --policy}, and built-in packs enabled by
 * {@code spec.policyPacks} or {@code --policy-pack}; plus the resources' {@code policyExceptions}.
 *
 * @param problems bad policies, CEL errors (at the file's line and column), unknown packs,
 *     exceptions without a reason: reported like validation errors
 */
public record PolicySet(
    List<Policy> policies,
    List<Diagnostic> problems,
    Map<String, List<Subject.Exemption>> exemptions) {

  private static final YAMLMapper YAML = new YAMLMapper();

  /** A document's text and what diagnostics call it (its path, {@code <mcp>}). */
  public record Source(String text, String origin) {}

  /** A pack enabled, optionally at another enforcement level than its own. */
  public record PackChoice(String name, String enforcement) {}

  public PolicySet {
    policies = List.copyOf(policies);
    problems = List.copyOf(problems);
    exemptions = Map.copyOf(exemptions);
  }

  public static final PolicySet EMPTY = new PolicySet(List.of(), List.of(), Map.of());

  public boolean isEmpty() {
    return policies.isEmpty() && problems.isEmpty() && exemptions.isEmpty();
  }

  /**
   * @param deployment the deployment's documents (the file, or every YAML file of {@code -f DIR})
   * @param policyPaths {@code --policy FILE|DIR}
   * @param packs {@code --policy-pack NAME}
   */
  public static PolicySet load(
      List<Source> deployment, List<Path> policyPaths, List<String> packs) {
    Builder b = new Builder();
    for (Source s : deployment) {
      // Most deployments have no policy: a text scan spares them a second parse of every file.
      if (mentionsPolicies(s.text())) {
        b.read(s, true, null);
      }
    }
    for (Path p : policyPaths) {
      b.readPath(p);
    }
    packs.forEach(name -> b.packs.add(new PackChoice(name, null)));
    b.loadPacks();
    return new PolicySet(b.policies, b.problems, b.exemptions);
  }

  /**
   * Whether a deployment file can hold a policy, a pack choice or an exception at all: each needs
   * one of these words as a key or a kind.
   */
  private static boolean mentionsPolicies(String text) {
    return text.contains("policies")
        || text.contains("policyPacks")
        || text.contains("policyExceptions")
        || text.contains("Policy");
  }

  /** The policies of one text (a policy file, or a pack's file); for {@code policy test/show}. */
  public static PolicySet of(Source source, String pack) {
    Builder b = new Builder();
    b.read(source, false, pack);
    return new PolicySet(b.policies, b.problems, b.exemptions);
  }

  /** The deployment's YAML files: the file itself, or every {@code *.yaml} of a directory. */
  public static List<Source> deploymentSources(Path fileOrDir) {
    List<Source> out = new ArrayList<>();
    try {
      if (Files.isDirectory(fileOrDir)) {
        try (Stream<Path> list = Files.list(fileOrDir)) {
          for (Path p : list.filter(f -> f.toString().matches(".*\\.ya?ml")).sorted().toList()) {
            out.add(new Source(Files.readString(p), p.toString()));
          }
        }
      } else if (Files.isRegularFile(fileOrDir)) {
        out.add(new Source(Files.readString(fileOrDir), fileOrDir.toString()));
      }
    } catch (IOException e) {
      // the deployment loader reports an unreadable file; policies add nothing to that
    }
    return out;
  }

  private static final class Builder {
    final List<Policy> policies = new ArrayList<>();
    final List<Diagnostic> problems = new ArrayList<>();
    final Map<String, List<Subject.Exemption>> exemptions = new LinkedHashMap<>();
    final List<PackChoice> packs = new ArrayList<>();

    void readPath(Path p) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> list = Files.list(p)) {
          list.filter(f -> f.toString().matches(".*\\.ya?ml"))
              .sorted()
              .forEach(f -> readFile(f, false));
        } catch (IOException e) {
          problems.add(unreadable(p, e));
        }
      } else {
        readFile(p, true);
      }
    }

    void readFile(Path p, boolean named) {
      try {
        read(new Source(Files.readString(p), p.toString()), false, null);
      } catch (IOException e) {
        if (named) {
          problems.add(unreadable(p, e));
        }
      }
    }

    private static Diagnostic unreadable(Path p, IOException e) {
      return new Diagnostic(
          "policy-unreadable",
          new SourceLocation(p.toString(), 0),
          null,
          null,
          "cannot read the policy file: " + e.getMessage());
    }

    /**
     * @param deployment true for the deployment's own files: they may hold a deployment (whose
     *     spec.policies, policyPacks and policyExceptions count) and other kinds (templates)
     */
    void read(Source s, boolean deployment, String pack) {
      YamlPositions positions = YamlPositions.of(s.text());
      List<JsonNode> docs = new ArrayList<>();
      try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(s.text())) {
        while (it.hasNext()) {
          docs.add(it.next());
        }
      } catch (IOException | RuntimeException e) {
        if (!deployment) {
          problems.add(
              new Diagnostic(
                  "policy-syntax",
                  new SourceLocation(s.origin(), 0),
                  null,
                  null,
                  "not YAML: " + e.getMessage()));
        }
        return;
      }
      for (int d = 0; d < docs.size(); d++) {
        JsonNode doc = docs.get(d);
        if (doc == null || !doc.isObject()) {
          continue;
        }
        String kind = doc.path("kind").asText("");
        if (kind.equals(PolicyReader.KIND)) {
          add(PolicyReader.read(doc, "", s.origin(), positions, d, pack, problems));
        } else if (deployment && kind.equals("Deployment")) {
          readDeployment(doc, s.origin(), positions, d);
        } else if (!deployment) {
          problems.add(
              new Diagnostic(
                  "policy-invalid",
                  new SourceLocation(s.origin(), positions.lineOf(d, "kind")),
                  null,
                  "kind",
                  "expected 'kind: Policy', found '" + kind + "'"));
        }
      }
    }

    private void add(Policy p) {
      if (p != null) {
        policies.add(p);
      }
    }

    private void readDeployment(JsonNode doc, String origin, YamlPositions positions, int d) {
      JsonNode spec = doc.path("spec");
      JsonNode inline = spec.path("policies");
      for (int i = 0; i < inline.size(); i++) {
        add(
            PolicyReader.read(
                inline.get(i), "spec.policies[" + i + "]", origin, positions, d, null, problems));
      }
      JsonNode packNodes = spec.path("policyPacks");
      for (int i = 0; i < packNodes.size(); i++) {
        JsonNode n = packNodes.get(i);
        packs.add(
            n.isObject()
                ? new PackChoice(n.path("name").asText(), n.path("enforcement").asText(null))
                : new PackChoice(n.asText(), null));
      }
      JsonNode resources = spec.path("resources");
      for (int i = 0; i < resources.size(); i++) {
        JsonNode exceptions = resources.get(i).path("policyExceptions");
        String path = "spec.resources[" + i + "].policyExceptions";
        String resource = resources.get(i).path("name").asText();
        for (int j = 0; j < exceptions.size(); j++) {
          JsonNode e = exceptions.get(j);
          String rule = e.path("rule").asText("");
          String reason = e.path("reason").asText("");
          if (rule.isBlank() || reason.isBlank()) {
            problems.add(
                new Diagnostic(
                    "policy-exception-invalid",
                    new SourceLocation(origin, positions.lineOf(d, path + "[" + j + "]")),
                    resource,
                    "policyExceptions[" + j + "]",
                    "an exception needs the rule it lifts and a reason: {rule: ID, reason: \"...\"}"));
            continue;
          }
          exemptions
              .computeIfAbsent(resource, k -> new ArrayList<>())
              .add(new Subject.Exemption(rule, reason));
        }
      }
    }

    void loadPacks() {
      Map<String, Packs.Pack> available = null;
      java.util.Set<String> loaded = new java.util.HashSet<>();
      for (PackChoice choice : packs) {
        if (!loaded.add(choice.name())) {
          continue; // enabled twice (spec.policyPacks and --policy-pack): once is enough
        }
        if (available == null) {
          available = Packs.all();
        }
        Packs.Pack pack = available.get(choice.name());
        if (pack == null) {
          problems.add(
              new Diagnostic(
                  "policy-pack-unknown",
                  SourceLocation.UNKNOWN,
                  null,
                  "policyPacks",
                  "no policy pack named '"
                      + choice.name()
                      + "'; built-in packs: "
                      + String.join(", ", available.keySet())));
          continue;
        }
        int before = policies.size();
        pack.files()
            .forEach((file, text) -> read(new Source(text, pack.origin(file)), false, pack.name()));
        if (choice.enforcement() != null) {
          for (int i = before; i < policies.size(); i++) {
            policies.set(i, policies.get(i).enforcedAs(choice.enforcement()));
          }
        }
      }
    }
  }
}
