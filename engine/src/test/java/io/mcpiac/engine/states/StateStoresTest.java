package io.mcpiac.engine.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoresTest {
  @TempDir Path directory;

  private static final Path WORKING_DIRECTORY = Path.of("").toAbsolutePath();

  @Test
  void sqliteLocationsAreResolvedAgainstTheWorkingDirectory() {
    assertThat(StateStores.sqlitePath("sqlite:.mcp-iac/state.db"))
        .isEqualTo(WORKING_DIRECTORY.resolve(".mcp-iac/state.db"));
    assertThat(StateStores.sqlitePath("states/prod.db"))
        .isEqualTo(WORKING_DIRECTORY.resolve("states/prod.db"));
    assertThat(StateStores.sqlitePath("SQLite:/var/lib/x/../state.db"))
        .isEqualTo(Path.of("/var/lib/state.db"));
    assertThat(StateStores.sqlitePath("  /tmp/state.db ")).isEqualTo(Path.of("/tmp/state.db"));
  }

  @Test
  void openCreatesTheFileAndKeepsItsContentAcrossOpens() {
    Path file = directory.resolve("a/b/state.db");
    try (StateStore store = StateStores.open("sqlite:" + file)) {
      assertThat(store.location()).isEqualTo("sqlite:" + file);
      store.beginVersion("app");
    }
    try (StateStore store = StateStores.open(file.toString())) {
      assertThat(store.version("app")).isEqualTo(1);
    }
    assertThat(file).isRegularFile();
  }

  @Test
  void postgresqlLocationsOpenPostgresqlAndNeverRepeatThePassword() {
    assertThat(StateStores.isPostgresql(" PostgreSQL://db/state")).isTrue();
    assertThat(StateStores.isPostgresql("postgres://db/state")).isTrue();
    assertThat(StateStores.isPostgresql("sqlite:postgresql.db")).isFalse();
    assertThatThrownBy(() -> StateStores.open("postgresql://ci:s3cret@127.0.0.1:1/state"))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("postgresql://ci@127.0.0.1:1/state")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void passwordsAreRemovedFromUnknownLocations() {
    assertThatThrownBy(() -> StateStores.open("mysql://ci:s3cret@db/state"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mysql://ci@db/state")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void unknownLocationsAreRefused() {
    assertThatThrownBy(() -> StateStores.open("mysql://db/state"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mysql://db/state");
    assertThatThrownBy(() -> StateStores.open("sqlite:"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StateStores.open(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aHeartbeatMustComeBeforeTheLeaseEnds() {
    assertThatThrownBy(
            () ->
                new StoreSettings(
                    Duration.ofSeconds(10), Duration.ofSeconds(10), Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(StoreSettings.defaults().lockLease()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void theDefaultLocationComesFromTheEnvironmentOrIsTheProjectFile() {
    assertThat(StateStores.defaultLocation(Map.of())).isEqualTo("sqlite:.mcp-iac/state.db");
    assertThat(StateStores.defaultLocation(Map.of("MCP_IAC_STATE", " ")))
        .isEqualTo(StateStores.DEFAULT_LOCATION);
    assertThat(StateStores.defaultLocation(Map.of("MCP_IAC_STATE", "sqlite:/srv/state.db")))
        .isEqualTo("sqlite:/srv/state.db");
    assertThat(StateStores.defaultLocation()).isNotBlank();
  }
}
