package io.mcpiac.aws;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the AWS calls every SDK client of the test JVM makes, by operation name: the SDK loads it
 * into each client from {@code software/amazon/awssdk/global/handlers/execution.interceptors} on
 * the test class path. How many calls a read makes is what a user of a large account pays in time
 * and API rate limits, so tests check it.
 */
public final class AwsCalls implements ExecutionInterceptor {
  private static final Map<String, AtomicInteger> COUNTS = new ConcurrentHashMap<>();
  private static final List<String> ORDER = new CopyOnWriteArrayList<>();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    if (operation != null) {
      COUNTS.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
      ORDER.add(operation);
    }
  }

  static void reset() {
    COUNTS.clear();
    ORDER.clear();
  }

  /** The operations called since the last {@link #reset}, in order. */
  static List<String> order() {
    return List.copyOf(ORDER);
  }

  /** Calls of that operation since the last {@link #reset}. */
  static int of(String operation) {
    AtomicInteger n = COUNTS.get(operation);
    return n == null ? 0 : n.get();
  }
}
