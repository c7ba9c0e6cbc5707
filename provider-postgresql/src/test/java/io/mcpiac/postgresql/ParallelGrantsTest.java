package io.mcpiac.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.execution.ActionResult;
import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.postgresql.resources.GrantHandler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Terraform provider's #178: grants on the same objects applied in parallel fail with {@code
 * tuple concurrently updated}. Here eight roles get privileges on the same tables, through the
 * engine at parallelism 8 and through the provider from eight threads at once, without a failure;
 * the catalog then shows each role's privileges on each table.
 */
class ParallelGrantsTest {
  @TempDir Path dir;

  @Test
  void eightRolesGrantedInParallelThroughTheEngineWithoutAFailure() {
    String db = TestServer.unique("par");
    TestServer.sql("postgres", "CREATE DATABASE " + db);
    TestServer.sql(db, "CREATE TABLE public.orders (id int)", "CREATE TABLE public.items (id int)");
    StringBuilder yaml =
        new StringBuilder(
            "apiVersion: iac.mcp/v1\nkind: Deployment\nmetadata: {name: parallel-grants}\n"
                + "spec:\n  resources:\n");
    List<String> roles = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String role = db + "_r" + i;
      roles.add(role);
      yaml.append(
          "    - {type: postgresql:role, name: r"
              + i
              + ", properties: {name: "
              + role
              + "}}\n"
              + "    - {type: postgresql:grant, name: g"
              + i
              + ", properties: {role: \"${r"
              + i
              + ".name}\", database: "
              + db
              + ", schema: public, objectType: table, privileges: [SELECT, INSERT]}}\n");
    }
    try (PgEngine pg = new PgEngine(dir)) {
      Plan plan = pg.plan(yaml.toString());
      ExecutionResult result = pg.apply(plan, 8);
      assertThat(result.results())
          .as("every change, applied eight at a time")
          .allSatisfy(
              r -> assertThat(r.status()).as(r.error()).isEqualTo(ActionResult.Status.COMPLETE));
      for (String role : roles) {
        assertThat(privileges(db, role))
            .containsExactly("items:INSERT", "items:SELECT", "orders:INSERT", "orders:SELECT");
      }
      assertThat(pg.plan(yaml.toString()).hasChanges()).isFalse();
      assertThat(pg.destroy("parallel-grants").result().success()).isTrue();
    }
  }

  @Test
  void grantsOnTheSameTablesFromEightThreadsAtOnceAllSucceed() throws Exception {
    String db = TestServer.unique("thr");
    TestServer.sql("postgres", "CREATE DATABASE " + db);
    TestServer.sql(db, "CREATE TABLE public.t1 (id int)", "CREATE TABLE public.t2 (id int)");
    List<String> roles = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      roles.add(db + "_u" + i);
      TestServer.sql("postgres", "CREATE ROLE " + roles.get(i));
    }
    try (PostgresProvider provider = TestServer.provider()) {
      ResourceType grant = provider.resourceType(GrantHandler.TYPE).orElseThrow();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        // several rounds: each round's eight transactions update the same catalog rows
        for (String privileges :
            List.of("[\"SELECT\"]", "[\"SELECT\", \"UPDATE\"]", "[\"ALL\"]", "[\"DELETE\"]")) {
          List<Future<ChangeResult>> done = new ArrayList<>();
          for (String role : roles) {
            Change change =
                new Change(
                    Change.Kind.CREATE,
                    "g-" + role,
                    grant,
                    "g-" + role,
                    null,
                    provider.canonical(
                        grant,
                        Json.parseObject(
                            "{\"role\": \""
                                + role
                                + "\", \"database\": \""
                                + db
                                + "\", \"schema\": \"public\", \"objectType\": \"table\","
                                + " \"privileges\": "
                                + privileges
                                + "}")),
                    Json.object());
            Callable<ChangeResult> call = () -> provider.apply(List.of(change)).get(0);
            done.add(pool.submit(call));
          }
          for (Future<ChangeResult> f : done) {
            assertThat(f.get().error()).as(privileges).isNull();
          }
        }
      } finally {
        pool.shutdownNow();
      }
      for (String role : roles) {
        assertThat(privileges(db, role)).containsExactly("t1:DELETE", "t2:DELETE");
      }
    }
  }

  /** {@code table:PRIVILEGE} of the role in the catalog, sorted. */
  static List<String> privileges(String db, String role) {
    return TestServer.column(
        db,
        "SELECT c.relname || ':' || a.privilege_type FROM pg_class c JOIN pg_namespace n ON n.oid ="
            + " c.relnamespace CROSS JOIN LATERAL aclexplode(c.relacl) a WHERE n.nspname = 'public'"
            + " AND a.grantee = '"
            + role
            + "'::regrole ORDER BY 1");
  }
}
