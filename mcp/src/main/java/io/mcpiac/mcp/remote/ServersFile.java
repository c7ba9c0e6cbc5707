package io.mcpiac.mcp.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code servers.yaml}: which provider MCP server owns which type prefixes.
 *
 * <pre>
 * servers:
 *   - name: docker                      # names the server in messages and results
 *     prefixes: ["docker:"]             # type prefixes it owns
 *     command: [bin/mcp-iac, serve, --provider, docker]   # started with stdio as MCP channel
 *     env: {MCP_IAC_STATE: "sqlite:.mcp-iac/docker.db"}  # added to its environment
 *   - name: firewall
 *     prefixes: ["opnsense:"]
 *     url: http://127.0.0.1:8123/mcp    # Streamable HTTP
 *     tokenEnv: MCP_IAC_TOKEN_FIREWALL  # the bearer token is read from this variable
 *     timeoutSeconds: 600               # one tool call (a whole remote apply), default 600
 * subDeployment: orchestrated           # optional: the deployment name each server keeps its
 *                                       # part under (default: orchestrated)
 * </pre>
 *
 * Relative paths in {@code command} stay relative to the working directory of the orchestrator.
 */
public record ServersFile(List<ServerSpec> servers, String subDeployment) {
  public static final String DEFAULT_SUB_DEPLOYMENT = "orchestrated";
  static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  public ServersFile {
    servers = List.copyOf(servers);
  }

  public static ServersFile load(Path file) {
    try {
      return parse(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read servers file " + file + ": " + e, e);
    }
  }

  public static ServersFile parse(String yaml, String origin) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    } catch (IOException e) {
      throw new IllegalArgumentException(origin + ": not valid YAML: " + e.getMessage(), e);
    }
    if (root == null || !root.path("servers").isArray() || root.path("servers").isEmpty()) {
      throw new IllegalArgumentException(origin + ": needs a non-empty 'servers' list");
    }
    List<ServerSpec> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Map<String, String> owners = new LinkedHashMap<>();
    int index = 0;
    for (JsonNode s : root.path("servers")) {
      String where = origin + ": servers[" + index++ + "]";
      String name = s.path("name").asText("");
      if (name.isBlank()) {
        throw new IllegalArgumentException(where + ": 'name' is required");
      }
      where = origin + ": server '" + name + "'";
      if (!names.add(name)) {
        throw new IllegalArgumentException(where + ": the name is used twice");
      }
      List<String> prefixes = new ArrayList<>();
      for (JsonNode p : s.path("prefixes")) {
        String prefix = p.asText().trim();
        prefix = prefix.endsWith(":") ? prefix.substring(0, prefix.length() - 1) : prefix;
        if (prefix.isEmpty() || prefix.contains(":") || prefix.contains("/")) {
          throw new IllegalArgumentException(
              where
                  + ": a prefix is a provider name such as \"docker:\", not '"
                  + p.asText()
                  + "'");
        }
        String other = owners.putIfAbsent(prefix, name);
        if (other != null) {
          throw new IllegalArgumentException(
              where + ": prefix '" + prefix + ":' is already owned by server '" + other + "'");
        }
        prefixes.add(prefix);
      }
      if (prefixes.isEmpty()) {
        throw new IllegalArgumentException(where + ": 'prefixes' lists no type prefix");
      }
      boolean hasCommand = s.has("command");
      boolean hasUrl = s.has("url");
      if (hasCommand == hasUrl) {
        throw new IllegalArgumentException(where + ": give either 'command' or 'url'");
      }
      List<String> command = null;
      if (hasCommand) {
        command = new ArrayList<>();
        if (s.get("command").isTextual()) {
          command.addAll(List.of(s.get("command").asText().trim().split("\\s+")));
        } else {
          for (JsonNode c : s.get("command")) {
            command.add(c.asText());
          }
        }
        if (command.isEmpty() || command.get(0).isBlank()) {
          throw new IllegalArgumentException(where + ": 'command' is empty");
        }
      }
      Map<String, String> env = new LinkedHashMap<>();
      s.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
      URI url = null;
      if (hasUrl) {
        url = URI.create(s.get("url").asText());
        if (url.getScheme() == null
            || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
          throw new IllegalArgumentException(where + ": 'url' must be http(s)://host:port/path");
        }
      }
      if (s.has("token")) {
        throw new IllegalArgumentException(
            where + ": never write a token in the file; name its variable with 'tokenEnv'");
      }
      String tokenEnv = s.hasNonNull("tokenEnv") ? s.get("tokenEnv").asText() : null;
      Duration timeout =
          s.has("timeoutSeconds")
              ? Duration.ofSeconds(Math.max(1, s.get("timeoutSeconds").asLong()))
              : DEFAULT_TIMEOUT;
      out.add(new ServerSpec(name, prefixes, command, env, url, tokenEnv, timeout));
    }
    String sub = root.path("subDeployment").asText(DEFAULT_SUB_DEPLOYMENT);
    return new ServersFile(out, sub.isBlank() ? DEFAULT_SUB_DEPLOYMENT : sub);
  }
}
