package io.mcpiac.opnsense.handlers;

import io.mcpiac.opnsense.OpnsenseProvider.ClientTuning;
import io.mcpiac.opnsense.client.ConnectionSettings;
import io.mcpiac.opnsense.client.OpnsenseClient;
import java.time.Duration;

/**
 * One firewall's connection settings and its client, opened on first use: validating a deployment
 * needs no firewall.
 */
public final class OpnsenseConnection {
  private final ConnectionSettings settings;
  private final ClientTuning tuning;
  private OpnsenseClient client;

  public OpnsenseConnection(ConnectionSettings settings, ClientTuning tuning) {
    this.settings = settings;
    this.tuning = tuning;
  }

  public ConnectionSettings settings() {
    return settings;
  }

  /** The client, connected on first use. */
  public synchronized OpnsenseClient client() {
    if (client == null) {
      client =
          new OpnsenseClient(
              settings,
              Duration.ofSeconds(tuning.timeoutSeconds()),
              tuning.attempts(),
              tuning.backoffMillis());
    }
    return client;
  }
}
