package io.mcpiac.mysql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderContext;
import io.mcpiac.engine.providers.ProviderException;
import io.mcpiac.engine.providers.ProviderFactory;
import io.mcpiac.mysql.client.MysqlSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Makes {@link MysqlProvider}s. Settings ({@code spec.providers.mysql}, never a password): {@code
 * host}, {@code port}, {@code user}, {@code database}, {@code sslMode}, {@code serverCaFile},
 * {@code connectTimeoutSeconds}, {@code lockWaitTimeoutSeconds}, and where the password is: {@code
 * passwordEnv} (the name of a variable) or {@code passwordFile} (a path).
 *
 * <p>The environment fills what the settings leave out. The default instance {@code mysql}: {@code
 * MCP_IAC_MYSQL_HOST} (or the MySQL client's {@code MYSQL_HOST}), {@code MCP_IAC_MYSQL_PORT} (or
 * {@code MYSQL_TCP_PORT}), {@code MCP_IAC_MYSQL_USER}, and the password from {@code
 * MCP_IAC_MYSQL_PASSWORD} or the client's {@code MYSQL_PWD}. Another instance {@code mysql/reports}
 * reads only its own variables ({@code MCP_IAC_MYSQL_REPORTS_HOST}, {@code …_PORT}, {@code …_USER},
 * {@code …_PASSWORD}): one server's password never goes to another.
 *
 * <p>No SDK class is touched here: the CLI loads every factory at start-up.
 */
public final class MysqlProviderFactory implements ProviderFactory {
  private final Function<String, String> env;

  public MysqlProviderFactory() {
    this(System::getenv);
  }

  /** With another environment (tests). */
  public MysqlProviderFactory(Function<String, String> env) {
    this.env = env;
  }

  @Override
  public String name() {
    return MysqlProvider.NAME;
  }

  @Override
  public JsonNode settingsSchema() {
    return Json.parse(
        """
        {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "host": {"type": "string", "minLength": 1},
            "port": {"type": "integer", "minimum": 1, "maximum": 65535},
            "user": {"type": "string", "minLength": 1},
            "database": {"type": "string", "minLength": 1},
            "sslMode": {"type": "string", "enum": ["disable", "trust", "verify-ca", "verify-full"]},
            "serverCaFile": {"type": "string", "minLength": 1},
            "passwordEnv": {"type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$"},
            "passwordFile": {"type": "string", "minLength": 1},
            "connectTimeoutSeconds": {"type": "integer", "minimum": 1, "maximum": 600},
            "lockWaitTimeoutSeconds": {"type": "integer", "minimum": 1, "maximum": 86400}
          }
        }
        """);
  }

  @Override
  public Provider create(String instance, ObjectNode settings) {
    return create(instance, settings, ProviderContext.workingDirectory());
  }

  @Override
  public Provider create(String instance, ObjectNode settings, ProviderContext context) {
    return new MysqlProvider(settings(instance, settings, context.baseDirectory()));
  }

  /**
   * The prefix of an instance's own variables: {@code MCP_IAC_MYSQL}, {@code
   * MCP_IAC_MYSQL_REPORTS}.
   */
  static String prefix(String instance) {
    int slash = instance.indexOf('/');
    return slash < 0
        ? "MCP_IAC_MYSQL"
        : "MCP_IAC_MYSQL_"
            + instance.substring(slash + 1).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  private static boolean isDefault(String instance) {
    return instance.indexOf('/') < 0;
  }

  static String passwordVariables(String instance) {
    return isDefault(instance)
        ? "MCP_IAC_MYSQL_PASSWORD or MYSQL_PWD"
        : prefix(instance) + "_PASSWORD";
  }

  static String hostVariables(String instance) {
    return isDefault(instance)
        ? "MCP_IAC_MYSQL_HOST/MCP_IAC_MYSQL_PORT or MYSQL_HOST/MYSQL_TCP_PORT"
        : prefix(instance) + "_HOST/" + prefix(instance) + "_PORT";
  }

  /** A setting, else the instance's variable, else (default instance only) the client's one. */
  private String pick(String instance, ObjectNode settings, String key, String own, String client) {
    if (settings.hasNonNull(key)) {
      return settings.get(key).asText();
    }
    String v = blankToNull(env.apply(prefix(instance) + "_" + own));
    if (v == null && client != null && isDefault(instance)) {
      v = blankToNull(env.apply(client));
    }
    return v;
  }

  private static String blankToNull(String v) {
    return v == null || v.isBlank() ? null : v;
  }

  MysqlSettings settings(String instance, ObjectNode settings, Path base) {
    String host = pick(instance, settings, "host", "HOST", "MYSQL_HOST");
    String port = pick(instance, settings, "port", "PORT", "MYSQL_TCP_PORT");
    String user = pick(instance, settings, "user", "USER", null);
    int portNumber;
    try {
      portNumber = port == null ? 3306 : Integer.parseInt(port.trim());
    } catch (NumberFormatException e) {
      throw new ProviderException(instance + ": the port '" + port + "' is not a number");
    }
    String[] password = password(instance, settings, base);
    String ca = settings.hasNonNull("serverCaFile") ? settings.get("serverCaFile").asText() : null;
    return new MysqlSettings(
        instance,
        host == null ? "localhost" : host,
        portNumber,
        user == null ? "root" : user,
        password[0],
        password[1],
        settings.hasNonNull("database") ? settings.get("database").asText() : null,
        settings.path("sslMode").asText("disable"),
        ca == null ? null : base.resolve(ca),
        settings.path("connectTimeoutSeconds").asInt(10),
        settings.path("lockWaitTimeoutSeconds").asInt(30));
  }

  /** The password and where it came from; {@code {null, null}} when there is none. */
  private String[] password(String instance, ObjectNode settings, Path base) {
    if (settings.hasNonNull("passwordFile")) {
      Path file = base.resolve(settings.get("passwordFile").asText());
      try {
        String text = Files.readString(file);
        // one trailing line break is the file's, not the password's (as ${secret.file:…})
        text = text.endsWith("\r\n") ? text.substring(0, text.length() - 2) : text;
        text = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return new String[] {text, file.toString()};
      } catch (IOException e) {
        throw new ProviderException(
            "spec.providers." + instance + ".passwordFile: cannot read " + file + ": " + e);
      }
    }
    List<String> names = new ArrayList<>();
    if (settings.hasNonNull("passwordEnv")) {
      names.add(settings.get("passwordEnv").asText());
    } else {
      names.add(prefix(instance) + "_PASSWORD");
      if (isDefault(instance)) {
        names.add("MYSQL_PWD");
      }
    }
    for (String name : names) {
      String v = env.apply(name);
      if (v != null && !v.isEmpty()) {
        return new String[] {v, "$" + name};
      }
    }
    if (settings.hasNonNull("passwordEnv")) {
      throw new ProviderException(
          "spec.providers."
              + instance
              + ".passwordEnv names $"
              + names.get(0)
              + ", which is not set");
    }
    return new String[] {null, null};
  }

  @Override
  public List<String> overriddenEnvironment(String instance, ObjectNode settings) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> e :
        Map.of("host", "HOST", "port", "PORT", "user", "USER").entrySet()) {
      String variable = prefix(instance) + "_" + e.getValue();
      if (settings.hasNonNull(e.getKey()) && blankToNull(env.apply(variable)) != null) {
        out.add(instance + ": " + e.getKey() + " from the deployment file overrides $" + variable);
      }
    }
    out.sort(null);
    return out;
  }
}
