package io.mcpiac.engine.execution;

import io.mcpiac.engine.states.postgres.EmbeddedPostgresServer;
import java.nio.file.Path;

/** The databases the execution tests run on: each test gets an empty state of its own. */
enum StateBackend {
  SQLITE {
    @Override
    String freshLocation(Path dir) {
      return "sqlite:" + dir.resolve("state.db");
    }
  },
  POSTGRESQL {
    @Override
    String freshLocation(Path dir) {
      return EmbeddedPostgresServer.location(EmbeddedPostgresServer.freshDatabase());
    }
  };

  /** A location with no state yet; {@code dir} is the test's temporary directory. */
  abstract String freshLocation(Path dir);
}
