package io.mcpiac.docker.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.RestartPolicy;
import java.util.Objects;

/**
 * What {@code docker update} changes on a running container (restart policy, memory and CPU limits)
 * as the container's properties, from its inspection: the list call does not show them, and without
 * them such a change by hand would never be drift. A value that means the same as the recorded one
 * is reported as recorded ({@code 64m} and its bytes are the same limit).
 */
final class ContainerLimits {
  private ContainerLimits() {}

  static void report(ObjectNode props, HostConfig host, ObjectNode recorded) {
    if (host == null) {
      return;
    }
    String policy = policy(host.getRestartPolicy());
    String recordedPolicy = Props.text(recorded, "restartPolicy");
    if (recordedPolicy != null || !policy.equals("no")) {
      props.put(
          "restartPolicy",
          recordedPolicy != null && policy.equals(normal(recordedPolicy))
              ? recordedPolicy
              : policy);
    }
    ContainerSpec spec = ContainerSpec.of(recorded);
    Long memory = positive(host.getMemory());
    put(
        props,
        recorded,
        "memory",
        memory,
        spec.memoryBytes(),
        LongNode.valueOf(memory == null ? 0 : memory));
    Long nanos = positive(host.getNanoCPUs());
    put(
        props,
        recorded,
        "cpus",
        nanos,
        spec.nanoCpus(),
        DoubleNode.valueOf(nanos == null ? 0 : nanos / 1e9));
  }

  /**
   * The live limit: the recorded value when the same, null when lifted, {@code shown} when other;
   * nothing when neither the container nor the record has one.
   */
  private static void put(
      ObjectNode props, ObjectNode recorded, String key, Long live, Long wanted, JsonNode shown) {
    if (Objects.equals(live, wanted)) {
      if (recorded.has(key)) {
        props.set(key, recorded.get(key).deepCopy());
      }
    } else {
      props.set(key, live == null ? NullNode.getInstance() : shown);
    }
  }

  private static Long positive(Long value) {
    return value == null || value <= 0 ? null : value;
  }

  private static String policy(RestartPolicy p) {
    if (p == null || p.getName() == null || p.getName().isEmpty()) {
      return "no";
    }
    if (p.getName().equals("on-failure")
        && p.getMaximumRetryCount() != null
        && p.getMaximumRetryCount() > 0) {
      return "on-failure:" + p.getMaximumRetryCount();
    }
    return p.getName();
  }

  private static String normal(String policy) {
    return policy.equals("on-failure:0") ? "on-failure" : policy;
  }
}
