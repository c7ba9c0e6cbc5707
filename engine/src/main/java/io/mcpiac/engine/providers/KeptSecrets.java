package io.mcpiac.engine.providers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * The secrets of the resources a run leaves alone, for a provider that must restate objects it does
 * not change: a remote IaC server receives its whole part with every batch and answers secrets
 * masked, so restating an untouched object there needs its secret again. A secret is given only
 * where the run's configuration resolves it to the value recorded for the object (its digest is the
 * recorded one), so nothing the run did not plan is ever sent. Values are read from the
 * configuration (variables, secret references) when asked, like a change's, and are handed in clear
 * to the provider only, never written down.
 */
@FunctionalInterface
public interface KeptSecrets {
  /** A call that knows no secret of an untouched resource (an undo, a recovery). */
  KeptSecrets NONE = (type, name) -> Optional.empty();

  /**
   * The clear values of the declared secret properties of resource {@code name} (type {@code
   * type}), which this run leaves as it is, keyed by the declared name or dotted path ({@link
   * io.mcpiac.engine.resources.ResourceType#secretProperties}); a secret property the configuration
   * leaves out is absent. Empty when the run cannot vouch for them: the resource is not in its
   * configuration, the run changes it, or the configuration gives a secret other than the recorded
   * one.
   */
  Optional<Map<String, JsonNode>> of(String type, String name);
}
