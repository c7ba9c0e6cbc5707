package io.mcpiac.postgresql;

import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.contract.ContractFixture;
import io.mcpiac.engine.providers.contract.ProviderContract;
import io.mcpiac.engine.providers.contract.TypeSample;
import io.mcpiac.postgresql.resources.DatabaseHandler;
import io.mcpiac.postgresql.resources.DefaultPrivilegesHandler;
import io.mcpiac.postgresql.resources.ExtensionHandler;
import io.mcpiac.postgresql.resources.RoleHandler;
import io.mcpiac.postgresql.resources.SchemaHandler;
import java.util.List;

/**
 * The provider contract against a real PostgreSQL server, objects changed behind the provider's
 * back as a DBA would at psql. Five of six types: {@code postgresql:grant} is left out because its
 * import adopts what the catalog holds, one grant per role and object, while a grant on "all
 * tables" is one resource over many objects, so the contract's "imported by its id" cannot hold for
 * it; its behaviour is checked by {@link GrantTest} and {@link ParallelGrantsTest}.
 */
class PostgresContractTest extends ProviderContract {
  @Override
  protected ContractFixture createFixture() {
    return new Fixture();
  }

  private static final class Fixture implements ContractFixture {
    private final PostgresProvider provider = TestServer.provider();
    private final String group = TestServer.unique("cgroup");
    private final String owner = TestServer.unique("cowner");
    private final String grantee = TestServer.unique("cgrantee");
    private final String db = TestServer.unique("cdb");
    private final String db2 = TestServer.unique("cdb2");
    private final String moved = "moved";

    Fixture() {
      TestServer.sql(
          "postgres",
          "CREATE ROLE " + group,
          "CREATE ROLE " + owner,
          "CREATE ROLE " + grantee,
          "CREATE DATABASE " + db,
          "CREATE DATABASE " + db2);
      TestServer.sql(db, "CREATE SCHEMA " + moved, "CREATE SCHEMA app");
    }

    @Override
    public Provider provider() {
      return provider;
    }

