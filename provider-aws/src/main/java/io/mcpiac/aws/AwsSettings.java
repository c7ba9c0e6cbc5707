package io.mcpiac.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * One instance's connection settings ({@code spec.providers.aws}, {@code spec.providers.aws/eu}):
 * never credentials, which come from the SDK's standard chain (environment, profiles).
 *
 * @param endpoint the API endpoint for every service (Moto, LocalStack, a VPC endpoint); null: the
 *     setting wins over {@code AWS_ENDPOINT_URL}, which wins over AWS's own endpoints
 * @param region null: the SDK's chain ({@code AWS_REGION}, the profile)
 * @param profile a named profile of {@code ~/.aws/config} for credentials and region; null: default
 * @param timeout how long a waiter (instance running, RDS available, a delete blocked by
 *     dependents) waits at most; null: each operation's own default (Terraform's)
 * @param poll the first interval between two looks while waiting (it grows to 10 s)
 */
public record AwsSettings(
    String endpoint, String region, String profile, Duration timeout, Duration poll) {

  static final String SCHEMA =
      """
      {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "endpoint": {"type": "string", "minLength": 1,
                       "description": "API endpoint for every service, e.g. http://127.0.0.1:5000 (Moto); overrides AWS_ENDPOINT_URL"},
          "region": {"type": "string", "minLength": 1, "description": "overrides AWS_REGION"},
          "profile": {"type": "string", "minLength": 1, "description": "a profile of ~/.aws/config; overrides AWS_PROFILE"},
          "timeoutSeconds": {"type": "integer", "minimum": 1,
                             "description": "longest wait for a state (running, available, deleted); default per operation as Terraform's"},
          "pollMs": {"type": "integer", "minimum": 1, "description": "first interval between looks while waiting; default 1000"}
        }
      }
      """;

  /** The settings of an instance's entry, with the environment's endpoint as fallback. */
  static AwsSettings of(ObjectNode settings) {
    String endpoint = text(settings, "endpoint");
    if (endpoint == null) {
      endpoint = blankToNull(System.getenv("AWS_ENDPOINT_URL"));
    }
    JsonNode timeout = settings.get("timeoutSeconds");
    return new AwsSettings(
        endpoint,
        text(settings, "region"),
        text(settings, "profile"),
        timeout == null || timeout.isNull() ? null : Duration.ofSeconds(timeout.asLong()),
        Duration.ofMillis(settings.path("pollMs").asLong(1000)));
  }

  /** The wait of an operation: the instance's setting, else the operation's own default. */
  public Duration timeoutOr(Duration operationDefault) {
    return timeout != null ? timeout : operationDefault;
  }

  private static String text(ObjectNode settings, String key) {
    JsonNode n = settings.get(key);
    return n == null || n.isNull() ? null : blankToNull(n.asText());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
