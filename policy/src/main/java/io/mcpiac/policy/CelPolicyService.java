package io.mcpiac.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.config.ConfigException;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.policies.PolicyHook;
import io.mcpiac.engine.policies.PolicyService;
import io.mcpiac.engine.states.DeploymentState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The policy engine behind {@link PolicyService}, for the MCP server. No CEL class is touched until
 * a document actually holds policies, so serving deployments without any costs nothing.
 */
public final class CelPolicyService implements PolicyService {
  @Override
  public PolicyHook forDocument(String text, String origin) {
    if (text == null) {
      return PolicyHook.NONE;
    }
    PolicySet set =
        PolicySet.load(List.of(new PolicySet.Source(text, origin)), List.of(), List.of());
    if (!set.problems().isEmpty()) {
      throw new ConfigException(set.problems());
    }
    return set.isEmpty() ? PolicyHook.NONE : new DeploymentPolicies(set);
  }

  @Override
  public Deployment withExceptions(PolicyHook hook, Deployment d, DeploymentState recorded) {
    if (!(hook instanceof DeploymentPolicies p) || p.set().exemptions().isEmpty()) {
      return d;
    }
    return ExceptionRecord.withRecord(d, p.set(), recorded, "mcp-client", Instant.now());
  }

  @Override
  public List<io.mcpiac.engine.policies.PolicyViolation> onConfiguration(
      PolicyHook hook, Deployment deployment) {
    if (!(hook instanceof DeploymentPolicies p)) {
      return List.of();
    }
    return DeploymentPolicies.violations(p.onConfiguration(deployment));
  }

  @Override
  public JsonNode lastReview(PolicyHook hook) {
    if (!(hook instanceof DeploymentPolicies p)) {
      return null;
    }
    return review(p);
  }

  /** {@code {violations: [...], exceptions: [...]}}: the same fields as the CLI's plan JSON. */
  public static ObjectNode review(DeploymentPolicies p) {
    ObjectNode out = Json.object();
    List<Finding> found = p.lastReview();
    out.set("violations", Json.MAPPER.valueToTree(DeploymentPolicies.violations(found)));
    var exceptions = out.putArray("exceptions");
    for (Finding f : found) {
      if (f.status() == Finding.Status.EXEMPT) {
        var e = exceptions.addObject();
        e.put("resource", f.resource());
        e.put("policy", f.policy().name());
        e.put("rule", f.rule().id());
        e.put("reason", f.message());
      }
    }
    return out;
  }

  @Override
  public Report compliance(
      String pack, Deployment configuration, String documentText, DeploymentState recorded) {
    var exemptions =
        documentText == null
            ? java.util.Map.<String, List<Subject.Exemption>>of()
            : PolicySet.load(
                    List.of(new PolicySet.Source(documentText, "<mcp>")), List.of(), List.of())
                .exemptions();
    ComplianceReport r = ComplianceReport.forPack(pack, configuration, recorded, exemptions);
    return new Report(ComplianceFormats.json(r), ComplianceFormats.text(r));
  }

  @Override
  public List<Pack> packs() {
    List<Pack> out = new ArrayList<>();
    for (Packs.Pack p : Packs.all().values()) {
      StringBuilder yaml = new StringBuilder();
      p.files()
          .forEach(
              (f, text) ->
                  yaml.append("# ")
                      .append(f)
                      .append('\n')
                      .append(text)
                      .append(text.endsWith("\n") ? "" : "\n")
                      .append("---\n"));
      out.add(new Pack(p.name(), p.description(), yaml.toString()));
    }
    return out;
  }
}
