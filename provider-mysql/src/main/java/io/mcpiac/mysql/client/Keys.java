package io.mcpiac.mysql.client;

import java.util.Optional;

/**
 * The ids of the provider's objects read back: {@code 'user'@'host'} and {@code 'user'@'host' ON
 * `db`.`table`}, as {@link Sql} writes them. Objects are found by their id, not by recorded
 * properties, which may hold only a digest (a value tainted by a secret is recorded as one).
 */
public final class Keys {
  private Keys() {}

  /** An account's user and host. */
  public record Account(String user, String host) {
    public String sql() {
      return Sql.account(user, host);
    }
  }

  /** A grant's account and level ({@code *} for all). */
  public record Grant(Account account, String database, String table) {}

  public static Optional<Account> account(String id) {
    Cursor c = new Cursor(id);
    Account a = c.account();
    return a != null && c.atEnd() ? Optional.of(a) : Optional.empty();
  }

  public static Optional<Grant> grant(String id) {
    Cursor c = new Cursor(id);
    Account a = c.account();
    if (a == null || !c.skip(" ON ")) {
      return Optional.empty();
    }
    String db = c.levelPart();
    if (db == null || !c.skip(".")) {
      return Optional.empty();
    }
    String table = c.levelPart();
    return table != null && c.atEnd() ? Optional.of(new Grant(a, db, table)) : Optional.empty();
  }

  private static final class Cursor {
    private final String s;
    private int i;

    Cursor(String s) {
      this.s = s == null ? "" : s;
    }

    boolean atEnd() {
      return i == s.length();
    }

    boolean skip(String text) {
      if (s.startsWith(text, i)) {
        i += text.length();
        return true;
      }
      return false;
    }

    Account account() {
      String user = literal();
      if (user == null || !skip("@")) {
        return null;
      }
      String host = literal();
      return host == null ? null : new Account(user, host);
    }

    /** {@code 'it''s'} with backslash escapes, as {@link Sql#literal} writes it. */
    private String literal() {
      if (!skip("'")) {
        return null;
      }
      StringBuilder out = new StringBuilder();
      while (i < s.length()) {
        char ch = s.charAt(i++);
        if (ch == '\\' && i < s.length()) {
          out.append(s.charAt(i++));
        } else if (ch == '\'') {
          if (skip("'")) {
            out.append('\'');
          } else {
            return out.toString();
          }
        } else {
          out.append(ch);
        }
      }
      return null;
    }

    /** {@code *} or a name in backticks. */
    private String levelPart() {
      if (skip("*")) {
        return "*";
      }
      if (!skip("`")) {
        return null;
      }
      StringBuilder out = new StringBuilder();
      while (i < s.length()) {
        char ch = s.charAt(i++);
        if (ch == '`') {
          if (skip("`")) {
            out.append('`');
          } else {
            return out.toString();
          }
        } else {
          out.append(ch);
        }
      }
      return null;
    }
  }
}
