package io.mcpiac.mysql.client;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The server a connection reached: MariaDB keeps accounts in {@code mysql.global_priv} and writes
 * {@code IDENTIFIED VIA}; MySQL keeps them in {@code mysql.user} and writes {@code IDENTIFIED
 * WITH}.
 *
 * @param version the server's version string ({@code 10.11.19-MariaDB-0+deb12u1})
 */
public record ServerFlavour(boolean mariadb, String version) {
  static ServerFlavour of(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT VERSION()")) {
      r.next();
      String v = r.getString(1);
      return new ServerFlavour(v.toLowerCase(java.util.Locale.ROOT).contains("mariadb"), v);
    }
  }
}
