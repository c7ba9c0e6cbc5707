/** The engine: resource model, configuration, dependency graph, planner, executor and state. */
package io.mcpiac.engine;
