package io.mcpiac.opnsense.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OPNsense REST API over Java's {@link HttpClient}: Basic auth with the API key and secret, TLS
 * verified unless told otherwise, JSON in and out, timeouts, and retries with backoff for the calls
 * that may be repeated (every call this provider makes is: reads, {@code set…/{uuid}} upserts,
 * deletes of a known uuid and apply/reconfigure). Never logs credentials.
 */
public final class OpnsenseClient {
  private static final Logger LOG = LoggerFactory.getLogger(OpnsenseClient.class);

  private final ConnectionSettings settings;
  private final HttpClient http;
  private final String authorization;
  private final Duration requestTimeout;
  private final int attempts;
  private final long backoffMillis;
  private volatile FirewallVersion version;

  public OpnsenseClient(ConnectionSettings settings) {
    this(settings, Duration.ofSeconds(120), 4, 200);
  }

  public OpnsenseClient(
      ConnectionSettings settings, Duration requestTimeout, int attempts, long backoffMillis) {
    settings.requireComplete();
    this.settings = settings;
    this.requestTimeout = requestTimeout;
    this.attempts = Math.max(1, attempts);
    this.backoffMillis = backoffMillis;
    HttpClient.Builder b =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER);
    if (settings.url().startsWith("https:")) {
      // with insecure, TlsTrust's trust manager also skips the host name check (an
      // X509ExtendedTrustManager does it), so no JVM-wide switch is touched
      b.sslContext(TlsTrust.context(settings.caFile(), settings.insecure()));
    }
    this.http = b.build();
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (settings.apiKey() + ":" + settings.apiSecret())
                        .getBytes(StandardCharsets.UTF_8));
  }

  public ConnectionSettings settings() {
    return settings;
  }

  /** The firewall's release, from {@code GET /api/core/firmware/status} (asked once). */
  public FirewallVersion version() {
    return version(true);
  }

  /**
   * The version, asked once without retries: for checks that may go without it (validation), where
   * an unreachable firewall must not stall anything.
   */
  public FirewallVersion versionWithoutRetries() {
    return version(false);
  }

  private FirewallVersion version(boolean retry) {
    FirewallVersion v = version;
    if (v == null) {
      JsonNode status =
          retry ? get("/api/core/firmware/status") : send("GET", "/api/core/firmware/status", null);
      String text = status.path("product").path("product_version").asText("");
      if (text.isEmpty()) {
        text = status.path("product_version").asText("");
      }
      if (text.isEmpty()) {
        throw new OpnsenseApiException(
            "cannot tell the OPNsense version of "
                + settings.url()
                + ": /api/core/firmware/status has no product_version",
            200,
            false);
      }
      v = FirewallVersion.parse(text);
      version = v;
    }
    return v;
  }

  public JsonNode get(String path) {
    return call("GET", path, null);
  }

  /** A POST with a JSON body; {@code body == null} sends no body and no content type. */
  public JsonNode post(String path, JsonNode body) {
    return call("POST", path, body);
  }

  /**
   * A POST that is not safe to repeat (an {@code add…}, whose id the firewall picks): sent once;
   * the caller finds out itself what happened when no answer came.
   */
  public JsonNode postOnce(String path, JsonNode body) {
    return send("POST", path, body);
  }

  /** One cheap authenticated read: is the API still reachable with our credentials? */
  public boolean healthy(int tries) {
    for (int i = 0; i < tries; i++) {
      try {
        send("GET", "/api/core/firmware/status", null);
        return true;
      } catch (OpnsenseApiException e) {
        sleep(backoffMillis * (i + 1));
      }
    }
    return false;
  }

  /**
   * Every row of a search, page by page ({@code current}/{@code rowCount} in the POST body, which
   * both search flavours read).
   */
  public List<JsonNode> searchAll(String path, ObjectNode extra) {
    List<JsonNode> rows = new ArrayList<>();
    int page = 1;
    int pageSize = 500;
    while (true) {
      ObjectNode body = extra == null ? Json.object() : extra.deepCopy();
      body.put("current", page);
      body.put("rowCount", pageSize);
      body.put("searchPhrase", "");
      JsonNode answer = post(path, body);
      JsonNode got = answer.path("rows");
      got.forEach(rows::add);
      long total = answer.path("total").asLong(got.size());
      if (got.size() < pageSize || rows.size() >= total || got.isEmpty()) {
        return rows;
      }
      page++;
    }
  }

  private JsonNode call(String method, String path, JsonNode body) {
    OpnsenseApiException last = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        return send(method, path, body);
      } catch (OpnsenseApiException e) {
        last = e;
        if (!e.transientFailure() || attempt == attempts) {
          throw e;
        }
        long wait = backoffMillis * (1L << (attempt - 1));
        wait += ThreadLocalRandom.current().nextLong(Math.max(1, wait / 2));
        LOG.debug(
            "{} {} failed ({}), retry {} in {} ms", method, path, e.getMessage(), attempt, wait);
        sleep(wait);
      }
    }
    throw last;
  }

  private JsonNode send(String method, String path, JsonNode body) {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(URI.create(settings.url() + path))
            .timeout(requestTimeout)
            .header("Authorization", authorization)
            .header("Accept", "application/json");
    if ("POST".equals(method)) {
      if (body == null) {
        req.POST(HttpRequest.BodyPublishers.noBody());
      } else {
        req.header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8));
      }
    } else {
      req.GET();
    }
    HttpResponse<String> response;
    try {
      response = http.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new OpnsenseApiException(
          method + " " + path + " on " + settings.url() + ": no answer (" + describe(e) + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OpnsenseApiException(method + " " + path + ": interrupted", 0, false);
    }
    int status = response.statusCode();
    String text = response.body() == null ? "" : response.body();
    JsonNode json = null;
    if (!text.isBlank()) {
      try {
        json = Json.MAPPER.readTree(text);
      } catch (IOException e) {
        json = null;
      }
    }
    if (status == 200 && json != null) {
      return json;
    }
    throw failure(method, path, status, json, text);
  }

  private OpnsenseApiException failure(
      String method, String path, int status, JsonNode json, String text) {
    String where = method + " " + path;
    return switch (status) {
      case 401 ->
          new OpnsenseApiException(
              "OPNsense at "
                  + settings.url()
                  + " rejected the API key (HTTP 401 Authentication Failed): check "
                  + ConnectionSettings.envPrefix(settings.instance())
                  + "API_KEY and "
                  + ConnectionSettings.envPrefix(settings.instance())
                  + "API_SECRET",
              401,
              false);
      case 403 ->
          new OpnsenseApiException(
              where + ": forbidden (HTTP 403): the API user lacks the privilege for this page",
              403,
              false);
      case 404, 400 ->
          new OpnsenseApiException(
              where
                  + ": this firewall has no such endpoint (HTTP "
                  + status
                  + "); its OPNsense version or plugins may not offer it",
              status,
              false);
      default -> {
        if (status == 200) {
          yield new OpnsenseApiException(
              where + ": the answer is not JSON: " + abbreviate(text), status, true);
        }
        String message = json == null ? "" : json.path("errorMessage").asText("");
        String title = json == null ? "" : json.path("errorTitle").asText("");
        boolean userError = !title.isEmpty() && status == 500;
        boolean transientFailure = !userError && (status >= 500 || status == 429 || status == 408);
        String detail =
            message.isEmpty()
                ? abbreviate(text)
                : (title.isEmpty() ? "" : title.trim() + " ") + message.trim();
        yield new OpnsenseApiException(
            where + ": HTTP " + status + (detail.isEmpty() ? "" : ": " + detail),
            status,
            transientFailure);
      }
    };
  }

  /** The failure, and what to change when it is the usual cause. */
  private String describe(IOException e) {
    String m = e.getMessage();
    String prefix = ConnectionSettings.envPrefix(settings.instance());
    String what = e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    if (causedBy(e, javax.net.ssl.SSLHandshakeException.class)
        || causedBy(e, java.security.cert.CertificateException.class)) {
      return what
          + "; the firewall's TLS certificate is not trusted: set "
          + prefix
          + "CA_FILE to its CA certificate (PEM), or "
          + prefix
          + "INSECURE=true to skip the check";
    }
    if (causedBy(e, java.net.ConnectException.class)) {
      return what
          + "; nothing accepts connections at "
          + settings.url()
          + ": check "
          + prefix
          + "URL (address and port) and that the firewall is up";
    }
    if (causedBy(e, java.net.UnknownHostException.class)) {
      return what + "; unknown host: check " + prefix + "URL";
    }
    return what;
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String abbreviate(String text) {
    String t = text.strip();
    return t.length() > 200 ? t.substring(0, 200) + "…" : t;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
