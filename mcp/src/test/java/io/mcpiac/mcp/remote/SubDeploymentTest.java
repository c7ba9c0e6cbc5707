package io.mcpiac.mcp.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.Engine;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.core.CoreProvider;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.states.DeploymentState;
import io.mcpiac.engine.states.Deposed;
import io.mcpiac.engine.states.JournalEntry;
import io.mcpiac.engine.states.ResourceRecord;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import io.mcpiac.mcp.server.HttpServer;
import io.mcpiac.mcp.server.HttpSettings;
import io.mcpiac.mcp.server.IacServer;
import io.mcpiac.mcp.server.ServerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One server's part, driven through the typed client over Streamable HTTP against a real IaC server
 * (core provider): each result carries an explicit undo token that the same part understands, the
 * server's types come back with every field, and a create-before-destroy replacement leaves the
 * server with the new object.
 */
class SubDeploymentTest {
  static final String PART = "orchestrated";

  @TempDir Path dir;
  StateStore store;
  IacServer iac;
  HttpServer http;
  SubDeployment part;

  @BeforeEach
  void start() throws Exception {
    store = StateStores.open("sqlite:" + dir.resolve("server.db"));
    iac =
        new IacServer(
            new Engine(new ProviderRegistry().register("core", new CoreProvider()), store),
            new ServerSettings("mcp-iac", "test", false));
    http = HttpServer.start(iac, HttpSettings.loopback(0, null));
    part =
        new SubDeployment(
            new RemoteServer(
                new ServerSpec(
                    "app",
                    List.of("core"),
                    null,
                    Map.of(),
                    http.url(),
                    null,
                    Duration.ofSeconds(60))),
            PART);
  }

  @AfterEach
  void stop() {
    part.server().close();
    http.close();
    iac.close();
    store.close();
  }

  private ResourceType data() {
    return part.types().stream()
        .filter(t -> t.name().equals("core:data"))
        .findFirst()
        .orElseThrow();
  }

  private DeploymentState server() {
    return store.load(PART).orElse(DeploymentState.empty(PART));
  }

  private Change create(String name, String props) {
    return new Change(
        Change.Kind.CREATE,
        name,
        data(),
        "new-" + name,
        null,
        Json.parseObject(props),
        Json.object());
  }

  @Test
  void theServersTypesKeepEveryField() {
    assertThat(part.types()).contains(new CoreProvider().resourceTypes().get(0));
    assertThat(data().createBeforeDestroy()).isTrue();
  }

  @Test
  void aSecretInAPropertyTheServerDoesNotKeepSecretIsRefusedNotStoredInClear() {
    var props = Json.object();
    props.set("input", io.mcpiac.engine.resources.Secrets.text("s3cret-value"));
    Change c = new Change(Change.Kind.CREATE, "s", data(), "new-s", null, props, Json.object());
    ChangeResult r = part.apply(List.of(c)).get(0);
    assertThat(r.success()).isFalse();
    assertThat(r.error()).contains("'s'").contains("'input'").doesNotContain("s3cret-value");
    assertThat(server().resources()).isEmpty();
  }

  @Test
  void aResultCarriesAnUndoTokenThatRollsTheServerBack() {
    ChangeResult first = part.apply(List.of(create("a", "{\"input\": 1}"))).get(0);
    assertThat(first.success()).as(String.valueOf(first.error())).isTrue();
    assertThat(first.undoToken()).isNotNull();
    ChangeResult second = part.apply(List.of(create("b", "{\"input\": 2}"))).get(0);
    assertThat(server().resources()).containsOnlyKeys("a", "b");

    // the engine hands the undo back as it got it; the part rolls the server back to its snapshot
    assertThat(second.undo().kind()).isEqualTo(Change.Kind.DELETE);
    assertThat(part.apply(List.of(second.undo())).get(0).success()).isTrue();
    assertThat(server().resources()).containsOnlyKeys("a");
    // undoing the first batch: the server had no part before it
    assertThat(part.apply(List.of(first.undo())).get(0).success()).isTrue();
    assertThat(server().resources()).isEmpty();
    assertThat(part.rollbacks()).hasSize(2).allMatch(ServerRollback::success);
  }

