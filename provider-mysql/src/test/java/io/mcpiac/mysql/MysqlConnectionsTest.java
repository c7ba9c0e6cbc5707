package io.mcpiac.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.resources.ResourceType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The provider's kept connections against a server that closes them (wait_timeout, restart). */
class MysqlConnectionsTest {
  @Test
  void aConnectionTheServerClosedIsNotUsedAgain() throws Exception {
    try (RealMariaDb server = RealMariaDb.require();
        MysqlProvider provider = server.provider()) {
      ResourceType db = provider.resourceType("mysql:database").orElseThrow();
      List<ReadRequest> missing =
          List.of(new ReadRequest("x", server.run() + "_none", Json.object(), Json.object()));
      assertThat(provider.read(db, missing)).isEmpty();
      server.killOtherSessions();
      assertThat(provider.read(db, missing)).as("read on a fresh connection").isEmpty();
    }
  }
}
