package io.mcpiac.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderContext;
import io.mcpiac.engine.providers.ProviderFactory;
import java.util.List;

/**
 * Makes {@code k8s} providers, one per cluster: {@code spec.providers.k8s} and {@code
 * spec.providers.k8s/NAME} for more clusters, each with {@code kubeconfig} (a path, relative to the
 * deployment file; default {@code $KUBECONFIG}, else {@code ~/.kube/config}), {@code context}
 * (default: the kubeconfig's current one) and {@code namespace} (where objects that name none go;
 * default: the context's, else {@code default}). Credentials stay in the kubeconfig. This class
 * names no fabric8 class, so the CLI's start-up does not load the client.
 */
public final class KubernetesProviderFactory implements ProviderFactory {

  @Override
  public String name() {
    return "k8s";
  }

  /** {@code serve --provider kubernetes} serves this provider. */
  @Override
  public List<String> aliases() {
    return List.of("kubernetes");
  }

  @Override
  public Provider create(String instance, ObjectNode settings) {
    return create(instance, settings, ProviderContext.workingDirectory());
  }

  @Override
  public Provider create(String instance, ObjectNode settings, ProviderContext context) {
    return KubernetesProviders.create(settings, context);
  }

  @Override
  public JsonNode settingsSchema() {
    return Json.parse(
        """
        {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "kubeconfig": {"type": "string", "minLength": 1},
            "context": {"type": "string", "minLength": 1},
            "namespace": {"type": "string", "minLength": 1}
          }
        }
        """);
  }

  @Override
  public List<String> overriddenEnvironment(String instance, ObjectNode settings) {
    String env = System.getenv("KUBECONFIG");
    return settings.hasNonNull("kubeconfig") && env != null && !env.isBlank()
        ? List.of(instance + ": kubeconfig from the deployment file overrides $KUBECONFIG")
        : List.of();
  }
}
