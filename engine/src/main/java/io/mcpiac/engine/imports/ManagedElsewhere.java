package io.mcpiac.engine.imports;

import io.mcpiac.engine.states.DeploymentSummary;
import io.mcpiac.engine.states.ResourceRecord;
import io.mcpiac.engine.states.StateStore;
import java.util.HashMap;
import java.util.Map;

/** Which other deployment in this state store already manages an object (by instance, type, id). */
final class ManagedElsewhere {
  private final Map<String, String> owners;

  private ManagedElsewhere(Map<String, String> owners) {
    this.owners = owners;
  }

  static ManagedElsewhere of(StateStore store, String except, String instance) {
    Map<String, String> owners = new HashMap<>();
    for (DeploymentSummary d : store.deployments()) {
      if (d.name().equals(except)) {
        continue;
      }
      store
          .load(d.name())
          .ifPresent(
              s -> {
                for (ResourceRecord r : s.resources().values()) {
                  if (r.provider().equals(instance) && r.id() != null) {
                    owners.putIfAbsent(r.type() + "\\u0000" + r.id(), d.name());
                  }
                }
              });
    }
    return new ManagedElsewhere(owners);
  }

  /** The deployment that manages it, or null. */
  String owner(String type, String id) {
    return id == null ? null : owners.get(type + "\\u0000" + id);
  }
}
