package io.mcpiac.engine.refresh;

import io.mcpiac.engine.checkpoints.RecordedDeployment;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.LiveRead;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlannedAction;
import io.mcpiac.engine.plans.Planner;
import io.mcpiac.engine.plans.VanishGuard;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.states.DeploymentState;
import io.mcpiac.engine.states.ResourceRecord;
import java.util.ArrayList;
import java.util.List;

/** Reads what really exists and works out what a refresh would record. Changes nothing. */
public final class RefreshPlanner {
  private RefreshPlanner() {}

  /**
   * @param force go on although most recorded objects of a provider instance are gone (see {@link
   *     VanishGuard})
   */
  public static RefreshPlan plan(
      ProviderRegistry registry, DeploymentState recorded, boolean force) {
    String deployment = recorded.name();
    LiveRead live = LiveRead.of(registry, recorded.resources().values());
    VanishGuard.check(registry, recorded.resources().values(), live, force);
    Plan view =
        new Planner(registry)
            .plan(
                RecordedDeployment.asDeployment(deployment, recorded.resources().values()),
                recorded,
                live);
    List<RefreshPlan.Entry> entries = new ArrayList<>();
    for (PlannedAction a : view.actions()) {
      ResourceRecord r = recorded.resources().get(a.name());
      if (r == null) {
        continue;
      }
      LiveResource actual = live.get(a.name());
      boolean outputsMoved =
          actual != null
              && actual.outputs() != null
              && !Json.sameValue(actual.outputs(), r.outputs());
      if (actual != null && a.drift().isEmpty() && !outputsMoved) {
        continue;
      }
      ResourceRecord updated = null;
      if (actual != null) {
        var props = Json.copy(r.properties());
        a.drift().forEach(d -> props.set(d.path(), d.after()));
        updated =
            r.withOutcome(r.id(), props, actual.outputs() != null ? actual.outputs() : r.outputs());
      }
      entries.add(new RefreshPlan.Entry(a, r, updated, outputsMoved));
    }
    return new RefreshPlan(deployment, recorded.version(), entries);
  }
}
