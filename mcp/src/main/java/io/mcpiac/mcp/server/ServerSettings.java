package io.mcpiac.mcp.server;

/**
 * How a server presents itself and what it offers.
 *
 * @param name the server name in the envelope and the MCP handshake ({@code mcp-iac})
 * @param readOnly offer no tool that changes state or infrastructure
 */
public record ServerSettings(String name, String version, boolean readOnly) {}
