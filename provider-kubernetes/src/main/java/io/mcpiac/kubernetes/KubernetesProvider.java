package io.mcpiac.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mcpiac.engine.providers.ProviderException;
import io.mcpiac.engine.providers.kit.Failure;
import io.mcpiac.engine.providers.kit.KitProvider;
import io.mcpiac.kubernetes.client.KubeConnection;
import io.mcpiac.kubernetes.objects.ObjectStore;
import io.mcpiac.kubernetes.resources.KubernetesResources;
import io.mcpiac.kubernetes.resources.Ordering;

/**
 * The {@code kubernetes} provider: typed kinds and {@code k8s:manifest} on one cluster, one {@link
 * io.mcpiac.engine.providers.kit.TypeHandler} each. Every object it writes carries mcp-iac's labels
 * (see {@link io.mcpiac.kubernetes.objects.Bookkeeping}), so a read is one list call per kind.
 */
public final class KubernetesProvider extends KitProvider<ObjectStore> {
  public static final String NAME = "k8s";

  private final ObjectStore store;

  /**
   * @param deployment the deployment objects are labelled with (null: several, an MCP server)
   */
  public KubernetesProvider(KubeConnection connection, String deployment) {
    this(new ObjectStore(connection), deployment);
  }

  private KubernetesProvider(ObjectStore store, String deployment) {
    super(NAME, KubernetesResources.all(deployment, store));
    this.store = store;
  }

  @Override
  protected ObjectStore session() {
    return store;
  }

  /**
   * An answer of the API server (a status code) fails that change; no answer at all fails the
   * batch, so the engine reads what happened.
   */
  @Override
  protected Failure classify(RuntimeException e) {
    if (e instanceof KubernetesClientException k && k.getCode() > 0) {
      String reason = k.getStatus() != null ? k.getStatus().getMessage() : k.getMessage();
      return new Failure.OfChange("the API server answered " + k.getCode() + ": " + reason);
    }
    if (e instanceof KubernetesClientException) {
      return new Failure.OfBatch(unreachable(e));
    }
    return Failure.ofChange(e);
  }

  private ProviderException unreachable(RuntimeException e) {
    return new ProviderException(
        "the Kubernetes API server at "
            + endpoint()
            + " did not answer ("
            + store.connection().describedAs()
            + "): "
            + rootCause(e),
        e);
  }

  /** fabric8's own message is "An error has occurred."; the cause says what (refused, TLS…). */
  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  /** Namespaces and CRDs before what lives in them (see {@link Ordering}). */
  @Override
  public java.util.List<io.mcpiac.engine.providers.ImpliedDependency> impliedDependencies(
      java.util.Map<String, java.util.List<io.mcpiac.engine.providers.Placement>> byType) {
    return Ordering.of(byType, () -> store.connection().defaultNamespace());
  }

  @Override
  public void probe() {
    try {
      store.client().getKubernetesVersion();
    } catch (KubernetesClientException e) {
      throw unreachable(e);
    }
  }

  @Override
  public String endpoint() {
    try {
      return store.client().getMasterUrl().toString();
    } catch (RuntimeException e) {
      return store.connection().describedAs();
    }
  }

  @Override
  public void close() {
    store.connection().close();
  }
}