  /** The engine's delete of a's old object (input 1), once the replacement created the new one. */
  private Change deleteOld(String oldId) {
    return new Change(
        Change.Kind.DELETE,
        "a",
        data(),
        oldId,
        Json.parseObject("{\"input\": 1, \"triggersReplace\": 1}"),
        null,
        Json.object());
  }

  @Test
  void aCreateBeforeDestroyReplacementLeavesTheNewObject() {
    ChangeResult old =
        part.apply(List.of(create("a", "{\"input\": 1, \"triggersReplace\": 1}"))).get(0);
    String oldId = old.id();
    ChangeResult created =
        part.apply(List.of(create("a", "{\"input\": 2, \"triggersReplace\": 2}"))).get(0);
    assertThat(created.success()).as(String.valueOf(created.error())).isTrue();
    assertThat(created.id()).isNotEqualTo(oldId);

    ChangeResult deleted = part.apply(List.of(deleteOld(oldId))).get(0);
    assertThat(deleted.success()).isTrue();
    assertThat(server().resources()).containsOnlyKeys("a");
    assertThat(server().resources().get("a").id()).isEqualTo(created.id());
    assertThat(server().resources().get("a").properties().path("input").asInt()).isEqualTo(2);
  }

  /**
   * After a restart of the orchestrator (a new part, which never saw the replacement), the delete
   * of the old object that a stopped run left recorded (deposed) leaves the server's new one.
   */
  @Test
  void anOldObjectsDeleteAfterARestartLeavesTheServersNewObject() {
    String oldId =
        part.apply(List.of(create("a", "{\"input\": 1, \"triggersReplace\": 1}"))).get(0).id();
    String newId =
        part.apply(List.of(create("a", "{\"input\": 2, \"triggersReplace\": 2}"))).get(0).id();
    SubDeployment restarted = new SubDeployment(part.server(), PART);

    Change deposed = deleteOld(oldId);
    deposed =
        new Change(
            deposed.kind(),
            Deposed.name("a", oldId),
            deposed.type(),
            oldId,
            deposed.prior(),
            null,
            deposed.priorOutputs());
    ChangeResult deleted = restarted.apply(List.of(deposed)).get(0);
    assertThat(deleted.success()).as(String.valueOf(deleted.error())).isTrue();
    assertThat(server().resources()).containsOnlyKeys("a");
    assertThat(server().resources().get("a").id()).isEqualTo(newId);
  }

  /**
   * A server whose own run stopped after a replacement keeps the old object recorded, deposed: the
   * part does not send it back as configuration (its name is none), and the server's plan deletes
   * it.
   */
  @Test
  void anOldObjectAStoppedRunOfTheServerLeftIsDeletedByTheServersNextPlan() {
    assertThat(part.apply(List.of(create("a", "{\"input\": 1}"))).get(0).success()).isTrue();
    ResourceRecord a = server().resource("a").orElseThrow();
    ResourceRecord old =
        Deposed.of(
            new ResourceRecord(
                "a",
                a.type(),
                a.provider(),
                "old-a",
                a.properties(),
                a.outputs(),
                List.of(),
                a.state()));
    JournalEntry e =
        store
            .journalIntents(
                List.of(
                    JournalEntry.intent(
                        PART,
                        store.version(PART),
                        JournalEntry.Phase.APPLY,
                        Change.Kind.CREATE,
                        old)))
            .get(0);
    store.journalFinishRecords(e, JournalEntry.Status.DONE, null, List.of(old), null);
    assertThat(server().resources()).containsKey(old.name());

    ChangeResult b = part.apply(List.of(create("b", "{\"input\": 2}"))).get(0);
    assertThat(b.success()).as(String.valueOf(b.error())).isTrue();
    assertThat(server().resources()).containsOnlyKeys("a", "b");
  }
}
