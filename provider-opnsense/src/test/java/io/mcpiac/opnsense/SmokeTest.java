package io.mcpiac.opnsense;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.providers.ProviderRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmokeTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"26.1", "26.7"})
  void smoke(String version) throws Exception {
    try (Firewall fw = new Firewall(version, dir);
        ProviderRegistry reg = fw.registry()) {
      Engine engine = Firewall.engine(reg, dir);
      String yaml = java.nio.file.Files.readString(Path.of("../examples/opnsense-web.yaml"));
      Deployment d = Firewall.deployment(reg, yaml);
      ExecutionResult r = Firewall.apply(engine, d);
      System.out.println(r);
      assertThat(r.success()).as(String.valueOf(r.error())).isTrue();
      Plan p = Firewall.plan(engine, d);
      System.out.println(new io.mcpiac.engine.plans.PlanRenderer(false).render(p));
      assertThat(p.hasChanges()).isFalse();
      System.out.println(fw.calls());
    }
  }
}
