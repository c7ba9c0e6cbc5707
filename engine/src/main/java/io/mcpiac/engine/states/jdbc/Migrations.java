package io.mcpiac.engine.states.jdbc;

import io.mcpiac.engine.states.StateStoreException;
import java.util.concurrent.ThreadLocalRandom;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** Brings a database's schema up to date, once, when a store opens it. */
final class Migrations {
  static final String LOCATION = "classpath:db/migration";

  private Migrations() {}

  private static final int ATTEMPTS = 10;

  static void apply(SqlDialect dialect) {
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