    @Override
    public List<TypeSample> samples() {
      String identity =
          "the object's identity: changed by hand, it is another object (the plan"
              + " shows the old one gone and creates it again)";
      String where =
          "where the object is, not a property of it: another server holds another object";
      String atDelete = "what happens when the object is deleted: nothing on the server to read";
      TypeSample role =
          TypeSample.of(
                  RoleHandler.TYPE,
                  TestServer.unique("crole"),
                  "{\"login\": true, \"connectionLimit\": 5, \"memberOf\": [\"" + group + "\"]}")
              .update("{\"login\": false, \"connectionLimit\": 10}")
              .invalid("{\"memberOf\": [\"no_such_group_of_the_contract\"]}")
              .drift(
                  "login", o -> TestServer.sql("postgres", "ALTER ROLE \"" + o.id() + "\" NOLOGIN"))
              .drift(
                  "connectionLimit",
                  o ->
                      TestServer.sql(
                          "postgres", "ALTER ROLE \"" + o.id() + "\" CONNECTION LIMIT 7"))
              .drift(
                  "memberOf",
                  o -> TestServer.sql("postgres", "REVOKE " + group + " FROM \"" + o.id() + "\""))
              .notModelled("name", identity)
              .notModelled("server", where)
              .notModelled("ownedObjects", atDelete)
              .notModelled("reassignTo", atDelete);
      TypeSample database =
          TypeSample.of(
                  DatabaseHandler.TYPE,
                  TestServer.unique("cdatabase"),
                  "{\"owner\": \"" + owner + "\", \"encoding\": \"UTF8\"}")
              .update("{\"owner\": \"postgres\"}")
              .replace(
                  "{\"name\": \""
                      + TestServer.unique("cdatabase_ascii")
                      + "\", \"owner\": \""
                      + owner
                      + "\", \"encoding\": \"SQL_ASCII\"}")
              .invalid("{\"owner\": \"no_such_owner_of_the_contract\"}")
              .drift(
                  "owner",
                  o ->
                      TestServer.sql(
                          "postgres", "ALTER DATABASE \"" + o.id() + "\" OWNER TO postgres"))
              .notModelled(
                  "encoding",
                  "PostgreSQL cannot change a database's encoding: only a new database has another")
              .notModelled(
                  "template",
                  "PostgreSQL does not record which template a database was copied from")
              .notModelled("name", identity)
              .notModelled("forceDrop", atDelete)
              .notModelled("server", where);
      TypeSample schema =
          TypeSample.of(
                  SchemaHandler.TYPE,
                  TestServer.unique("cschema"),
                  "{\"database\": \"" + db + "\", \"owner\": \"" + owner + "\"}")
              .update("{\"owner\": \"postgres\"}")
              .replace("{\"database\": \"" + db2 + "\", \"owner\": \"" + owner + "\"}")
              .invalid(
                  "{\"database\": \"" + db + "\", \"owner\": \"no_such_owner_of_the_contract\"}")
              .drift(
                  "owner",
                  o ->
                      TestServer.sql(
                          db,
                          "ALTER SCHEMA \""
                              + o.id().substring(db.length() + 1)
                              + "\" OWNER TO postgres"))
              .notModelled("database", identity)
              .notModelled("name", identity)
              .notModelled("dropCascade", atDelete)
              .notModelled("server", where);
      TypeSample extension =
          TypeSample.of(
                  ExtensionHandler.TYPE,
                  "cextension",
                  "{\"database\": \"" + db + "\", \"name\": \"citext\", \"schema\": \"public\"}")
              .update("{\"schema\": \"" + moved + "\"}")
              .replace(
                  "{\"database\": \"" + db + "\", \"name\": \"hstore\", \"schema\": \"public\"}")
              .invalid(
                  "{\"database\": \"" + db + "\", \"name\": \"no_such_extension_of_the_contract\"}")
              .drift(
                  "schema", o -> TestServer.sql(db, "ALTER EXTENSION citext SET SCHEMA " + moved))
              .notModelled("database", identity)
              .notModelled("name", identity)
              .notModelled("dropCascade", atDelete)
              .notModelled("server", where);
      TypeSample defaults =
          TypeSample.of(
                  DefaultPrivilegesHandler.TYPE,
                  "cdefaults",
                  "{\"role\": \""
                      + grantee
                      + "\", \"database\": \""
                      + db
                      + "\", \"schema\": \"app\", \"owner\": \""
                      + owner
                      + "\", \"objectType\": \"table\", \"privileges\": [\"SELECT\", \"INSERT\"]}")
              .update("{\"privileges\": [\"SELECT\"]}")
              .replace(
                  "{\"role\": \""
                      + grantee
                      + "\", \"database\": \""
                      + db
                      + "\", \"schema\": \"app\", \"owner\": \""
                      + owner
                      + "\", \"objectType\": \"sequence\", \"privileges\": [\"USAGE\"]}")
              .invalid(
                  "{\"role\": \"no_such_role_of_the_contract\", \"database\": \""
                      + db
                      + "\", \"owner\": \""
                      + owner
                      + "\", \"objectType\": \"table\", \"privileges\": [\"SELECT\"]}")
              .drift(
                  "privileges",
                  o ->
                      TestServer.sql(
                          db,
                          "ALTER DEFAULT PRIVILEGES FOR ROLE "
                              + owner
                              + " IN SCHEMA app REVOKE INSERT ON TABLES FROM "
                              + grantee))
              .notModelled("role", identity)
              .notModelled("database", identity)
              .notModelled("schema", identity)
              .notModelled("owner", identity)
              .notModelled("objectType", identity)
              .notModelled("server", where);
      return List.of(role, database, schema, extension, defaults);
    }
  }
}
