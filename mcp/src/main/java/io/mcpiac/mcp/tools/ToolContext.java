package io.mcpiac.mcp.tools;

import io.mcpiac.engine.Engine;
import io.mcpiac.mcp.jobs.Jobs;

/** What every tool works with: the engine (its providers and state), kept plans, running jobs. */
public record ToolContext(Engine engine, PlanCache plans, Jobs jobs) {}
