package io.mcpiac.mysql.resources;

import java.util.List;

/** Every type of the MySQL provider. */
public final class MysqlResources {
  private MysqlResources() {}

  public static List<MysqlHandler> all() {
    return List.of(new DatabaseHandler(), new UserHandler(), new GrantHandler());
  }
}
