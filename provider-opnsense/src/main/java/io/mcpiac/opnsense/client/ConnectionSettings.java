package io.mcpiac.opnsense.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.providers.ProviderException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where a firewall is and how to log in. Connection settings come from {@code spec.providers} or
 * the environment; the key and secret only from the environment (or a key file it names), never
 * from a deployment file.
 *
 * <p>Instance {@code opnsense} reads {@code OPNSENSE_URL}, {@code OPNSENSE_API_KEY}, …; instance
 * {@code opnsense/branch} reads {@code OPNSENSE_BRANCH_URL}, {@code OPNSENSE_BRANCH_API_KEY}, …
 */
public record ConnectionSettings(
    String instance,
    String url,
    String apiKey,
    String apiSecret,
    Path caFile,
    boolean insecure,
    String credentialsWithheld) {

  /**
   * The environment variable prefix of an instance: {@code OPNSENSE_} or {@code OPNSENSE_BRANCH_}.
   */
  public static String envPrefix(String instance) {
    int slash = instance.indexOf('/');
    if (slash < 0) {
      return "OPNSENSE_";
    }
    String suffix =
        instance.substring(slash + 1).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    return "OPNSENSE_" + suffix + "_";
  }

  /**
   * The firewall's address, by the names other tools use for it: ours, the Terraform provider's
   * ({@code OPNSENSE_URI}) and the Ansible/Python clients' ({@code OPNSENSE_HOST}); first wins.
   */
  static final java.util.List<String> URL_SUFFIXES = java.util.List.of("URL", "URI", "HOST");

  /** The first of {@code prefix + suffixes} that is set, as {@code NAME=value}; null if none. */
  static Map.Entry<String, String> firstSet(
      Map<String, String> env, String prefix, java.util.List<String> suffixes) {
    for (String suffix : suffixes) {
      String value = env.get(prefix + suffix);
      if (value != null && !value.isBlank()) {
        return Map.entry(prefix + suffix, value);
      }
    }
    return null;
  }

  /**
   * Settings of the file that win over an environment variable also set, in words for the plan's
   * header: the file decides, and the user should see that it does.
   */
  public static java.util.List<String> overriddenByFile(
      String instance, ObjectNode settings, Map<String, String> env) {
    String prefix = envPrefix(instance);
    java.util.List<String> out = new java.util.ArrayList<>();
    Map.Entry<String, String> url = firstSet(env, prefix, URL_SUFFIXES);
    if (text(settings, "url") != null && url != null) {
      out.add(instance + ": url from the deployment file overrides $" + url.getKey());
    }
    if (text(settings, "caFile") != null && env.get(prefix + "CA_FILE") != null) {
      out.add(instance + ": caFile from the deployment file overrides $" + prefix + "CA_FILE");
    }
    if (settings != null && settings.has("insecure") && env.get(prefix + "INSECURE") != null) {
      out.add(instance + ": insecure from the deployment file overrides $" + prefix + "INSECURE");
    }
    if (text(settings, "apiKeyFile") != null && env.get(prefix + "API_KEY_FILE") != null) {
      out.add(
          instance + ": apiKeyFile from the deployment file overrides $" + prefix + "API_KEY_FILE");
    }
    return out;
  }

  /** Settings of {@code instance} from its {@code spec.providers} entry and the environment. */
  public static ConnectionSettings resolve(
      String instance, ObjectNode settings, Map<String, String> env) {
    String prefix = envPrefix(instance);
    String fileUrl = normalized(text(settings, "url"));
    Map.Entry<String, String> fromEnv = firstSet(env, prefix, URL_SUFFIXES);
    String envUrl = normalized(fromEnv == null ? null : fromEnv.getValue());
    String url = fileUrl != null ? fileUrl : envUrl;
    String ca = text(settings, "caFile");
    if (ca == null) {
      ca = env.get(prefix + "CA_FILE");
    }
    boolean insecure =
        settings != null && settings.has("insecure")
            ? settings.get("insecure").asBoolean(false)
            : "true".equalsIgnoreCase(env.getOrDefault(prefix + "INSECURE", "false"));
    String key = env.get(prefix + "API_KEY");
    String secret = env.get(prefix + "API_SECRET");
    // a key file's path is not a secret: the file may name it (the key and secret stay out)
    String keyFile = text(settings, "apiKeyFile");
    if (keyFile == null) {
      keyFile = env.get(prefix + "API_KEY_FILE");
    }
    if ((key == null || secret == null) && keyFile != null) {
      String[] fromFile = readKeyFile(Path.of(keyFile));
      key = key != null ? key : fromFile[0];
      secret = secret != null ? secret : fromFile[1];
    }
    String withheld =
        key == null && secret == null
            ? null
            : CredentialBinding.refusal(prefix, url, fileUrl, envUrl, env);
    if (withheld != null) {
      key = null;
      secret = null;
    }
    return new ConnectionSettings(
        instance, url, key, secret, ca == null ? null : Path.of(ca), insecure, withheld);
  }

  private static String normalized(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String u = url.trim();
    if (!u.contains("://")) {
      u = "https://" + u;
    }
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    if (u.endsWith("/api")) {
      u = u.substring(0, u.length() - 4);
    }
    return u;
  }

  /** Problems that stop a connection, in words that say which variable to set. */
  public void requireComplete() {
    String prefix = envPrefix(instance);
    StringBuilder missing = new StringBuilder();
    if (url == null || url.isBlank()) {
      missing.append(
          " the firewall's address (spec.providers[\""
              + instance
              + "\"].url or "
              + prefix
              + "URL, "
              + prefix
              + "URI or "
              + prefix
              + "HOST);");
    }
    if (credentialsWithheld != null) {
      missing.append(" API credentials: " + credentialsWithheld + ";");
    } else if (apiKey == null || apiSecret == null) {
      missing.append(
          " API credentials ("
              + prefix
              + "API_KEY and "
              + prefix
              + "API_SECRET, or "
              + prefix
              + "API_KEY_FILE, or apiKeyFile in spec.providers);");
    }
    if (missing.length() > 0) {
      throw new ProviderException(
          "OPNsense instance '"
              + instance
              + "' is not configured: missing"
              + missing.substring(0, missing.length() - 1));
    }
  }

  public boolean complete() {
    return url != null && !url.isBlank() && apiKey != null && apiSecret != null;
  }

  /** The key file OPNsense exports: lines {@code key=…} and {@code secret=…}. */
  static String[] readKeyFile(Path file) {
    String key = null;
    String secret = null;
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String l = line.trim();
        if (l.startsWith("key=")) {
          key = l.substring(4).trim();
        } else if (l.startsWith("secret=")) {
          secret = l.substring(7).trim();
        }
      }
    } catch (IOException e) {
      throw new ProviderException("cannot read the OPNsense API key file " + file, e);
    }
    if (key == null || secret == null) {
      throw new ProviderException(
          "the OPNsense API key file " + file + " has no key=… and secret=… lines");
    }
    return new String[] {key, secret};
  }

  private static String text(JsonNode settings, String field) {
    if (settings == null) {
      return null;
    }
    JsonNode n = settings.get(field);
    return n == null || n.isNull() || n.asText().isBlank() ? null : n.asText();
  }

  /** Never shows the key or the secret. */
  @Override
  public String toString() {
    return "ConnectionSettings[instance="
        + instance
        + ", url="
        + url
        + ", caFile="
        + caFile
        + ", insecure="
        + insecure
        + ", credentials="
        + (apiKey != null && apiSecret != null ? "(set)" : "(missing)")
        + "]";
  }
}
