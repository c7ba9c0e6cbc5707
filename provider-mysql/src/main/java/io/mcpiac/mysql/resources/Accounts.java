package io.mcpiac.mysql.resources;

import io.mcpiac.mysql.client.ServerFlavour;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The server's accounts as its catalog keeps them: {@code mysql.global_priv} on MariaDB (10.4+),
 * {@code mysql.user} on MySQL. Roles and anonymous accounts are not accounts here.
 */
final class Accounts {
  /** Accounts the server makes for itself: never imported. */
  static final Set<String> SYSTEM_USERS =
      Set.of("mariadb.sys", "mysql.sys", "mysql.session", "mysql.infoschema");

  private Accounts() {}

  /**
   * One account.
   *
   * @param plugin the authentication plugin ({@code mysql_native_password}, {@code ed25519})
   * @param authenticationString what the plugin keeps (a hash, never the password)
   */
  record Account(
      String user,
      String host,
      String plugin,
      String authenticationString,
      long maxUserConnections,
      boolean locked) {}

  private static final String MARIADB =
      "SELECT User, Host, JSON_VALUE(Priv, '$.plugin'), JSON_VALUE(Priv,"
          + " '$.authentication_string'), JSON_VALUE(Priv, '$.max_user_connections'),"
          + " JSON_VALUE(Priv, '$.account_locked'), JSON_VALUE(Priv, '$.is_role')"
          + " FROM mysql.global_priv WHERE User <> ''";
  private static final String MYSQL =
      "SELECT User, Host, plugin, authentication_string, max_user_connections,"
          + " account_locked = 'Y', 'false' FROM mysql.user WHERE User <> ''";

  static List<Account> all(Connection c, ServerFlavour server) throws SQLException {
    List<Account> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(server.mariadb() ? MARIADB : MYSQL)) {
      while (r.next()) {
        if (truthy(r.getString(7))) {
          continue; // a role
        }
        out.add(account(r));
      }
    }
    return out;
  }

  static Optional<Account> one(Connection c, ServerFlavour server, String user, String host)
      throws SQLException {
    String sql = (server.mariadb() ? MARIADB : MYSQL) + " AND User = ? AND Host = ?";
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, user);
      p.setString(2, host);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          if (!truthy(r.getString(7))) {
            return Optional.of(account(r));
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Account account(ResultSet r) throws SQLException {
    String max = r.getString(5);
    return new Account(
        r.getString(1),
        r.getString(2),
        r.getString(3) == null ? "" : r.getString(3),
        r.getString(4) == null ? "" : r.getString(4),
        max == null || max.isEmpty() ? 0 : Long.parseLong(max),
        truthy(r.getString(6)));
  }

  private static boolean truthy(String v) {
    return v != null && (v.equals("1") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("Y"));
  }
}
