package io.mcpiac.docker;

import static org.junit.jupiter.api.Assertions.fail;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Network;
import io.mcpiac.docker.client.DockerConnection;
import io.mcpiac.docker.resources.ManagedLabels;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Docker Engine at {@code DOCKER_HOST}, started by {@code scripts/start-docker.sh}. When
 * it does not answer, tests are skipped, or fail when {@code MCP_IAC_REQUIRE_DOCKER=1} (CI).
 */
final class RealDocker implements AutoCloseable {
  /** The base image the start script imports (nothing can be pulled on these machines). */
  static final String BUSYBOX = "mcp-iac-test/busybox:1";

  /** The user label that marks one test's objects (several suites may share one engine). */
  static final String RUN_LABEL = "mcp-iac-test-run";

  final DockerConnection connection = new DockerConnection(null);

  private RealDocker() {}

  static RealDocker require() {
    RealDocker docker = new RealDocker();
    String problem = null;
    try {
      docker.client().pingCmd().exec();
      docker.client().inspectImageCmd(BUSYBOX).exec();
    } catch (NotFoundException e) {
      problem = "the image " + BUSYBOX + " is missing";
    } catch (RuntimeException e) {
      problem = "no Docker Engine answers at " + docker.connection.host() + " (" + e + ")";
    }
    if (problem != null) {
      docker.close();
      String message = problem + "; run `source scripts/start-docker.sh` first";
      if ("1".equals(System.getenv("MCP_IAC_REQUIRE_DOCKER"))) {
        fail("MCP_IAC_REQUIRE_DOCKER=1 but " + message);
      }
      Assumptions.abort("skipped: " + message);
    }
    return docker;
  }

  DockerClient client() {
    return connection.client();
  }

  /**
   * Every object on the engine with our labels and the test's run label ({@code kind:id} lines):
   * what a test checks to show it left nothing behind. Other suites may share the engine.
   */
  TreeSet<String> managedObjects(String run) {
    TreeSet<String> out = new TreeSet<>();
    Map<String, String> filter = Map.of(ManagedLabels.MANAGED, "true", RUN_LABEL, run);
    List<String> labelFilter = List.of(ManagedLabels.MANAGED + "=true", RUN_LABEL + "=" + run);
    for (Container c :
        client().listContainersCmd().withShowAll(true).withLabelFilter(filter).exec()) {
      out.add("container:" + c.getLabels().get(ManagedLabels.ID));
    }
    for (Network n : client().listNetworksCmd().withFilter("label", labelFilter).exec()) {
      out.add("network:" + n.getLabels().get(ManagedLabels.ID));
    }
    var volumes = client().listVolumesCmd().withFilter("label", labelFilter).exec();
    if (volumes.getVolumes() != null) {
      volumes.getVolumes().forEach(v -> out.add("volume:" + v.getLabels().get(ManagedLabels.ID)));
    }
    for (Image i : client().listImagesCmd().withLabelFilter(filter).exec()) {
      out.add("image:" + i.getLabels().get(ManagedLabels.ID));
    }
    return out;
  }

  /** Removes what a failed test left behind, so one failure does not spill into the next test. */
  void removeAll(String run) {
    Map<String, String> filter = Map.of(ManagedLabels.MANAGED, "true", RUN_LABEL, run);
    List<String> labelFilter = List.of(ManagedLabels.MANAGED + "=true", RUN_LABEL + "=" + run);
    for (Container c :
        client().listContainersCmd().withShowAll(true).withLabelFilter(filter).exec()) {
      client().removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
    }
    for (Network n : client().listNetworksCmd().withFilter("label", labelFilter).exec()) {
      client().removeNetworkCmd(n.getId()).exec();
    }
    var volumes = client().listVolumesCmd().withFilter("label", labelFilter).exec();
    if (volumes.getVolumes() != null) {
      volumes.getVolumes().forEach(v -> client().removeVolumeCmd(v.getName()).exec());
    }
    for (Image i : client().listImagesCmd().withLabelFilter(filter).exec()) {
      client().removeImageCmd(i.getId()).withForce(true).exec();
    }
  }

  @Override
  public void close() {
    connection.close();
  }
}
