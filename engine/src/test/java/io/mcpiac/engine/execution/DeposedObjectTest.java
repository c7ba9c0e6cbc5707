package io.mcpiac.engine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.DeploymentLoader;
import io.mcpiac.engine.config.DeploymentValidator;
import io.mcpiac.engine.plans.ActionType;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.states.DeploymentState;
import io.mcpiac.engine.states.Deposed;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The old object of a create-before-destroy replacement stays recorded (deposed) whenever a run
 * stops before deleting it, here because an answer was lost: state names every object on the
 * system, and the next run deletes the old one once the frontend serving it has moved.
 */
class DeposedObjectTest {
  @TempDir Path dir;

  private static Deployment deployment(EngineFixture f, int lifetime) {
    String yaml =
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: tls}
        spec:
          resources:
            - {type: "certs:cert", name: cert, properties: {lifetime: %d}}
            - {type: "certs:frontend", name: web, properties: {cert: "${cert.id}"}}
        """
            .formatted(lifetime);
    return DeploymentValidator.requireValid(DeploymentLoader.load(yaml, "<test>"), f.registry);
  }

  private EngineFixture fixture(CertificatesProvider system) {
    EngineFixture f = new EngineFixture("sqlite:" + dir.resolve("state.db"));
    f.registry.register("certs", system);
    return f;
  }

  @Test
  void aLostAnswerOfTheNewObjectsCreateKeepsTheOldOneRecordedUntilTheNextRunDeletesIt() {
    CertificatesProvider system = new CertificatesProvider();
    try (EngineFixture f = fixture(system)) {
      assertThat(f.apply(deployment(f, 90)).success()).isTrue();
      String oldId = f.engine.state("tls").resource("cert").orElseThrow().id();

      system.loseAnswer = c -> c.kind() == Change.Kind.CREATE && c.name().equals("cert");
      ExecutionResult lost = f.apply(deployment(f, 365));
      assertThat(lost.success()).isFalse();
      assertThat(system.certificates()).as("both are on the system").hasSize(2);
      DeploymentState state = f.engine.state("tls");
      String newId = state.resource("cert").orElseThrow().id();
      assertThat(newId).isNotEqualTo(oldId);
      assertThat(state.resource(Deposed.name("cert", oldId)).orElseThrow().id()).isEqualTo(oldId);

      system.loseAnswer = c -> false;
      ExecutionResult next = f.apply(deployment(f, 365));
      assertThat(next.success()).as(String.valueOf(next.error())).isTrue();
      assertThat(system.certificates()).containsExactly(newId);
      assertThat(system.objects.get(f.engine.state("tls").resource("web").orElseThrow().id()))
          .hasToString("{\"cert\":\"" + newId + "\"}");
      assertThat(f.engine.state("tls").resources()).containsOnlyKeys("cert", "web");
      assertThat(f.plan(deployment(f, 365)).hasChanges()).isFalse();
    }
  }

  @Test
  void aLostAnswerOfTheOldObjectsDeleteLeavesStateTrueAndTheNextRunConverges() {
    CertificatesProvider system = new CertificatesProvider();
    try (EngineFixture f = fixture(system)) {
      assertThat(f.apply(deployment(f, 90)).success()).isTrue();
      String oldId = f.engine.state("tls").resource("cert").orElseThrow().id();

      // the old certificate is deleted, then the answer is lost: the run fails and rolls back,
      // which deletes the new one; the old one is gone already, so nothing of cert is left
      system.loseAnswer = c -> c.kind() == Change.Kind.DELETE && c.id().equals(oldId);
      ExecutionResult lost = f.apply(deployment(f, 365));
      assertThat(lost.success()).isFalse();
      assertThat(lost.rolledBack()).isTrue();
      assertThat(system.certificates()).isEmpty();
      assertThat(f.engine.state("tls").resources())
          .as("state names no certificate either, deposed or not")
          .containsOnlyKeys("web");

      system.loseAnswer = c -> false;
      ExecutionResult next = f.apply(deployment(f, 365));
      assertThat(next.success()).as(String.valueOf(next.error())).isTrue();
      String newId = f.engine.state("tls").resource("cert").orElseThrow().id();
      assertThat(system.certificates()).containsExactly(newId);
      assertThat(system.objects.get(f.engine.state("tls").resource("web").orElseThrow().id()))
          .hasToString("{\"cert\":\"" + newId + "\"}");
      assertThat(f.plan(deployment(f, 365)).hasChanges()).isFalse();
    }
  }

  /** {@code ${cert.id}} of a replaced cert is the new object's: unknown at plan time. */
  @Test
  void whatRefersToAReplacedObjectsIdMovesToTheNewObject() {
    CertificatesProvider system = new CertificatesProvider();
    try (EngineFixture f = fixture(system)) {
      assertThat(f.apply(deployment(f, 90)).success()).isTrue();

      Plan plan = f.plan(deployment(f, 365));
      assertThat(plan.action("cert").orElseThrow().action()).isEqualTo(ActionType.REPLACE);
      assertThat(plan.action("web").orElseThrow().action())
          .as("before, the plan kept the old id and the old certificate could not go")
          .isEqualTo(ActionType.UPDATE);

      ExecutionResult r = f.apply(deployment(f, 365));
      assertThat(r.success()).as(String.valueOf(r.error())).isTrue();
      String newId = f.engine.state("tls").resource("cert").orElseThrow().id();
      assertThat(system.certificates()).containsExactly(newId);
      assertThat(system.objects.get(f.engine.state("tls").resource("web").orElseThrow().id()))
          .hasToString("{\"cert\":\"" + newId + "\"}");
    }
  }
}
