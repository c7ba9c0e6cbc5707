package io.mcpiac.opnsense;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderFactory;
import io.mcpiac.opnsense.client.ConnectionSettings;
import java.util.Map;

/**
 * Makes {@code opnsense} and {@code opnsense/NAME} instances. Settings ({@code spec.providers}):
 * {@code url}, {@code caFile}, {@code insecure}, {@code writeConcurrency} (parallel writes within a
 * batch, default 4). Credentials and defaults come from the environment: {@code OPNSENSE_URL} (or
 * {@code OPNSENSE_HOST}), {@code OPNSENSE_API_KEY}, {@code OPNSENSE_API_SECRET} or {@code
 * OPNSENSE_API_KEY_FILE}, {@code OPNSENSE_CA_FILE}, {@code OPNSENSE_INSECURE}; for {@code
 * opnsense/branch} the same names with {@code OPNSENSE_BRANCH_} in front.
 */
public final class OpnsenseProviderFactory implements ProviderFactory {
  private final Map<String, String> env;

  public OpnsenseProviderFactory() {
    this(System.getenv());
  }

  /** For embedding and tests: an environment other than the process's. */
  public OpnsenseProviderFactory(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public String name() {
    return OpnsenseProvider.NAME;
  }

  /**
   * A relative {@code caFile} or {@code apiKeyFile} in the deployment is relative to the deployment
   * file.
   */
  @Override
  public Provider create(
      String instance, ObjectNode settings, io.mcpiac.engine.providers.ProviderContext context) {
    for (String key : new String[] {"caFile", "apiKeyFile"}) {
      if (settings != null
          && settings.hasNonNull(key)
          && context != null
          && context.baseDirectory() != null) {
        java.nio.file.Path file = java.nio.file.Path.of(settings.get(key).asText());
        if (!file.isAbsolute()) {
          settings = settings.deepCopy();
          settings.put(key, context.baseDirectory().resolve(file).toString());
        }
      }
    }
    return create(instance, settings);
  }

  /** Every setting {@link #create} reads; nothing else is accepted. */
  @Override
  public com.fasterxml.jackson.databind.JsonNode settingsSchema() {
    return io.mcpiac.engine.json.Json.parse(
        """
        {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "url": {"type": "string", "minLength": 1,
                    "description": "https://fw.lan; else $OPNSENSE_URL, $OPNSENSE_URI, $OPNSENSE_HOST"},
            "caFile": {"type": "string", "minLength": 1},
            "insecure": {"type": "boolean"},
            "apiKeyFile": {"type": "string", "minLength": 1,
                           "description": "OPNsense's exported key file (key=…, secret=…)"},
            "writeConcurrency": {"type": "integer", "minimum": 1},
            "timeoutSeconds": {"type": "integer", "minimum": 1},
            "retries": {"type": "integer", "minimum": 1},
            "retryBackoffMs": {"type": "integer", "minimum": 0}
          }
        }
        """);
  }

  @Override
  public java.util.List<String> overriddenEnvironment(String instance, ObjectNode settings) {
    return ConnectionSettings.overriddenByFile(instance, settings, env);
  }

  @Override
  public Provider create(String instance, ObjectNode settings) {
    ConnectionSettings s = ConnectionSettings.resolve(instance, settings, env);
    ObjectNode conf =
        settings == null
            ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
            : settings;
    OpnsenseProvider.ClientTuning d = OpnsenseProvider.ClientTuning.DEFAULTS;
    OpnsenseProvider.ClientTuning tuning =
        new OpnsenseProvider.ClientTuning(
            conf.path("timeoutSeconds").asInt(d.timeoutSeconds()),
            conf.path("retries").asInt(d.attempts()),
            conf.path("retryBackoffMs").asLong(d.backoffMillis()));
    return new OpnsenseProvider(s, conf.path("writeConcurrency").asInt(4), tuning);
  }

  @Override
  public java.util.List<io.mcpiac.engine.providers.ScopedEntryPoints> scopedEntryPoints() {
    return java.util.List.of(OpnsenseProvider.NETWORK_TOOLS);
  }
}
