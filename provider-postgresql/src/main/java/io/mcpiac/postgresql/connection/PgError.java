package io.mcpiac.postgresql.connection;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * A statement PostgreSQL refused, or a connection that failed, with the server's SQLSTATE and
 * message kept: {@code SQLSTATE 2BP01: role "app" cannot be dropped because some objects depend on
 * it (owner of table t)}.
 */
public final class PgError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String sqlState;

  public PgError(String what, SQLException e) {
    super(what + ": " + describe(e), e);
    this.sqlState = e.getSQLState();
  }

  /** The server's SQLSTATE, or null when the driver gave none. */
  public String sqlState() {
    return sqlState;
  }

  /**
   * Whether the connection failed (SQLSTATE class 08, or none at all): what the statement did is
   * then unknown.
   */
  public boolean connectionLost() {
    return sqlState == null || sqlState.startsWith("08");
  }

  /** {@code SQLSTATE X: message (detail)}, as the server said it. */
  public static String describe(SQLException e) {
    String message = e.getMessage();
    String detail = null;
    if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
      ServerErrorMessage m = p.getServerErrorMessage();
      message = m.getMessage();
      detail = m.getDetail();
    }
    StringBuilder out = new StringBuilder();
    if (e.getSQLState() != null) {
      out.append("SQLSTATE ").append(e.getSQLState()).append(": ");
    }
    out.append(message);
    if (detail != null && !detail.isBlank()) {
      out.append(" (").append(detail.replace('\n', ' ')).append(')');
    }
    return out.toString();
  }
}
