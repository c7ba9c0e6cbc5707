package io.mcpiac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.states.DeploymentState;
import io.mcpiac.engine.states.JournalEntry;
import io.mcpiac.engine.states.LockInfo;
import io.mcpiac.engine.states.StateExport;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code state unlock|export|import|migrate} as a user drives them, on SQLite and PostgreSQL. */
class StateCommandTest {
  @TempDir Path dir;
  Path web;
  Path db;

  @BeforeEach
  void writeDeployments() throws Exception {
    web = deploymentFile("web", "8080");
    db = deploymentFile("db", "5432");
  }

  private Path deploymentFile(String name, String port) throws Exception {
    Path file = dir.resolve(name + "-" + port + ".yaml");
    Files.writeString(
        file,
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: %s}
        spec:
          resources:
            - type: core:data
              name: backend
              properties: {input: "10.0.0.5:%s"}
            - type: core:data
              name: frontend
              properties: {input: "http://${backend.output}"}
        """
            .formatted(name, port));
    return file;
  }

  /** A fresh, empty state location of {@code backend}'s kind. */
  private String freshState(String backend) throws Exception {
    return switch (backend) {
      case "sqlite" -> "sqlite:" + Files.createTempDirectory(dir, "state").resolve("state.db");
      case "postgresql" -> PostgresServer.freshLocation();
      default -> throw new IllegalArgumentException(backend);
    };
  }

  private static void apply(Path file, String state) {
    Cli.Run applied = Cli.run("apply", "-f", file.toString(), "--yes", "--state", state);
    assertThat(applied.exit()).as(applied.printed()).isZero();
  }

  private static void assertNoChanges(Path file, String state) {
    Cli.Run plan = Cli.run("plan", "-f", file.toString(), "--state", state, "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.printed()).isZero();
  }

  private static DeploymentState load(String state, String name) {
    try (StateStore store = StateStores.open(state)) {
      return store.load(name).orElseThrow();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void unlockRefusesWithoutForceAndNamesTheHolderItRemoves(String backend) throws Exception {
    String state = freshState(backend);
    LockInfo stuck = new LockInfo("ci-bot", "runner-7.example", 4242, Instant.now(), "apply");
    try (StateStore holder = StateStores.open(state)) {
      holder.lock("web", stuck);

      Cli.Run refused = Cli.run("state", "unlock", "web", "--state", state);
      assertThat(refused.exit()).as(refused.printed()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(refused.err()).contains("ci-bot", "runner-7.example", "pid 4242", "--force");
      try (StateStore store = StateStores.open(state)) {
        assertThat(store.lockHolder("web")).map(LockInfo::host).contains("runner-7.example");
      }

      Cli.Run forced = Cli.run("state", "unlock", "web", "--force", "--state", state);
      assertThat(forced.exit()).as(forced.printed()).isZero();
      assertThat(forced.err()).contains("warning", "ci-bot", "runner-7.example", "pid 4242");
      try (StateStore store = StateStores.open(state)) {
        assertThat(store.lockHolder("web")).isEmpty();
      }
      apply(web, state);
    }
    Cli.Run free = Cli.run("state", "unlock", "web", "--state", state);
    assertThat(free.exit()).isZero();
    assertThat(free.out()).contains("not locked");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void exportThenImportElsewhereGivesTheSameStateAndCheckpoints(String backend) throws Exception {
    String state = freshState(backend);
    apply(web, state);
    Cli.Run checkpoint =
        Cli.run("checkpoint", "create", "web", "-m", "first release", "--state", state);
    assertThat(checkpoint.exit()).as(checkpoint.printed()).isZero();
    Path exported = dir.resolve("out/web.json");

    Cli.Run export =
        Cli.run("state", "export", "web", "--out", exported.toString(), "--state", state);

    assertThat(export.exit()).as(export.printed()).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(exported)))
        .isEqualTo("rw-------");
    JsonNode json = Json.parse(Files.readString(exported));
    assertThat(json.get("format").asText()).isEqualTo(StateExport.FORMAT);
    assertThat(json.get("deployment").asText()).isEqualTo("web");
    assertThat(json.get("version").asLong()).isEqualTo(load(state, "web").version());
    assertThat(json.get("resources")).hasSize(2);
    assertThat(json.get("checkpoints")).hasSize(1);
    assertThat(json.at("/checkpoints/0/description").asText()).isEqualTo("first release");
    Cli.Run toStdout = Cli.run("state", "export", "web", "--state", state);
    assertThat(Json.parse(toStdout.out())).isEqualTo(json);

    String elsewhere = freshState(backend.equals("sqlite") ? "postgresql" : "sqlite");
    Cli.Run imported = Cli.run("state", "import", exported.toString(), "--state", elsewhere);

    assertThat(imported.exit()).as(imported.printed()).isZero();
    assertThat(imported.out()).contains("'web'", "version 1");
    assertThat(load(elsewhere, "web").resources()).isEqualTo(load(state, "web").resources());
    Cli.Run checkpoints = Cli.run("checkpoint", "list", "web", "--state", elsewhere);
    assertThat(checkpoints.out()).contains(json.at("/checkpoints/0/id").asText(), "first release");
    assertNoChanges(web, elsewhere);
  }

  @Test
  void importRefusesToReplaceANewerStateUnlessForced() throws Exception {
    String state = freshState("postgresql");
    apply(web, state);
    Path exported = dir.resolve("web-v1.json");
    assertThat(
            Cli.run("state", "export", "web", "-o", exported.toString(), "--state", state).exit())
        .isZero();
    Path changed = deploymentFile("web", "9090");
    apply(changed, state);
    long before = load(state, "web").version();

    Cli.Run refused = Cli.run("state", "import", exported.toString(), "--state", state);

    assertThat(refused.exit()).as(refused.printed()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(refused.err()).contains("version " + before, "--force");
    assertThat(load(state, "web").version()).isEqualTo(before);
    assertNoChanges(changed, state);

    Cli.Run forced = Cli.run("state", "import", exported.toString(), "--force", "--state", state);

    assertThat(forced.exit()).as(forced.printed()).isZero();
    assertThat(load(state, "web").version()).isEqualTo(before + 1);
    assertNoChanges(web, state);

    Path garbage = Files.writeString(dir.resolve("garbage.json"), "{\"format\": \"other\"}");
    Cli.Run invalid = Cli.run("state", "import", garbage.toString(), "--state", state);
    assertThat(invalid.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(invalid.err()).contains("not a state export", StateExport.FORMAT);
  }

  @Test
  void migrateMovesEveryDeploymentFromSqliteToPostgresqlAndBack() throws Exception {
    String sqlite = freshState("sqlite");
    apply(web, sqlite);
    apply(db, sqlite);
    assertThat(Cli.run("checkpoint", "create", "db", "-m", "kept", "--state", sqlite).exit())
        .isZero();
    String database = PostgresServer.freshDatabase();
    String withPassword = PostgresServer.location(database, "postgres:s3cret-pw");

    Cli.Run migrated = Cli.run("state", "migrate", "--from", sqlite, "--to", withPassword);

    assertThat(migrated.exit()).as(migrated.printed()).isZero();
    assertThat(migrated.out().lines().filter(l -> l.startsWith("web: ") || l.startsWith("db: ")))
        .hasSize(2);
    assertThat(migrated.out()).contains("db: ", "1 checkpoints", "Migrated 2 deployments");
    assertThat(migrated.out() + migrated.err()).doesNotContain("s3cret-pw");
    String postgres = PostgresServer.location(database, "postgres");
    assertThat(load(postgres, "web").resources()).isEqualTo(load(sqlite, "web").resources());
    assertThat(load(postgres, "db").resources()).isEqualTo(load(sqlite, "db").resources());
    assertNoChanges(web, postgres);
    assertNoChanges(db, postgres);

    Cli.Run again = Cli.run("state", "migrate", "--from", sqlite, "--to", withPassword);
    assertThat(again.exit()).as(again.printed()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(again.err()).contains("web", "db", "--force").doesNotContain("s3cret-pw");
    assertThat(load(postgres, "web").version()).isEqualTo(1);

    Cli.Run forced = Cli.run("state", "migrate", "--from", sqlite, "--to", postgres, "--force");
    assertThat(forced.exit()).as(forced.printed()).isZero();
    assertThat(load(postgres, "web").version()).isEqualTo(2);

    String back = freshState("sqlite");
    Cli.Run returned = Cli.run("state", "migrate", "--from", withPassword, "--to", back);
    assertThat(returned.exit()).as(returned.printed()).isZero();
    assertThat(returned.out()).doesNotContain("s3cret-pw");
    assertThat(load(back, "db").resources()).isEqualTo(load(sqlite, "db").resources());
    assertThat(Cli.run("checkpoint", "list", "db", "--state", back).out()).contains("kept");
    assertNoChanges(web, back);
  }

  @Test
  void migrateRefusesALockedDeploymentAndWritesNothing() throws Exception {
    String sqlite = freshState("sqlite");
    apply(web, sqlite);
    apply(db, sqlite);
    String postgres = PostgresServer.freshLocation();
    try (StateStore holder = StateStores.open(sqlite)) {
      holder.lock("web", new LockInfo("alice", "laptop.example", 77, Instant.now(), "apply"));

      Cli.Run refused = Cli.run("state", "migrate", "--from", sqlite, "--to", postgres);

      assertThat(refused.exit()).as(refused.printed()).isEqualTo(ExitCodes.FAILED);
      assertThat(refused.err()).contains("alice", "laptop.example");
    }
    try (StateStore target = StateStores.open(postgres)) {
      assertThat(target.deployments()).isEmpty();
    }
  }

  @Test
  void migrateRefusesADeploymentAnInterruptedRunLeftUnfinished() throws Exception {
    String sqlite = freshState("sqlite");
    apply(web, sqlite);
    try (StateStore store = StateStores.open(sqlite)) {
      long version = store.beginVersion("web");
      store.journalIntents(
          List.of(
              new JournalEntry(
                  0,
                  "web",
                  version,
                  JournalEntry.Phase.APPLY,
                  Change.Kind.CREATE,
                  "extra",
                  "core:data",
                  "core",
                  "extra-id",
                  Json.object(),
                  JournalEntry.Status.INTENT,
                  null,
                  null,
                  null)));
    }
    String postgres = PostgresServer.freshLocation();

    Cli.Run refused = Cli.run("state", "migrate", "--from", sqlite, "--to", postgres);

    assertThat(refused.exit()).as(refused.printed()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(refused.err()).contains("unfinished", "web", "nothing was migrated");
    try (StateStore target = StateStores.open(postgres)) {
      assertThat(target.deployments()).isEmpty();
    }
  }
}
