package io.mcpiac.mysql;

import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.contract.ContractFixture;
import io.mcpiac.engine.providers.contract.ContractObject;
import io.mcpiac.engine.providers.contract.TypeSample;
import java.util.List;

/**
 * The MySQL provider against the real MariaDB server. Changes behind the provider's back are what
 * an administrator does in the server's client: {@code ALTER DATABASE}, {@code ALTER USER}, {@code
 * GRANT}. MariaDB has no way to drop an answer, so the lost create is the default one: applied, its
 * answer thrown away, found again by its id (the object's key on the server).
 */
final class MysqlContractFixture implements ContractFixture {
  private static final String IDENTITY =
      "part of the object's key on the server: changing it makes another object, and the old"
          + " one is then gone (the replace case), not drifted";

  private final RealMariaDb server;
  private final MysqlProvider provider;
  private final String run;

  MysqlContractFixture() throws Exception {
    server = RealMariaDb.require();
    run = server.run();
    provider = server.provider();
    server.ensureEd25519();
    // what the grants are given to and on
    server.sql("CREATE USER '" + run + "_g'@'%' IDENTIFIED BY 'x'");
    server.sql("CREATE DATABASE `" + run + "_gdb`");
    server.sql("CREATE DATABASE `" + run + "_gdb2`");
  }

  @Override
  public Provider provider() {
    return provider;
  }

  private String account(ContractObject o) {
    return "'"
        + o.properties().path("user").asText()
        + "'@'"
        + o.properties().path("host").asText("%")
        + "'";
  }

  private String db(ContractObject o) {
    return "`" + o.properties().path("name").asText() + "`";
  }

  private String grantLevel(ContractObject o) {
    return "`" + o.properties().path("database").asText() + "`.*";
  }

  @Override
  public List<TypeSample> samples() {
    String g = run + "_g";
    return List.of(
        TypeSample.of(
                "mysql:database", "db", "{\"name\": \"" + run + "_db\", \"charset\": \"utf8mb4\"}")
            .update("{\"collation\": \"utf8mb4_bin\"}")
            .replace("{\"name\": \"" + run + "_db2\", \"charset\": \"utf8mb4\"}")
            .drift("charset", o -> server.sql("ALTER DATABASE " + db(o) + " CHARACTER SET latin1"))
            .drift("collation", o -> server.sql("ALTER DATABASE " + db(o) + " COLLATE utf8mb4_bin"))
            .notModelled("name", IDENTITY)
            .notModelled("forceDrop", "how the database is dropped, not a property of it"),
        TypeSample.of(
                "mysql:user",
                "user",
                "{\"user\": \""
                    + run
                    + "_u\", \"password\": \"first pw\", \"maxUserConnections\": 2}")
            .update("{\"maxUserConnections\": 5, \"locked\": true, \"password\": \"second pw\"}")
            .replace("{\"user\": \"" + run + "_u2\", \"password\": \"first pw\"}")
            .drift(
                "authPlugin",
                o ->
                    server.sql(
                        "ALTER USER " + account(o) + " IDENTIFIED VIA ed25519 USING PASSWORD('x')"))
            .drift(
                "maxUserConnections",
                o -> server.sql("ALTER USER " + account(o) + " WITH MAX_USER_CONNECTIONS 9"))
            .drift("locked", o -> server.sql("ALTER USER " + account(o) + " ACCOUNT LOCK"))
            .notModelled("user", IDENTITY)
            .notModelled("host", IDENTITY),
        TypeSample.of(
                "mysql:grant",
                "grant",
                "{\"user\": \""
                    + g
                    + "\", \"database\": \""
                    + run
                    + "_gdb\", \"privileges\": [\"select\", \"INSERT\"]}")
            .update("{\"privileges\": [\"SELECT\", \"UPDATE\", \"DELETE\"], \"grantOption\": true}")
            .replace(
                "{\"user\": \""
                    + g
                    + "\", \"database\": \""
                    + run
                    + "_gdb2\", \"privileges\": [\"SELECT\"]}")
            .invalid(
                "{\"user\": \""
                    + g
                    + "\", \"database\": \""
                    + run
                    + "_gdb\", \"table\": \"missing\", \"privileges\": [\"SELECT\"]}")
            .drift(
                "privileges",
                o -> server.sql("GRANT UPDATE ON " + grantLevel(o) + " TO " + account(o)))
            .drift(
                "grantOption",
                o ->
                    server.sql(
                        "GRANT SELECT ON "
                            + grantLevel(o)
                            + " TO "
                            + account(o)
                            + " WITH GRANT OPTION"))
            .notModelled("user", IDENTITY)
            .notModelled("host", IDENTITY)
            .notModelled("database", IDENTITY)
            .notModelled("table", IDENTITY));
  }

  @Override
  public void close() throws Exception {
    try {
      provider.close();
    } finally {
      server.close();
    }
  }
}
