package io.mcpiac.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderContext;
import io.mcpiac.engine.providers.ProviderException;
import io.mcpiac.engine.providers.ProviderFactory;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;

/**
 * Makes {@link DockerProvider}s. Settings ({@code spec.providers.docker}): {@code host} (overrides
 * {@code DOCKER_HOST}: {@code unix:///path/docker.sock} or {@code tcp://host:2375}) and {@code
 * startCheckMs} (how long a started container is watched for an early exit; default 500).
 */
public final class DockerProviderFactory implements ProviderFactory {
  private static final Set<String> SETTINGS = Set.of("host", "startCheckMs");
  private static final long DEFAULT_START_CHECK_MS = 500;

  @Override
  public String name() {
    return DockerProvider.NAME;
  }

  @Override
  public Provider create(String instance, ObjectNode settings) {
    return create(instance, settings, ProviderContext.workingDirectory());
  }

  @Override
  public JsonNode settingsSchema() {
    return io.mcpiac.engine.json.Json.parse(
        """
        {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "host": {"type": "string", "minLength": 1},
            "startCheckMs": {"type": "integer", "minimum": 0}
          }
        }
        """);
  }

  @Override
  public java.util.List<String> overriddenEnvironment(String instance, ObjectNode settings) {
    String env = System.getenv("DOCKER_HOST");
    return settings.hasNonNull("host") && env != null && !env.isBlank()
        ? java.util.List.of(instance + ": host from the deployment file overrides $DOCKER_HOST")
        : java.util.List.of();
  }

  /**
   * Objects are labelled with {@code context.deployment()} when there is one; relative build
   * contexts resolve against {@code context.baseDirectory()}, the deployment file's directory.
   */
  @Override
  public Provider create(String instance, ObjectNode settings, ProviderContext context) {
    for (Iterator<String> it = settings.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!SETTINGS.contains(key)) {
        throw new ProviderException(
            "spec.providers."
                + instance
                + "."
                + key
                + " is not a docker setting (known: host,"
                + " startCheckMs)");
      }
    }
    JsonNode host = settings.get("host");
    long startCheck = settings.path("startCheckMs").asLong(DEFAULT_START_CHECK_MS);
    return new DockerProvider(
        host == null || host.isNull() || host.asText().isBlank() ? null : host.asText(),
        Duration.ofMillis(Math.max(0, startCheck)),
        context);
  }
}
