package io.mcpiac.mysql.resources;

import io.mcpiac.mysql.client.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An account's privileges as {@code SHOW GRANTS} prints them, by level ({@code *.*}, a database, a
 * table): the server's own summary, which says {@code ALL PRIVILEGES} where the account holds every
 * privilege of a level. Column, routine and role grants are not levels this provider manages, and
 * are left out. The {@code IDENTIFIED BY PASSWORD} part of a line is never looked at.
 */
final class ShowGrants {
  private static final String NAME = "(?:\\*|`(?:[^`]|``)*`)";
  private static final Pattern LINE =
      Pattern.compile(
          "^GRANT (.+?) ON ("
              + NAME
              + ")\\.("
              + NAME
              + ") TO (?:`(?:[^`]|``)*`|'[^']*')@\\S+(.*)$");

  /** 1141: the account does not exist (or has no grant at all); 1133: no such user. */
  static final Set<Integer> NO_SUCH_ACCOUNT = Set.of(1141, 1133, 1269);

  private ShowGrants() {}

  /** The privileges at one level, upper case and sorted; whether it may grant them on. */
  record Level(String database, String table, Set<String> privileges, boolean grantOption) {
    boolean empty() {
      return privileges.isEmpty() && !grantOption;
    }
  }

  /** The key of a level in {@link #of}: database and table as written, {@code *} for all. */
  static String key(String database, String table) {
    return database + "\u0000" + table;
  }

  /** The account's levels; empty when the account does not exist. */
  static Map<String, Level> of(Connection c, String user, String host) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SHOW GRANTS FOR " + Sql.account(user, host))) {
      while (r.next()) {
        lines.add(r.getString(1));
      }
    } catch (SQLException e) {
      if (NO_SUCH_ACCOUNT.contains(e.getErrorCode())) {
        return Map.of();
      }
      throw e;
    }
    return parse(lines);
  }

  static Map<String, Level> parse(List<String> lines) {
    Map<String, Level> out = new LinkedHashMap<>();
    for (String line : lines) {
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        continue; // a role granted, a PROXY grant, a routine
      }
      String database = unquote(m.group(2));
      String table = unquote(m.group(3));
      Set<String> privileges = new TreeSet<>();
      for (String p : splitPrivileges(m.group(1))) {
        if (p.contains("(")) {
          continue; // column privileges: not a level of their own here
        }
        String k = Sql.privilege(p);
        if (!k.equals("USAGE")) {
          privileges.add(k);
        }
      }
      boolean grantOption = m.group(4).contains("WITH GRANT OPTION");
      Level before = out.get(key(database, table));
      if (before != null) {
        // MySQL prints dynamic privileges on a line of their own
        privileges.addAll(before.privileges());
        grantOption |= before.grantOption();
      }
      out.put(key(database, table), new Level(database, table, privileges, grantOption));
    }
    return out;
  }

  private static String unquote(String name) {
    if (name.equals("*")) {
      return "*";
    }
    return name.substring(1, name.length() - 1).replace("``", "`");
  }

  /** Commas separate privileges except inside a column list: {@code SELECT (a, b), INSERT}. */
  private static List<String> splitPrivileges(String text) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (char ch : text.toCharArray()) {
      if (ch == '(') {
        depth++;
      } else if (ch == ')') {
        depth--;
      }
      if (ch == ',' && depth == 0) {
        out.add(current.toString().trim());
        current.setLength(0);
      } else {
        current.append(ch);
      }
    }
    if (current.length() > 0) {
      out.add(current.toString().trim());
    }
    return out;
  }
}
