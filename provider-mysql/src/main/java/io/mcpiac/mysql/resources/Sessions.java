package io.mcpiac.mysql.resources;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Ends other clients' sessions (never our own), as {@code KILL} does from the server's client. */
final class Sessions {
  private Sessions() {}

  /**
   * Kills every session {@code query} (one string parameter, {@code value}) selects by its id.
   *
   * @return how many were ended
   */
  static int kill(Connection c, String query, String value) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement(query)) {
      p.setString(1, value);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          ids.add(r.getLong(1));
        }
      }
    }
    long self;
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT CONNECTION_ID()")) {
      r.next();
      self = r.getLong(1);
    }
    int killed = 0;
    for (long id : ids) {
      if (id == self) {
        continue;
      }
      try (Statement s = c.createStatement()) {
        s.execute("KILL CONNECTION " + id);
        killed++;
      } catch (SQLException e) {
        // 1094: the session ended by itself in the meantime
        if (e.getErrorCode() != 1094) {
          throw e;
        }
      }
    }
    return killed;
  }
}
