package io.mcpiac.engine.plans;

import io.mcpiac.engine.errors.ErrorKind;
import io.mcpiac.engine.errors.KindedError;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.states.ResourceRecord;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stops a plan or refresh when a live read finds most of what state records for one provider
 * instance gone at once (more than half, and more than {@link #THRESHOLD}): far more often the
 * instance points at a different (empty) system than someone deleted everything by hand. Recording
 * those deletions would orphan the real objects, and the next apply would create duplicates.
 */
public final class VanishGuard {
  /** The risk code that accepts it ({@code --force}). */
  public static final String RISK = "vanished";

  static final int THRESHOLD = 3;

  private VanishGuard() {}

  /** Throws {@link VanishedException} unless {@code force}. */
  public static void check(
      ProviderRegistry registry,
      Collection<ResourceRecord> recorded,
      LiveRead live,
      boolean force) {
    if (force) {
      return;
    }
    Map<String, int[]> counts = new TreeMap<>();
    Map<String, String> aType = new LinkedHashMap<>();
    for (ResourceRecord r : recorded) {
      int[] c = counts.computeIfAbsent(r.provider(), k -> new int[2]);
      c[0]++;
      if (live.get(r.name()) == null) {
        c[1]++;
      }
      aType.putIfAbsent(r.provider(), r.type());
    }
    StringBuilder message = new StringBuilder();
    counts.forEach(
        (instance, c) -> {
          int total = c[0];
          int gone = c[1];
          if (gone > THRESHOLD && gone * 2 > total) {
            Provider p = registry.providerFor(aType.get(instance), instance);
            String where = p.endpoint() == null ? "" : " at " + p.endpoint();
            message
                .append(message.length() == 0 ? "" : "\n")
                .append("provider instance '")
                .append(instance)
                .append("'")
                .append(where)
                .append(" no longer has ")
                .append(gone)
                .append(" of the ")
                .append(total)
                .append(" objects state records for it: it may point at a different system.")
                .append(" Check its address and credentials; nothing was written. If they really")
                .append(" are gone, run again with --force.");
          }
        });
    if (message.length() > 0) {
      throw new VanishedException(message.toString());
    }
  }

  /** Most recorded objects of a provider instance are missing from its live read. */
  public static final class VanishedException extends RuntimeException implements KindedError {
    private static final long serialVersionUID = 1L;

    public VanishedException(String message) {
      super(message);
    }

    @Override
    public ErrorKind kind() {
      return ErrorKind.RISK_REFUSED;
    }
  }
}
