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

  /**
   * Tells a stdio server where relative paths in properties (a Docker build context) resolve: the
   * orchestrator sets it to the deployment file's directory, so {@code context: ./app} means the
   * same as without the orchestrator. A server over HTTP runs elsewhere and keeps its own.
   */
  public static final String BASE_DIRECTORY_ENV = "MCP_IAC_BASE_DIR";

  public ServerSpec {
    prefixes = List.copyOf(prefixes);
    command = command == null ? null : List.copyOf(command);
    env = env == null ? Map.of() : Map.copyOf(env);
  }

  /** This server with {@link #BASE_DIRECTORY_ENV} set, unless it is HTTP or the file sets it. */
  public ServerSpec withBaseDirectory(java.nio.file.Path directory) {
    if (!stdio() || directory == null || env.containsKey(BASE_DIRECTORY_ENV)) {
      return this;
    }
    Map<String, String> more = new java.util.LinkedHashMap<>(env);
    more.put(BASE_DIRECTORY_ENV, directory.toAbsolutePath().normalize().toString());
    return new ServerSpec(name, prefixes, command, more, url, tokenEnv, timeout);
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
