package io.mcpiac.postgresql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderException;
import io.mcpiac.engine.providers.ProviderFactory;
import io.mcpiac.postgresql.connection.ConnectionSettings;
import io.mcpiac.postgresql.connection.PgServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Makes {@link PostgresProvider}s. Settings ({@code spec.providers.postgresql}, or {@code
 * postgresql/NAME} for another server): {@code host}, {@code port}, {@code database}, {@code user},
 * {@code sslmode}, each filled by libpq's variable where left out ({@code PGHOST}, {@code PGPORT},
 * {@code PGDATABASE}, {@code PGUSER}, {@code PGSSLMODE}); the password never: {@code passwordEnv}
 * (a variable's name) or {@code passwordFile}, else {@code PGPASSWORD}, else the pgpass file
 * ({@code passfile}, {@code PGPASSFILE}, {@code ~/.pgpass}). No JDBC class is touched until an
 * instance is made.
 */
public final class PostgresProviderFactory implements ProviderFactory {
  private static final Map<String, String> ENVIRONMENT =
      Map.of(
          "host", "PGHOST",
          "port", "PGPORT",
          "database", "PGDATABASE",
          "user", "PGUSER",
          "sslmode", "PGSSLMODE");

  private final Function<String, String> env;

  public PostgresProviderFactory() {
    this(System::getenv);
  }

  /** With another environment (tests). */
  public PostgresProviderFactory(Function<String, String> env) {
    this.env = env;
  }

  @Override
  public String name() {
    return PostgresProvider.NAME;
  }

  @Override
  public JsonNode settingsSchema() {
    return Json.parse(
        """
        {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "host": {"type": "string", "minLength": 1},
            "port": {"type": ["integer", "string"], "minimum": 1, "maximum": 65535},
            "database": {"type": "string", "minLength": 1},
            "user": {"type": "string", "minLength": 1},
            "sslmode": {"type": "string", "enum": ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"]},
            "passwordEnv": {"type": "string", "minLength": 1},
            "passwordFile": {"type": "string", "minLength": 1},
            "passfile": {"type": "string", "minLength": 1},
            "connectTimeoutSeconds": {"type": "integer", "minimum": 1}
          }
        }
        """);
  }

  @Override
  public List<String> overriddenEnvironment(String instance, ObjectNode settings) {
    List<String> out = new ArrayList<>();
    ENVIRONMENT.forEach(
        (key, variable) -> {
          String set = env.apply(variable);
          if (settings.hasNonNull(key) && set != null && !set.isBlank()) {
            out.add(instance + ": " + key + " from the deployment file overrides $" + variable);
          }
        });
    out.sort(null);
    return out;
  }

  @Override
  public Provider create(String instance, ObjectNode settings) {
    ConnectionSettings s;
    try {
      s = ConnectionSettings.of(settings == null ? Json.object() : settings, env);
    } catch (IllegalArgumentException e) {
      throw new ProviderException(instance + ": " + e.getMessage(), e);
    }
    if (s.host().startsWith("/")) {
      throw new ProviderException(
          instance
              + ": host "
              + s.host()
              + " is a Unix socket directory; the JDBC driver connects over TCP only: set a host"
              + " name or address");
    }
    return new PostgresProvider(new PgServer(s, env));
  }
}
