package io.mcpiac.mcp.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The order a server needs among its own resources, found again in resolved values. */
class DependenciesTest {
  static ObjectNode resource(String name, String props) {
    ObjectNode r = Json.object();
    r.put("name", name);
    r.set("properties", Json.parseObject(props));
    return r;
  }

  @Test
  void aResolvedIdMeansADependencyAndACycleIsNeverMade() {
    Map<String, ObjectNode> desired = new LinkedHashMap<>();
    desired.put("web-1", resource("web-1", "{\"address\": \"10.0.0.1\"}"));
    desired.put("backend", resource("backend", "{\"servers\": [\"uuid-of-web-1\"]}"));
    desired.put("odd", resource("odd", "{\"peer\": \"uuid-of-backend\"}"));
    Map<String, Recorded> recorded = new LinkedHashMap<>();
    recorded.put(
        "web-1",
        new Recorded("web-1", "t", "uuid-of-web-1", Json.object(), Json.object(), List.of()));
    recorded.put(
        "backend",
        new Recorded(
            "backend",
            "t",
            "uuid-of-backend",
            Json.object(),
            Json.parseObject("{\"uuid\": \"uuid-of-backend\"}"),
            List.of("odd")));
    Dependencies.infer(desired, recorded, Map.of("backend", List.of("odd")));
    assertThat(desired.get("backend").path("dependsOn").toString())
        .contains("web-1")
        .contains("odd");
    // odd -> backend would close a cycle with the recorded backend -> odd
    assertThat(desired.get("odd").has("dependsOn")).isFalse();
    assertThat(desired.get("web-1").has("dependsOn")).isFalse();
  }
}
