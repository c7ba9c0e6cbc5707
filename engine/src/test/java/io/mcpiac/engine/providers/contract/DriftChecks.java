package io.mcpiac.engine.providers.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.resources.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * The contract's drift cases: every modelled property changed on the system must show as drift on
 * the next read, and every property of the schema needs such a check or a reason why none applies.
 */
final class DriftChecks {
  private final ContractCalls calls;

  DriftChecks(ContractCalls calls) {
    this.calls = calls;
  }

  /** One test per property with a check, and per known gap. */
  List<DynamicTest> tests(List<TypeSample> samples) {
    List<DynamicTest> tests = new ArrayList<>();
    for (TypeSample s : samples) {
      s.drift()
          .forEach(
              (property, tamper) ->
                  tests.add(
                      DynamicTest.dynamicTest(
                          "drift " + s.type() + " " + property,
                          () ->
                              assertThat(seen(s, property, tamper))
                                  .as("drift after changing %s on the system", property)
                                  .containsKey(property))));
      s.gaps()
          .forEach(
              (property, gap) ->
                  tests.add(
                      DynamicTest.dynamicTest(
                          "drift " + s.type() + " " + property, () -> knownGap(s, property, gap))));
    }
    return tests;
  }

  /** The type's top-level properties that have neither a check nor a reason. */
  Set<String> uncovered(TypeSample s) {
    ResourceType type = calls.type(s.type());
    Set<String> missing = new TreeSet<>();
    type.schema().path("properties").fieldNames().forEachRemaining(missing::add);
    // secrets are never read back, by design
    missing.removeAll(type.secretProperties());
    missing.removeAll(s.drift().keySet());
    missing.removeAll(s.gaps().keySet());
    missing.removeAll(s.notModelled().keySet());
    return missing;
  }

  /** A known defect stays visible as a skipped test, and fails once it is fixed. */
  private void knownGap(TypeSample s, String property, TypeSample.Gap gap) throws Exception {
    Assumptions.assumeTrue(gap.tamper() != null, "known defect: " + gap.reason());
    boolean seen = seen(s, property, gap.tamper()).containsKey(property);
    Assumptions.assumeTrue(seen, "known defect: " + gap.reason());
    throw new AssertionError(
        "drift on " + property + " is seen now: remove the known gap (" + gap.reason() + ")");
  }

  /** Changes {@code property} on the system and answers the drift the next read shows. */
  private Map<String, String> seen(TypeSample s, String property, Tamper tamper) throws Exception {
    ResourceType type = calls.type(s.type());
    AtomicReference<Map<String, String>> drift = new AtomicReference<>();
    calls.withObject(
        type,
        s.name(),
        s.create(),
        o -> {
          JsonNode expected = ContractCalls.expected(type, o.properties(), property);
          assertThat(expected)
              .as("the sample sets %s (it has no schema default to compare with)", property)
              .isNotNull();
          ContractCalls.assertNoDrift(
              type, o.properties(), calls.readExisting(o), "no drift before the change");
          tamper.change(o);
          LiveResource live = calls.readExisting(o);
          drift.set(ContractCalls.drift(type, o.properties(), live));
        });
    return drift.get();
  }
}
