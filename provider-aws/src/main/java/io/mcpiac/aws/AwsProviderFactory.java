package io.mcpiac.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderContext;
import io.mcpiac.engine.providers.ProviderFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes {@link AwsProvider}s. Every CLI start loads this class through ServiceLoader, so it imports
 * nothing of the AWS SDK: the SDK is loaded when an instance is created. Settings: see {@link
 * AwsSettings}; several instances ({@code aws}, {@code aws/eu}) serve several regions or accounts.
 */
public final class AwsProviderFactory implements ProviderFactory {

  @Override
  public String name() {
    return AwsProvider.NAME;
  }

  @Override
  public Provider create(String instance, ObjectNode settings) {
    return create(instance, settings, ProviderContext.workingDirectory());
  }

  /** Objects are tagged with {@code context.deployment()} when the instance serves one. */
  @Override
  public Provider create(String instance, ObjectNode settings, ProviderContext context) {
    return new AwsProvider(AwsSettings.of(settings), context.deployment());
  }

  @Override
  public JsonNode settingsSchema() {
    return Json.parse(AwsSettings.SCHEMA);
  }

  @Override
  public List<String> overriddenEnvironment(String instance, ObjectNode settings) {
    List<String> out = new ArrayList<>();
    note(out, instance, settings, "endpoint", "AWS_ENDPOINT_URL");
    note(out, instance, settings, "region", "AWS_REGION");
    note(out, instance, settings, "profile", "AWS_PROFILE");
    return out;
  }

  private static void note(
      List<String> out, String instance, ObjectNode settings, String key, String variable) {
    String env = System.getenv(variable);
    if (settings.hasNonNull(key) && env != null && !env.isBlank()) {
      out.add(instance + ": " + key + " from the deployment file overrides $" + variable);
    }
  }
}
