package io.mcpiac.engine.plans;

import io.mcpiac.engine.config.Move;
import java.util.List;
import java.util.Set;

/**
 * What a plan is asked for besides the configuration (Terraform's planning options).
 *
 * @param targets when not empty, only these resources and what they depend on are planned ({@code
 *     --target}); everything else is left as it is
 * @param replace resources to replace even when nothing changed ({@code --replace})
 * @param moves renames from the file's {@code moved:} list, applied to state before planning
 * @param force plan even when most recorded objects of a provider instance are gone ({@link
 *     VanishGuard})
 */
public record PlanRequest(
    Set<String> targets, Set<String> replace, List<Move> moves, boolean force) {
  public static final PlanRequest DEFAULT = new PlanRequest(Set.of(), Set.of(), List.of(), false);

  public PlanRequest {
    targets = Set.copyOf(targets);
    replace = Set.copyOf(replace);
    moves = List.copyOf(moves);
  }
}
