package io.mcpiac.docker.client;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.mcpiac.engine.providers.ProviderException;
import java.io.IOException;
import java.time.Duration;

/**
 * The connection to one Docker Engine, opened on first use: validating a deployment must not need a
 * running daemon. Thread-safe; docker-java's client is safe for concurrent calls.
 */
public final class DockerConnection implements AutoCloseable {
  private final String host;
  private DockerClient client;

  /**
   * @param host {@code unix:///path/docker.sock} or {@code tcp://host:port}; null: {@code
   *     DOCKER_HOST}, else docker-java's default (the local socket)
   */
  public DockerConnection(String host) {
    this.host = host;
  }

  /** Where this connection points, for messages. */
  public String host() {
    if (host != null) {
      return host;
    }
    String env = System.getenv("DOCKER_HOST");
    return env != null && !env.isBlank() ? env : "unix:///var/run/docker.sock";
  }

  public synchronized DockerClient client() {
    if (client == null) {
      DefaultDockerClientConfig.Builder config =
          DefaultDockerClientConfig.createDefaultConfigBuilder();
      if (host != null) {
        config.withDockerHost(host);
      }
      DockerClientConfig built = config.build();
      DockerHttpClient http =
          new ZerodepDockerHttpClient.Builder()
              .dockerHost(built.getDockerHost())
              .sslConfig(built.getSSLConfig())
              .connectionTimeout(Duration.ofSeconds(10))
              // image builds stream for as long as their RUN steps take
              .responseTimeout(Duration.ofMinutes(30))
              .maxConnections(32)
              .build();
      client = DockerClientImpl.getInstance(built, http);
    }
    return client;
  }

  /** Turns a failure to reach the daemon into a message a user can act on. */
  public ProviderException unreachable(RuntimeException cause) {
    return new ProviderException(
        "the Docker Engine at "
            + host()
            + " did not answer ("
            + cause.getMessage()
            + "); start it or set DOCKER_HOST (or spec.providers.docker.host)",
        cause);
  }

  @Override
  public synchronized void close() {
    if (client != null) {
      try {
        client.close();
      } catch (IOException e) {
        // nothing is left to lose when closing
      }
      client = null;
    }
  }
}
