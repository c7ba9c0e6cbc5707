package io.mcpiac.engine.plans;

import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.Risk;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The providers' preflight at plan time: a plan that apply would refuse (the OPNsense lockout
 * guard) says so when it is shown, not only after the user said yes. Apply still runs the same
 * checks and is what refuses.
 */
final class PlanRisks {
  private PlanRisks() {}

  static List<PlanWarning> warnings(ProviderRegistry registry, List<PlannedAction> actions) {
    Map<Provider, List<PlannedAction>> byProvider = new IdentityHashMap<>();
    for (PlannedAction a : actions) {
      if (a.changesSomething()) {
        byProvider
            .computeIfAbsent(registry.providerFor(a.type(), a.provider()), p -> new ArrayList<>())
            .add(a);
      }
    }
    List<PlanWarning> out = new ArrayList<>();
    byProvider.forEach(
        (provider, mine) -> {
          for (Risk r :
              provider.preflight(mine.stream().map(PlannedAction::forProvider).toList())) {
            out.add(
                PlanWarning.risk(
                    r.resource(), r.message() + " (accept with --force-" + r.code() + "-risk)"));
          }
        });
    return out;
  }
}
