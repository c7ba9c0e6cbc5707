package io.mcpiac.postgresql;

import io.mcpiac.engine.providers.ProviderException;
import io.mcpiac.engine.providers.kit.Failure;
import io.mcpiac.engine.providers.kit.KitProvider;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.postgresql.connection.PgError;
import io.mcpiac.postgresql.connection.PgServer;
import io.mcpiac.postgresql.connection.Sql;
import io.mcpiac.postgresql.resources.DatabaseHandler;
import io.mcpiac.postgresql.resources.DefaultPrivilegesHandler;
import io.mcpiac.postgresql.resources.ExtensionHandler;
import io.mcpiac.postgresql.resources.GrantHandler;
import io.mcpiac.postgresql.resources.RoleHandler;
import io.mcpiac.postgresql.resources.SchemaHandler;
import java.util.List;

/**
 * The {@code postgresql} provider: roles, databases, schemas, extensions, grants and default
 * privileges on one PostgreSQL server, one {@link io.mcpiac.engine.providers.kit.TypeHandler} each.
 * Objects are known by their natural names (a role by its name, a schema by database and name), so
 * a create whose answer was lost is found again by what it made.
 */
public final class PostgresProvider extends KitProvider<PgServer> {
  public static final String NAME = "postgresql";

  private final PgServer server;

  public PostgresProvider(PgServer server) {
    super(
        NAME,
        List.of(
            new RoleHandler(server),
            new DatabaseHandler(server),
            new SchemaHandler(server),
            new ExtensionHandler(server),
            new GrantHandler(server),
            new DefaultPrivilegesHandler(server)));
    this.server = server;
  }

  /** Every change opens its own connection: the server itself is the session. */
  @Override
  protected PgServer session() {
    return server;
  }

  /**
   * What the server refused is that change's failure, with its SQLSTATE; a lost connection leaves
   * the outcome unknown, so the batch fails and the engine reads what happened.
   */
  @Override
  protected Failure classify(RuntimeException e) {
    if (e instanceof PgError pg) {
      return pg.connectionLost()
          ? new Failure.OfBatch(new ProviderException(endpoint() + ": " + pg.getMessage(), pg))
          : new Failure.OfChange(pg.getMessage());
    }
    if (e instanceof IllegalArgumentException) {
      return new Failure.OfChange(e.getMessage());
    }
    return Failure.ofChange(e);
  }

  /**
   * One cheap call: address, TLS, user and password all checked, with what to fix. An instance that
   * names no host (no setting, no {@code PGHOST}) is not probed: its resources may name their
   * server themselves ({@code server}, from another resource's output), as behind an orchestrator.
   */
  @Override
  public void probe() {
    if (!server.settings().hostGiven()) {
      return;
    }
    try {
      server.with(null, "connecting", c -> Sql.query(c, "SELECT 1", rs -> 1));
    } catch (PgError e) {
      String hint =
          "28P01".equals(e.sqlState()) || "28000".equals(e.sqlState())
              ? " (the password comes from passwordEnv/passwordFile, PGPASSWORD or a pgpass file;"
                  + " the user from 'user' or PGUSER)"
              : e.connectionLost()
                  ? " (set 'host'/'port' in spec.providers." + NAME + " or PGHOST/PGPORT)"
                  : "";
      throw new ProviderException(
          "cannot connect to PostgreSQL at " + endpoint() + ": " + e.getMessage() + hint, e);
    } catch (IllegalArgumentException e) {
      throw new ProviderException(
          "cannot connect to PostgreSQL at " + endpoint() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String endpoint() {
    return server.settings().endpoint();
  }

  /** The natural name where the file gives none; the create answers the real id. */
  @Override
  public String newId(ResourceType type, String name) {
    return name;
  }

  /** One change per call, so the engine overlaps them; writes to one object wait for each other. */
  @Override
  public int maxBatchSize() {
    return 1;
  }
}
