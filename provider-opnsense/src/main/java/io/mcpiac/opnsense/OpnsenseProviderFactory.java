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

  /** A relative {@code caFile} in the deployment is relative to the deployment file. */
  @Override
  public Provider create(
      String instance, ObjectNode settings, io.mcpiac.engine.providers.ProviderContext context) {
    if (settings != null
        && settings.hasNonNull("caFile")
        && context != null
        && context.baseDirectory() != null) {
      java.nio.file.Path ca = java.nio.file.Path.of(settings.get("caFile").asText());
      if (!ca.isAbsolute()) {
        settings = settings.deepCopy();
        settings.put("caFile", context.baseDirectory().resolve(ca).toString());
      }
    }
    return create(instance, settings);
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
}
