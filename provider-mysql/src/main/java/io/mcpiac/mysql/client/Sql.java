package io.mcpiac.mysql.client;

import java.util.Locale;

/** Quoting of names and literals for statements that take no bind parameters (DDL, GRANT). */
public final class Sql {
  private Sql() {}

  /** A name in backticks: {@code `app``db`}. */
  public static String name(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }

  /** A string literal: {@code 'it''s'}, backslashes doubled (the server's default escaping). */
  public static String literal(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
  }

  /** An account: {@code 'app'@'%'}. */
  public static String account(String user, String host) {
    return literal(user) + "@" + literal(host);
  }

  /** The level of a grant: {@code *.*}, {@code `app`.*}, {@code `app`.`orders`}. */
  public static String level(String database, String table) {
    String db = "*".equals(database) ? "*" : name(database);
    String t = "*".equals(table) ? "*" : name(table);
    return db + "." + t;
  }

  /** A privilege keyword as the server writes it: upper case, single spaces. */
  public static String privilege(String p) {
    String k = p.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    return k.equals("ALL") ? "ALL PRIVILEGES" : k;
  }
}
