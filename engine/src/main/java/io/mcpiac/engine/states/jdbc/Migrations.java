package io.mcpiac.engine.states.jdbc;

import io.mcpiac.engine.states.StateStoreException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** Brings a database's schema up to date, once, when a store opens it. */
final class Migrations {
  static final String LOCATION = "classpath:db/migration";

  /**
   * Every file in {@code db/migration}, in order; add each new one here ({@code MigrationsTest}
   * checks). Listed rather than scanned: a scan of the class path is what makes Flyway slow to
   * start.
   */
  static final List<String> SCRIPTS =
      List.of("V1__state.sql", "V2__checkpoint_configuration.sql", "V3__version_writer.sql");

  /**
   * The newest migration's version: a store whose schema history already reached it skips Flyway,
   * which costs about 400 classes and a tenth of a second at every start.
   */
  static final String LATEST_VERSION = version(SCRIPTS.get(SCRIPTS.size() - 1));

  private Migrations() {}

  private static final int ATTEMPTS = 10;

  static void apply(SqlDialect dialect) {
    if (isCurrent(dialect) || FreshSchema.create(dialect, SCRIPTS)) {
      return;
    }
    Flyway flyway =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(dialect.dataSource())
            .locations(LOCATION)
            .placeholders(dialect.migrationPlaceholders())
            .load();
    for (int attempt = 1; ; attempt++) {
      try {
        flyway.migrate();
        return;
      } catch (FlywayException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
          if (c instanceof java.sql.SQLException sql && dialect.damage(sql).isPresent()) {
            throw new io.mcpiac.engine.states.StateDamagedException(
                dialect.damage(sql).get(), dialect.location(), sql.getMessage(), e);
          }
        }
        if (attempt == ATTEMPTS || !dialect.isTransient(e)) {
          throw new StateStoreException(
              "cannot prepare the state schema at " + dialect.location() + ": " + e.getMessage(),
              e);
        }
        pause(attempt);
      }
    }
  }

  /**
   * True when Flyway's history says the newest migration ran successfully. Any doubt (no history
   * table, an unreadable database, a failed migration) answers false and Flyway decides.
   */
  static boolean isCurrent(SqlDialect dialect) {
    try (java.sql.Connection c = dialect.dataSource().getConnection();
        java.sql.Statement s = c.createStatement();
        java.sql.ResultSet rows =
            s.executeQuery(
                "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
      boolean latest = false;
      while (rows.next()) {
        if (!rows.getBoolean(2)) {
          return false;
        }
        latest |= LATEST_VERSION.equals(rows.getString(1));
      }
      return latest;
    } catch (java.sql.SQLException e) {
      return false;
    }
  }

  /** {@code V12__name.sql}: 12. */
  static String version(String script) {
    return script.substring(1, script.indexOf("__"));
  }

  /** A random pause that grows, so that processes that collided do not collide again. */
  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(10, 50L * attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StateStoreException("interrupted while preparing the state schema", e);
    }
  }
}
