package io.mcpiac.engine.plans;

import io.mcpiac.engine.config.Deployment;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A plan: what apply would do, made from the configuration, the recorded state at {@code
 * stateVersion} and a live read whose digest is {@code fingerprint}. Applying it later is refused
 * when either has moved on (Terraform's serial + lineage check).
 *
 * @param stages the seed's stage picture: waves of resource names (the executor does not wait for
 *     whole stages)
 * @param deployment the configuration the plan was made from
 * @param activations scopes whose written changes are not active (drift with one action, {@code
 *     activate}); apply activates them before anything else
 */
public record Plan(
    String id,
    String deploymentName,
    Instant createdAt,
    long stateVersion,
    String fingerprint,
    List<PlannedAction> actions,
    List<List<String>> stages,
    Deployment deployment,
    List<PlanWarning> warnings,
    List<PendingActivation> activations) {

  public Plan {
    activations = activations == null ? List.of() : List.copyOf(activations);
    actions = List.copyOf(actions);
    stages = stages.stream().map(List::copyOf).toList();
    warnings = List.copyOf(warnings);
  }

  /** A plan without pending activations. */
  public Plan(
      String id,
      String deploymentName,
      Instant createdAt,
      long stateVersion,
      String fingerprint,
      List<PlannedAction> actions,
      List<List<String>> stages,
      Deployment deployment,
      List<PlanWarning> warnings) {
    this(
        id,
        deploymentName,
        createdAt,
        stateVersion,
        fingerprint,
        actions,
        stages,
        deployment,
        warnings,
        List.of());
  }

  /** The same plan made from {@code other} configuration (secrets redacted or restored). */
  public Plan withDeployment(Deployment other) {
    return with(other, warnings);
  }

  /** Every warning as the one line the plan shows. */
  public List<String> warningTexts() {
    return warnings.stream().map(PlanWarning::text).toList();
  }

  /** A copy with {@code more} warnings first. */
  public Plan withWarningsFirst(List<PlanWarning> more) {
    List<PlanWarning> all = new java.util.ArrayList<>(more);
    all.addAll(warnings);
    return with(deployment, all);
  }

  private Plan with(Deployment d, List<PlanWarning> w) {
    return new Plan(
        id,
        deploymentName,
        createdAt,
        stateVersion,
        fingerprint,
        actions,
        stages,
        d,
        w,
        activations);
  }

  public Optional<PlannedAction> action(String name) {
    return actions.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  public long count(ActionType type) {
    return actions.stream().filter(a -> a.action() == type).count();
  }

  public boolean hasChanges() {
    return !activations.isEmpty() || actions.stream().anyMatch(PlannedAction::changesSomething);
  }

  public boolean hasDrift() {
    return !activations.isEmpty() || actions.stream().anyMatch(a -> !a.drift().isEmpty());
  }

  /** {@code Plan: 2 to add, 1 to change, 0 to replace, 1 to destroy.} */
  public String summary() {
    return "Plan: "
        + count(ActionType.CREATE)
        + " to add, "
        + count(ActionType.UPDATE)
        + " to change, "
        + count(ActionType.REPLACE)
        + " to replace, "
        + count(ActionType.DELETE)
        + " to destroy."
        + (activations.isEmpty()
            ? ""
            : " "
                + activations.size()
                + (activations.size() == 1 ? " scope" : " scopes")
                + " to activate.");
  }
}
