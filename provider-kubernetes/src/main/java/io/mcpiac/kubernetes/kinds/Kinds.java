package io.mcpiac.kubernetes.kinds;

import java.util.ArrayList;
import java.util.List;

/** Every typed kind the provider offers. */
public final class Kinds {
  private Kinds() {}

  public static List<Kind> all() {
    List<Kind> out = new ArrayList<>(CoreKinds.all());
    out.addAll(Workload.all());
    out.add(new IngressKind());
    return List.copyOf(out);
  }

  /** The typed kind of {@code type}, or null ({@code k8s:manifest}). */
  public static Kind byType(String type) {
    return all().stream().filter(k -> k.type().equals(type)).findFirst().orElse(null);
  }
}
