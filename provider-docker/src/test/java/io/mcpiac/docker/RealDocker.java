package io.mcpiac.docker;

import static org.junit.jupiter.api.Assertions.fail;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Network;
import io.mcpiac.docker.client.DockerConnection;
import io.mcpiac.docker.resources.ManagedLabels;
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
   * Every object on the engine that carries our labels, as {@code kind:id label} lines: what a test
   * compares before and after to show it left nothing behind.
   */
  TreeSet<String> managedObjects() {
    TreeSet<String> out = new TreeSet<>();
    Map<String, String> filter = Map.of(ManagedLabels.MANAGED, "true");
    for (Container c :
        client().listContainersCmd().withShowAll(true).withLabelFilter(filter).exec()) {
      out.add("container:" + c.getLabels().get(ManagedLabels.ID));
    }
    for (Network n :
        client().listNetworksCmd().withFilter("label", ManagedLabels.managedFilter()).exec()) {
      out.add("network:" + n.getLabels().get(ManagedLabels.ID));
    }
    var volumes =
        client().listVolumesCmd().withFilter("label", ManagedLabels.managedFilter()).exec();
    if (volumes.getVolumes() != null) {
      volumes.getVolumes().forEach(v -> out.add("volume:" + v.getLabels().get(ManagedLabels.ID)));
    }
    for (Image i : client().listImagesCmd().withLabelFilter(filter).exec()) {
      out.add("image:" + i.getLabels().get(ManagedLabels.ID));
    }
    return out;
  }

  /**
   * Removes what a failed test left behind (anything labelled that was not there before), so one
   * failure does not spill into the next test.
   */
  void removeAllBut(TreeSet<String> keep) {
    Map<String, String> filter = Map.of(ManagedLabels.MANAGED, "true");
    for (Container c :
        client().listContainersCmd().withShowAll(true).withLabelFilter(filter).exec()) {
      if (!keep.contains("container:" + c.getLabels().get(ManagedLabels.ID))) {
        client().removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
      }
    }
    for (Network n :
        client().listNetworksCmd().withFilter("label", ManagedLabels.managedFilter()).exec()) {
      if (!keep.contains("network:" + n.getLabels().get(ManagedLabels.ID))) {
        client().removeNetworkCmd(n.getId()).exec();
      }
    }
    var volumes =
        client().listVolumesCmd().withFilter("label", ManagedLabels.managedFilter()).exec();
    if (volumes.getVolumes() != null) {
      volumes.getVolumes().stream()
          .filter(v -> !keep.contains("volume:" + v.getLabels().get(ManagedLabels.ID)))
          .forEach(v -> client().removeVolumeCmd(v.getName()).exec());
    }
    for (Image i : client().listImagesCmd().withLabelFilter(filter).exec()) {
      if (!keep.contains("image:" + i.getLabels().get(ManagedLabels.ID))) {
        client().removeImageCmd(i.getId()).withForce(true).exec();
      }
    }
  }

  @Override
  public void close() {
    connection.close();
  }
}
