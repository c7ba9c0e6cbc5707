package io.mcpiac.kubernetes.client;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.mcpiac.engine.providers.ProviderException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * One cluster: the fabric8 client, made on first use (so a plan that needs no cluster and the CLI's
 * start-up never pay for it), with the namespace objects default to.
 */
public final class KubeConnection implements AutoCloseable {
  private static final int RETRIES = 3;
  private static final int RETRY_INTERVAL_MS = 250;
  private final Supplier<KubernetesClient> factory;
  private final String describedAs;
  private volatile KubernetesClient client;
  private volatile String namespace;
  private final String namespaceSetting;

  private KubeConnection(
      Supplier<KubernetesClient> factory, String describedAs, String namespaceSetting) {
    this.factory = factory;
    this.describedAs = describedAs;
    this.namespaceSetting = namespaceSetting;
  }

  /** A connection from a kubeconfig and a context (see {@link KubeSettings}). */
  public static KubeConnection of(KubeSettings settings) {
    String where =
        (settings.kubeconfig() != null ? settings.kubeconfig().toString() : kubeconfigName())
            + (settings.context() == null ? "" : " context " + settings.context());
    return new KubeConnection(() -> build(settings), where, settings.namespace());
  }

  /** A connection over a client someone else made (tests against the mock server). */
  public static KubeConnection over(KubernetesClient client, String namespace) {
    return new KubeConnection(() -> client, client.getMasterUrl().toString(), namespace);
  }

  public KubernetesClient client() {
    KubernetesClient c = client;
    if (c == null) {
      synchronized (this) {
        if (client == null) {
          client = factory.get();
          String ns = namespaceSetting != null ? namespaceSetting : client.getNamespace();
          namespace = ns == null || ns.isBlank() ? "default" : ns;
        }
        c = client;
      }
    }
    return c;
  }

  /** The namespace of objects that name none. */
  public String defaultNamespace() {
    client();
    return namespace;
  }

  /** The kubeconfig and context this connection uses, for messages. */
  public String describedAs() {
    return describedAs;
  }

  private static String kubeconfigName() {
    String env = System.getenv("KUBECONFIG");
    return env != null && !env.isBlank() ? env : "~/.kube/config";
  }

  private static KubernetesClient build(KubeSettings s) {
    Config config;
    if (s.kubeconfig() != null) {
      config = fromFile(s.kubeconfig(), s.context());
    } else if (s.context() != null) {
      config = Config.autoConfigure(s.context());
    } else {
      config = Config.autoConfigure(null);
    }
    // fabric8 retries a refused connection 10 times with exponential backoff from 1 s (minutes
    // before a plan learns the cluster is down); 3 retries from 250 ms still ride out a blip
    config.setRequestRetryBackoffLimit(Math.min(RETRIES, config.getRequestRetryBackoffLimit()));
    config.setRequestRetryBackoffInterval(
        Math.min(RETRY_INTERVAL_MS, config.getRequestRetryBackoffInterval()));
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  private static Config fromFile(Path file, String context) {
    try {
      return Config.fromKubeconfig(context, Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new ProviderException(
          "cannot read the kubeconfig " + file + " (spec.providers.kubernetes.kubeconfig): " + e);
    }
  }

  @Override
  public void close() {
    KubernetesClient c = client;
    if (c != null) {
      c.close();
    }
  }
}
