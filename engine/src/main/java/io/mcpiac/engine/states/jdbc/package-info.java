/**
 * The state store in SQL, for every database at once.
 *
 * <p>{@link io.mcpiac.engine.states.jdbc.JdbcStateStore} runs each SPI call as one small
 * transaction on one shared connection ({@link io.mcpiac.engine.states.jdbc.Database}), through one
 * class per table. The schema is {@code db/migration} (Flyway), the same files for every database.
 * Resources are temporal rows ({@code valid_from}, {@code valid_to}): a write closes one row and
 * opens another, so any version can be read back and no write grows with the size of the
 * deployment. A {@link io.mcpiac.engine.states.jdbc.SqlDialect} holds what differs: connections,
 * one migration placeholder, how a writing transaction starts, and how locks are guarded ({@link
 * io.mcpiac.engine.states.jdbc.LeaseLocks} for SQLite, advisory locks for PostgreSQL).
 */
package io.mcpiac.engine.states.jdbc;
