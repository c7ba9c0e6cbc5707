package io.mcpiac.opnsense.guard;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;

/**
 * Where the API traffic goes: the firewall's address and API port (from its URL) and the local
 * address this machine reaches it from (found by routing, without sending a packet).
 */
public record NetworkView(InetAddress client, InetAddress firewall, int apiPort, String host) {

  public static NetworkView of(String url) {
    URI uri = URI.create(url);
    int port = uri.getPort() > 0 ? uri.getPort() : "http".equals(uri.getScheme()) ? 80 : 443;
    InetAddress fw = null;
    InetAddress local = null;
    try {
      fw = InetAddress.getByName(uri.getHost());
      try (DatagramSocket s = new DatagramSocket()) {
        s.connect(fw, port);
        local = s.getLocalAddress();
      }
      if (local != null && local.isAnyLocalAddress()) {
        local = fw.isLoopbackAddress() ? fw : null;
      }
    } catch (Exception e) {
      // unresolvable or unroutable: the guard then judges by "any" only
    }
    return new NetworkView(local, fw, port, uri.getHost());
  }
}
