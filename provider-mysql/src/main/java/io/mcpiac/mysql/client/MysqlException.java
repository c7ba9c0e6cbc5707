package io.mcpiac.mysql.client;

import io.mcpiac.engine.providers.ProviderException;
import java.sql.SQLException;

/**
 * What the server answered, with its SQLSTATE and error code kept, in the words of the server's own
 * client: {@code ERROR 1396 (HY000): Operation CREATE USER failed for 'app'@'%'}.
 */
public final class MysqlException extends ProviderException {
  private static final long serialVersionUID = 1L;

  private final String sqlState;
  private final int code;

  public MysqlException(String doing, SQLException e) {
    super(doing + ": " + describe(e), e);
    this.sqlState = e.getSQLState();
    this.code = e.getErrorCode();
  }

  public String sqlState() {
    return sqlState;
  }

  public int code() {
    return code;
  }

  /** Whether the server was not reached or the connection broke (SQLSTATE class 08). */
  public boolean connectionLost() {
    return lostConnection(sqlState, getCause());
  }

  static boolean lostConnection(String sqlState, Throwable e) {
    return (sqlState != null && sqlState.startsWith("08"))
        || e instanceof java.sql.SQLNonTransientConnectionException
        || e instanceof java.sql.SQLTransientConnectionException;
  }

  /** The server's message, without the driver's own prefix, with its code and SQLSTATE. */
  static String describe(SQLException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    // the MariaDB driver prefixes "(conn=12) "; the connection number says nothing to a user
    message = message.replaceFirst("^\\(conn=\\d+\\) ", "");
    if (e.getErrorCode() == 0) {
      return message + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")");
    }
    return "ERROR " + e.getErrorCode() + " (" + e.getSQLState() + "): " + message;
  }
}
