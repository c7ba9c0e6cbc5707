package io.mcpiac.kubernetes.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;

/**
 * Where one provider instance connects: a kubeconfig file (null: {@code KUBECONFIG}, else {@code
 * ~/.kube/config}), a context in it (null: its current context) and the namespace objects go to
 * when they name none (null: the context's namespace, else {@code default}).
 */
public record KubeSettings(Path kubeconfig, String context, String namespace) {

  /**
   * From an instance's {@code spec.providers} entry; a relative kubeconfig path is resolved against
   * {@code base} (the deployment file's directory).
   */
  public static KubeSettings of(ObjectNode settings, Path base) {
    String file = text(settings, "kubeconfig");
    Path kubeconfig = file == null ? null : base.resolve(expandHome(file)).normalize();
    return new KubeSettings(kubeconfig, text(settings, "context"), text(settings, "namespace"));
  }

  private static String text(ObjectNode settings, String key) {
    return settings.hasNonNull(key) && !settings.get(key).asText().isBlank()
        ? settings.get(key).asText()
        : null;
  }

  private static String expandHome(String path) {
    return path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
  }
}
