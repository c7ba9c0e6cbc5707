package io.mcpiac.opnsense.handlers;

import io.mcpiac.opnsense.client.OpnsenseClient;
import io.mcpiac.opnsense.resources.Lookups;
import io.mcpiac.opnsense.resources.Reader;
import io.mcpiac.opnsense.resources.Writer;

/**
 * What one read, import or batch works with: the client and one set of lookups (each collection
 * searched once), shared by its reader and its writer. Opening it calls nothing.
 */
public final class OpnsenseSession {
  private final OpnsenseClient client;
  private final Lookups lookups;
  private final Writer writer;
  private Reader reader;

  public OpnsenseSession(OpnsenseClient client) {
    this.client = client;
    this.lookups = new Lookups(client);
    this.writer = new Writer(client, lookups);
  }

  public OpnsenseClient client() {
    return client;
  }

  public Lookups lookups() {
    return lookups;
  }

  public Writer writer() {
    return writer;
  }

  /** The reader for this firewall's version (asked on first use). */
  public synchronized Reader reader() {
    if (reader == null) {
      reader = new Reader(lookups, client.version());
    }
    return reader;
  }
}
