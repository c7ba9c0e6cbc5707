package io.mcpiac.mcp.envelope;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a tool answers when it succeeds: the envelope's {@code data} and a short text for people
 * (the plan diff, the {@code ✓ create allow-ssh} lines).
 */
public record Reply(JsonNode data, String text) {}
