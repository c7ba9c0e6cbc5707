package io.mcpiac.postgresql.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;

/**
 * Where one provider instance connects, libpq's way: what {@code spec.providers.postgresql} says,
 * else the environment ({@code PGHOST}, {@code PGPORT}, {@code PGUSER}, {@code PGDATABASE}, {@code
 * PGSSLMODE}), else libpq's defaults (localhost, 5432, the operating-system user, a database named
 * after the user, {@code prefer}). The password is never a setting (see {@link PasswordLookup}).
 *
 * @param database the database the instance connects to for cluster-wide work (roles, databases)
 * @param passwordEnv the name of an environment variable holding the password (a secret reference)
 * @param passwordFile a file holding the password (a secret reference)
 * @param passfile a pgpass file ({@code PGPASSFILE}, default {@code ~/.pgpass})
 * @param hostGiven whether a host was named (setting or {@code PGHOST}) rather than defaulted
 */
public record ConnectionSettings(
    String host,
    int port,
    String database,
    String user,
    String sslmode,
    String passwordEnv,
    String passwordFile,
    String passfile,
    int connectTimeoutSeconds,
    boolean hostGiven) {

  public static ConnectionSettings of(ObjectNode settings, Function<String, String> env) {
    String user =
        first(text(settings, "user"), env.apply("PGUSER"), System.getProperty("user.name"));
    String host = first(text(settings, "host"), env.apply("PGHOST"), "localhost");
    String port = first(text(settings, "port"), env.apply("PGPORT"), "5432");
    int portNumber;
    try {
      portNumber = Integer.parseInt(port.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("PGPORT is not a port number: '" + port + "'");
    }
    String home = System.getProperty("user.home");
    return new ConnectionSettings(
        host,
        portNumber,
        first(text(settings, "database"), env.apply("PGDATABASE"), user),
        user,
        first(text(settings, "sslmode"), env.apply("PGSSLMODE"), "prefer"),
        text(settings, "passwordEnv"),
        text(settings, "passwordFile"),
        first(text(settings, "passfile"), env.apply("PGPASSFILE"), home + "/.pgpass"),
        settings.path("connectTimeoutSeconds").asInt(10),
        text(settings, "host") != null || env.apply("PGHOST") != null);
  }

  /** {@code postgresql://user@host:port/database}: for messages; never a password. */
  public String endpoint() {
    return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
  }

  private static String text(ObjectNode settings, String key) {
    JsonNode n = settings == null ? null : settings.get(key);
    return n == null || n.isNull() || n.asText().isBlank() ? null : n.asText();
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }
}
