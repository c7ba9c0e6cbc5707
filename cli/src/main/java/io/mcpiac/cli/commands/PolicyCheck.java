package io.mcpiac.cli.commands;

import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.ConfigException;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.states.DeploymentState;
import io.mcpiac.policy.DeploymentPolicies;
import io.mcpiac.policy.ExceptionRecord;
import io.mcpiac.policy.PolicySet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The policies in play for a command: the deployment's own ({@code kind: Policy} files next to it,
 * {@code spec.policies}, {@code spec.policyPacks}) and {@code --policy}/{@code --policy-pack}. A
 * bad policy is bad input, reported like a validation error before anything else happens.
 */
final class PolicyCheck {
  private PolicyCheck() {}

  /**
   * @throws ConfigException for every problem of the policies (CEL errors at their line and column)
   */
  static DeploymentPolicies load(Path deployment, PolicyOptions options) {
    List<PolicySet.Source> sources =
        deployment == null
            ? List.of()
            : deployment.toString().equals("-")
                ? List.of(new PolicySet.Source(DeploymentFiles.stdin(), DeploymentFiles.STDIN))
                : PolicySet.deploymentSources(deployment);
    for (Path p : options.files) {
      if (!Files.exists(p)) {
        throw new io.mcpiac.cli.UsageException("no such policy file or directory: " + p);
      }
    }
    PolicySet set = PolicySet.load(sources, options.files, options.packs);
    if (!set.problems().isEmpty()) {
      throw new ConfigException(set.problems());
    }
    return new DeploymentPolicies(set);
  }

  /** The engine with the policies reviewing its plans (the same engine when there are none). */
  static Engine engine(Engine engine, DeploymentPolicies policies) {
    return policies.set().isEmpty() ? engine : engine.reviewedBy(policies);
  }

  /** The deployment with its policy exceptions as a recorded resource (see ExceptionRecord). */
  static Deployment withExceptions(
      Deployment d, DeploymentPolicies policies, DeploymentState recorded) {
    if (policies.set().exemptions().isEmpty()) {
      return d;
    }
    String user = System.getProperty("user.name", "unknown");
    return ExceptionRecord.withRecord(d, policies.set(), recorded, user, Instant.now());
  }

  /** The review's violations and exceptions, for a plan's {@code --json}. */
  static com.fasterxml.jackson.databind.node.ObjectNode json(DeploymentPolicies policies) {
    return io.mcpiac.policy.CelPolicyService.review(policies);
  }
}
