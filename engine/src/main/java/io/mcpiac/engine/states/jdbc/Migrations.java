package io.mcpiac.engine.states.jdbc;

import io.mcpiac.engine.states.StateStoreException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** Brings a database's schema up to date, once, when a store opens it. */
final class Migrations {
  static final String LOCATION = "classpath:db/migration";

  private Migrations() {}

  static void apply(SqlDialect dialect) {
    try {
      Flyway.configure(Migrations.class.getClassLoader())
          .dataSource(dialect.dataSource())
          .locations(LOCATION)
          .placeholders(dialect.migrationPlaceholders())
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StateStoreException(
          "cannot prepare the state schema at " + dialect.location() + ": " + e.getMessage(), e);
    }
  }
}
