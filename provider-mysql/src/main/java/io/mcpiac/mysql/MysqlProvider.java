package io.mcpiac.mysql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.ProviderException;
import io.mcpiac.engine.providers.kit.Failure;
import io.mcpiac.engine.providers.kit.KitProvider;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.mysql.client.MysqlConnections;
import io.mcpiac.mysql.client.MysqlException;
import io.mcpiac.mysql.client.MysqlSettings;
import io.mcpiac.mysql.resources.MysqlHandler;
import io.mcpiac.mysql.resources.MysqlResources;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code mysql} provider: databases, accounts and grants on one MariaDB or MySQL server, one
 * {@link MysqlHandler} each. Objects are known by their keys on the server (a database's name, an
 * account {@code 'user'@'host'}), which are their ids.
 */
public final class MysqlProvider extends KitProvider<MysqlConnections> {
  public static final String NAME = "mysql";

  private final MysqlConnections connections;

  public MysqlProvider(MysqlSettings settings) {
    super(NAME, MysqlResources.all());
    this.connections = new MysqlConnections(settings);
  }

  @Override
  protected MysqlConnections session() {
    return connections;
  }

  /**
   * What the server refused is that change's failure, with its code and SQLSTATE; a lost connection
   * fails the batch, so the engine reads what happened.
   */
  @Override
  protected Failure classify(RuntimeException e) {
    if (e instanceof MysqlException m && m.connectionLost()) {
      return new Failure.OfBatch(m);
    }
    return Failure.ofChange(e);
  }

  private MysqlHandler mysqlHandler(ResourceType type) {
    return (MysqlHandler) handler(type);
  }

  @Override
  public String newId(ResourceType type, String name, ObjectNode desired) {
    return mysqlHandler(type).naturalId(name, desired);
  }

  /** The secrets whose configured value the account no longer has (see {@link MysqlHandler}). */
  @Override
  public Set<String> changedSecrets(ResourceType type, LiveResource live, ObjectNode configured) {
    MysqlHandler h = mysqlHandler(type);
    return handlers()
        .reading(
            type,
            () -> {
              Set<String> changed = new TreeSet<>();
              configured
                  .fields()
                  .forEachRemaining(
                      e -> {
                        Optional<Boolean> held =
                            h.holdsSecret(connections, live, e.getKey(), e.getValue().asText());
                        if (held.isPresent() && !held.get()) {
                          changed.add(e.getKey());
                        }
                      });
              return changed;
            });
  }

  /** One statement: whether the server answers and takes the credentials. */
  @Override
  public void probe() {
    MysqlSettings s = connections.settings();
    try {
      connections.flavour();
    } catch (MysqlException e) {
      String hint =
          e.code() == 1045
              ? "; check the password ("
                  + (s.passwordSource() == null
                      ? "none given: set " + MysqlProviderFactory.passwordVariables(s.instance())
                      : "from " + s.passwordSource())
                  + ") and the user ("
                  + s.user()
                  + ")"
              : e.connectionLost()
                  ? "; check host and port (spec.providers."
                      + s.instance()
                      + " or "
                      + MysqlProviderFactory.hostVariables(s.instance())
                      + ")"
                  : "";
      throw new ProviderException(
          "cannot use the server at " + s.endpoint() + ": " + e.getMessage() + hint, e);
    }
  }

  @Override
  public String endpoint() {
    return connections.settings().endpoint();
  }

  /** Nothing to commit per batch: one change per call lets the engine run them in parallel. */
  @Override
  public int maxBatchSize() {
    return 1;
  }

  @Override
  public void close() {
    connections.close();
  }
}
