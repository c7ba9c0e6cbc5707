package io.mcpiac.opnsense;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.execution.Cancellation;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.execution.ProgressListener;
import io.mcpiac.engine.plans.PendingActivation;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.providers.ProviderRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pending vs applied on the firewall's side (the emulator's control API): an activation that fails
 * never leaves a module pending silently; when its writes could not be taken back, the journal
 * holds the failed activation, the plan shows it as drift whose one action is to activate it, and
 * the next apply runs it first. OPNsense itself cannot be asked which modules are pending.
 */
class ActivationTest {
  @TempDir Path dir;

  /** The modules whose saved configuration is not what runs, as the emulator knows it. */
  static List<String> pending(Firewall fw) {
    List<String> out = new ArrayList<>();
    fw.emulator
        .state()
        .path("dirty")
        .properties()
        .forEach(
            e -> {
              if (e.getValue().asBoolean()) {
                out.add(e.getKey());
              }
            });
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/firewall/filter/apply", "/api/haproxy/service/reconfigure"})
  void aFailedActivationDuringApplyRollsBackObjectsAndActivation(String path) throws Exception {
    try (Firewall fw = new Firewall("26.7", dir);
        ProviderRegistry reg = fw.registry()) {
      Engine engine = Firewall.engine(reg, dir);
      Deployment d = Firewall.deployment(reg, FaultsTest.WEB);
      fw.faults("{\"failPaths\":[\"" + path + "\"]}");
      ExecutionResult r = Firewall.apply(engine, d);
      fw.noFaults();
      assertThat(r.success()).isFalse();
      FaultsTest.assertNothing(fw);
      assertThat(pending(fw)).as("modules left pending").isEmpty();
      assertThat(engine.store().unfinished("faults")).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/firewall/filter/apply", "/api/haproxy/service/reconfigure"})
  void aFailedActivationDuringDestroyRestoresObjectsAndActivation(String path) throws Exception {
    try (Firewall fw = new Firewall("26.7", dir);
        ProviderRegistry reg = fw.registry()) {
      Engine engine = Firewall.engine(reg, dir);
      Deployment d = Firewall.deployment(reg, FaultsTest.WEB);
      assertThat(Firewall.apply(engine, d).success()).isTrue();
      fw.faults("{\"failPaths\":[\"" + path + "\"]}");
      Engine.Applied destroyed =
          engine.destroy(
              "faults",
              ExecutionOptions.DEFAULTS,
              p -> true,
              ProgressListener.NONE,
              new Cancellation());
      fw.noFaults();
      assertThat(destroyed.result().success()).isFalse();
      FaultsTest.assertExactlyTheWebDeployment(fw);
      // a module whose activation kept failing while it was rolled back may still differ from
      // what runs: never silently: the journal knows its activation failed, the plan says so
      // (the journal cannot know whether the take-back restored exactly what runs, so it may
      // name more than the firewall holds), and the next apply activates it
      List<String> left = pending(fw);
      Plan plan = Firewall.plan(engine, d);
      assertThat(plan.actions()).noneMatch(a -> a.changesSomething());
      assertThat(plan.activations()).extracting(PendingActivation::scope).containsAll(left);
      assertThat(plan.activations()).isNotEmpty();
      assertThat(Firewall.apply(engine, d) == null || pending(fw).isEmpty()).isTrue();
      assertThat(pending(fw)).isEmpty();
      assertThat(Firewall.plan(engine, d).hasChanges()).isFalse();
    }
  }

  @Test
  void aModuleLeftPendingByAFailureThatCouldNotBeTakenBackIsShownAndActivatedNextTime()
      throws Exception {
    try (Firewall fw = new Firewall("26.7", dir);
        ProviderRegistry reg = fw.registry()) {
      Engine engine = Firewall.engine(reg, dir);
      Deployment d = Firewall.deployment(reg, FaultsTest.WEB);
      // HAProxy cannot be activated, and its writes cannot be taken back either
      fw.faults(
          "{\"failPaths\":[\"/api/haproxy/service/reconfigure\",\"/api/haproxy/settings/del\"]}");
      ExecutionResult r = Firewall.apply(engine, d);
      assertThat(r.success()).isFalse();
      fw.noFaults();
      assertThat(pending(fw)).contains("haproxy");
      // known from the journal: the last activation of haproxy failed
      assertThat(engine.store().unactivated("faults"))
          .extracting(e -> e.resource() + ":" + e.status())
          .contains("haproxy:FAILED");

      Plan plan = Firewall.plan(engine, d);
      assertThat(plan.activations()).contains(new PendingActivation("opnsense", "haproxy"));
      fw.resetCalls();
      assertThat(Firewall.apply(engine, d).success()).isTrue();
      assertThat(fw.calls("POST /api/haproxy/service/reconfigure")).isPositive();
      FaultsTest.assertExactlyTheWebDeployment(fw);
      assertThat(pending(fw)).isEmpty();
      assertThat(Firewall.plan(engine, d).hasChanges()).isFalse();
    }
  }
}
