package io.mcpiac.mysql.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.kit.TypeHandler;
import io.mcpiac.mysql.client.MysqlConnections;
import java.util.Optional;

/** A handler of the MySQL provider: its objects are known by natural keys, not by ids we choose. */
public interface MysqlHandler extends TypeHandler<MysqlConnections> {

  /**
   * The id the object will have: its key on the server (a database's name, an account), known
   * before the create, so a create whose answer is lost is found again by it.
   */
  String naturalId(String resourceName, ObjectNode desired);

  /** Whether the live object still holds {@code clear} as its secret {@code property}. */
  default Optional<Boolean> holdsSecret(
      MysqlConnections db, LiveResource live, String property, String clear) {
    return Optional.empty();
  }
}
