package io.mcpiac.docker.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ContainerConfig;
import io.mcpiac.engine.json.Json;
import org.junit.jupiter.api.Test;

/**
 * What Docker adds on its own (the image's ENV and CMD) is not the container's env or command, and
 * mounts compare as source, target and read-only: an unchanged container reads as its record.
 */
class ContainerConfigReadTest {
  private static final ContainerConfig IMAGE =
      read(
          "{\"Env\": [\"PATH=/usr/bin:/bin\", \"LANG=C\"], \"Cmd\": [\"nginx\", \"-g\", \"daemon off;\"]}",
          ContainerConfig.class);

  @Test
  void imageEnvAndCmdAndSameMountsAreNoChange() {
    ObjectNode recorded =
        Json.parseObject(
            """
            {"image": "web", "env": {"A": 1},
             "volumes": [{"source": "data", "target": "/var/lib/data"},
                         {"source": "/srv/site", "target": "/www", "readOnly": true}]}
            """);
    ObjectNode props = report(inspected("[\"nginx\", \"-g\", \"daemon off;\"]"), recorded);
    assertThat(props.has("command")).isFalse();
    assertThat(props.get("env")).isEqualTo(recorded.get("env"));
    assertThat(props.get("volumes")).isEqualTo(recorded.get("volumes"));
  }

  @Test
  void anotherCommandAnotherEnvValueAndAnImageVariableChangedAreShown() {
    ObjectNode recorded = Json.parseObject("{\"image\": \"web\", \"env\": {\"A\": \"1\"}}");
    InspectContainerResponse c =
        read(
            """
            {"Config": {"Cmd": ["sleep", "1"], "Env": ["PATH=/opt/bin", "LANG=C", "A=1"]},
             "HostConfig": {"Binds": ["/tmp:/mnt:rw"],
                            "Mounts": [{"Type": "volume", "Source": "logs", "Target": "/logs",
                                        "ReadOnly": true}]}}
            """,
            InspectContainerResponse.class);
    ObjectNode props = report(c, recorded);
    assertThat(props.get("command")).isEqualTo(Json.parse("[\"sleep\", \"1\"]"));
    assertThat(props.get("env")).isEqualTo(Json.parse("{\"PATH\": \"/opt/bin\", \"A\": \"1\"}"));
    assertThat(props.get("volumes"))
        .isEqualTo(
            Json.parse(
                "[{\"source\": \"/tmp\", \"target\": \"/mnt\"},"
                    + " {\"source\": \"logs\", \"target\": \"/logs\", \"readOnly\": true}]"));
  }

  private static InspectContainerResponse inspected(String cmd) {
    return read(
        """
        {"Config": {"Cmd": %s, "Env": ["PATH=/usr/bin:/bin", "LANG=C", "A=1"]},
         "HostConfig": {"Binds": ["data:/var/lib/data", "/srv/site:/www:ro"]}}
        """
            .formatted(cmd),
        InspectContainerResponse.class);
  }

  private static ObjectNode report(InspectContainerResponse c, ObjectNode recorded) {
    ObjectNode props = Json.object();
    ContainerConfigRead.report(props, c, () -> IMAGE, recorded);
    return props;
  }

  private static <T> T read(String json, Class<T> type) {
    try {
      return Json.MAPPER.readValue(json, type);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
