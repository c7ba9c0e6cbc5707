package io.mcpiac.engine.policies;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.states.DeploymentState;
import java.util.List;

/**
 * What a front end that names no rule language (the MCP server) asks of the policy engine, which
 * the command line wires in. {@link #NONE} knows no policies: deployments are planned as before.
 */
public interface PolicyService {
  PolicyService NONE = new PolicyService() {};

  /** A built-in pack: its name, what it checks, and its policies as YAML. */
  record Pack(String name, String description, String yaml) {}

  /** A compliance report as JSON (the envelope's data) and as text. */
  record Report(JsonNode json, String text) {}

  /**
   * The policies of a deployment document as a client sent it ({@code spec.policies}, {@code
   * spec.policyPacks}, the resources' {@code policyExceptions}); {@link PolicyHook#NONE} when it
   * has none.
   *
   * @throws io.mcpiac.engine.config.ConfigException for a bad policy or an unknown pack
   */
  default PolicyHook forDocument(String text, String origin) {
    return PolicyHook.NONE;
  }

  /** The deployment with its policy exceptions added as the recorded resource, if any. */
  default Deployment withExceptions(
      PolicyHook hook, Deployment deployment, DeploymentState recorded) {
    return deployment;
  }

  /** The hook's policies on the configuration as written (validate): every violation. */
  default List<PolicyViolation> onConfiguration(PolicyHook hook, Deployment deployment) {
    return List.of();
  }

  /** What the hook's last review found: {@code {violations: [...], exceptions: [...]}}, or null. */
  default JsonNode lastReview(PolicyHook hook) {
    return null;
  }

  /**
   * Every control of {@code pack} against a deployment.
   *
   * @param configuration the deployment as written, or null for its applied state alone
   * @param documentText its text, for its exceptions; null when not given
   */
  default Report compliance(
      String pack, Deployment configuration, String documentText, DeploymentState recorded) {
    throw new UnsupportedOperationException("no policy engine in this build");
  }

  default List<Pack> packs() {
    return List.of();
  }
}
