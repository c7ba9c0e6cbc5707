package io.mcpiac.kubernetes.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * One typed kind ({@code k8s:apps:deployment}): its friendly properties and how they become the
 * object's fields and are read back from them. The properties every typed kind shares ({@code
 * name}, {@code namespace}, {@code labels}, {@code annotations}, {@code manifest}, {@code wait},
 * {@code forceConflicts}) are handled by {@link TypedHandler}.
 */
public interface Kind {
  /** The resource type: {@code k8s:apps:deployment}. */
  String type();

  String description();

  String apiVersion();

  String kind();

  /** Whether objects of the kind live in a namespace. */
  default boolean namespaced() {
    return true;
  }

  /** JSON Schema of the kind's own properties (an object's {@code properties} members). */
  String propertiesSchema();

  default List<String> required() {
    return List.of();
  }

  /** Properties that never reach state, plans or answers. */
  default Set<String> secrets() {
    return Set.of();
  }

  /** The kind's properties whose change makes a new object (immutable fields). */
  default Set<String> replaceOnChange() {
    return Set.of();
  }

  /**
   * Which secret properties of {@code configured} (secrets in clear) the live object no longer
   * holds; names only, never values.
   */
  default Set<String> changedSecrets(ObjectNode live, ObjectNode configured) {
    return Set.of();
  }

  /** Whether a write waits for the rollout by default (Deployment, StatefulSet). */
  default boolean rolls() {
    return false;
  }

  /** Short forms expanded (a port number for a port object). */
  default ObjectNode canonical(ObjectNode props) {
    return props;
  }

  /** Writes the kind's fields from {@code props} into {@code manifest} (metadata is set). */
  void write(ObjectNode props, ObjectNode manifest);

  /**
   * The kind's properties as {@code manifest} holds them ({@code manifest} is the live object
   * reduced to the fields mcp-iac writes, or the whole object for an import).
   */
  void read(ObjectNode manifest, ObjectNode props);
}
