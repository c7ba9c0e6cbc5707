package io.mcpiac.mcp.remote;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One provider server of a {@code servers.yaml}: which type prefixes it owns and how to reach it,
 * either a command started with stdio as the MCP channel or a Streamable HTTP URL.
 *
 * @param prefixes type prefixes without the colon: {@code docker}, {@code opnsense}
 * @param command the stdio server's command line (null for HTTP)
 * @param env variables added to the stdio server's environment
 * @param url the HTTP endpoint, e.g. {@code http://127.0.0.1:8123/mcp} (null for stdio)
 * @param tokenEnv the environment variable holding the HTTP bearer token (null: none); the token
 *     itself is never written in the file
 * @param timeout how long one tool call may take (an apply waits for the whole remote apply)
 */
public record ServerSpec(
    String name,
    List<String> prefixes,
    List<String> command,
    Map<String, String> env,
    URI url,
    String tokenEnv,
    Duration timeout) {

  public ServerSpec {
    prefixes = List.copyOf(prefixes);
    command = command == null ? null : List.copyOf(command);
    env = env == null ? Map.of() : Map.copyOf(env);
  }

  public boolean stdio() {
    return command != null;
  }

  /** How a message names the server: its name and where it runs. */
  public String describe() {
    return "server '"
        + name
        + "' ("
        + (stdio() ? "stdio: " + String.join(" ", command) : url.toString())
        + ")";
  }
}
