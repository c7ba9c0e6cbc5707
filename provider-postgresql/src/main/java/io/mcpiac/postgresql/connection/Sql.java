package io.mcpiac.postgresql.connection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Quoting for statements that take no parameters (DDL) and small query helpers. Names are always
 * quoted, so a name is taken exactly as written (case, spaces) and can never inject SQL.
 */
public final class Sql {
  private Sql() {}

  /** {@code "name"}, with inner quotes doubled. */
  public static String ident(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** {@code 'text'}, with inner quotes doubled (standard_conforming_strings is on since 9.1). */
  public static String literal(String text) {
    if (text.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a value cannot contain a NUL character");
    }
    return "'" + text.replace("'", "''") + "'";
  }

  public static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** The rows of a query with parameters, each row mapped by {@code row}. */
  public static <T> List<T> query(Connection c, String sql, RowMapper<T> row, Object... params)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(row.map(rs));
        }
        return out;
      }
    }
  }

  /** Serialises work on one object across sessions and processes until the transaction ends. */
  public static void lockObject(Connection c, String key) throws SQLException {
    query(c, "SELECT pg_advisory_xact_lock(hashtext(?))", rs -> null, "mcp-iac:" + key);
  }

  /** Maps one row. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }
}
