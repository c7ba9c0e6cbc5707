package io.mcpiac.opnsense.client;

import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * Whether the API key and secret from the environment may go to a URL. They belong to the firewall
 * the operator named in the environment ({@code OPNSENSE_URL}, or the instance's own {@code
 * OPNSENSE_BRANCH_URL}); a deployment file is shared and committed, so a URL written there that
 * differs gets them only when the operator opts in with {@code PREFIX_TRUST_FILE_URL=true}. Over
 * plain http they go only to a loopback address, unless the operator sets {@code
 * PREFIX_INSECURE=true} in the environment (an {@code insecure} in the file is not enough: the file
 * would be deciding where the operator's credentials travel).
 */
final class CredentialBinding {
  static final String TRUST_FILE_URL = "TRUST_FILE_URL";

  private CredentialBinding() {}

  /**
   * Null when the credentials may be sent to {@code url}; otherwise why not, naming the variable
   * that would allow it.
   */
  static String refusal(
      String prefix, String url, String fileUrl, String envUrl, Map<String, String> env) {
    if (url == null) {
      return null;
    }
    if (fileUrl != null
        && !fileUrl.equals(envUrl)
        && !"true".equalsIgnoreCase(env.get(prefix + TRUST_FILE_URL))) {
      return "the API credentials from the environment are bound to "
          + (envUrl == null ? "no URL (" + prefix + "URL is not set)" : envUrl)
          + ", and the deployment file names "
          + fileUrl
          + ": set "
          + prefix
          + "URL to it, or "
          + prefix
          + TRUST_FILE_URL
          + "=true to send them there";
    }
    if (url.toLowerCase(Locale.ROOT).startsWith("http://")
        && !isLoopback(url)
        && !"true".equalsIgnoreCase(env.get(prefix + "INSECURE"))) {
      return "the API credentials would travel in clear over plain http to "
          + url
          + ": use https, or set "
          + prefix
          + "INSECURE=true in the environment";
    }
    return null;
  }

  /** True only for a literal loopback address or {@code localhost}; never a lookup of a name. */
  static boolean isLoopback(String url) {
    String host;
    try {
      host = URI.create(url).getHost();
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (host == null) {
      return false;
    }
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false; // a name: resolving it here could be steered; only literals count
    }
    try {
      return InetAddress.getByName(literal).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }
}
