package io.mcpiac.opnsense.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A plain HTTPS client as a stranger would write one: Java's HttpClient trusting only the
 * emulator's CA (host name checks on), Basic auth with key and secret.
 */
final class Client {
  static final ObjectMapper JSON = new ObjectMapper();

  /** A response: status, raw body and parsed JSON (null when the body is not JSON). */
  record Reply(int status, String body, JsonNode json, HttpResponse<String> raw) {
    String text(String pointer) {
      return json.at(pointer).asText();
    }
  }

  private final HttpClient http;
  private final String base;
  private final String authorization;

  Client(OpnsenseEmulator emu) {
    this(emu, emu.apiKey(), emu.apiSecret());
  }

  Client(OpnsenseEmulator emu, String key, String secret) {
    this(emu.url(), emu.caCertificatePem(), key, secret);
  }

  Client(String base, String caPem, String key, String secret) {
    this.base = base;
    this.authorization =
        key == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
    HttpClient.Builder b =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1);
    if (caPem != null) {
      b.sslContext(trusting(caPem));
    }
    this.http = b.build();
  }

  static SSLContext trusting(String caPem) {
    try {
      X509Certificate ca =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(
                      new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII)));
      KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
      ks.load(null, null);
      ks.setCertificateEntry("emulator-ca", ca);
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  Client withBase(String newBase) {
    return new Client(newBase, null, null, null);
  }

  Reply get(String path) {
    return send("GET", path, null, null);
  }

  /** POST with a JSON body (Content-Type application/json). */
  Reply post(String path, String json) {
    return send("POST", path, json, "application/json");
  }

  /** POST without body and without Content-Type (how opnsense-go calls apply). */
  Reply post(String path) {
    return send("POST", path, null, null);
  }

  Reply send(String method, String path, String body, String contentType) {
    return send(method, path, body, contentType, authorization);
  }

  Reply send(String method, String path, String body, String contentType, String auth) {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      r.header("Content-Type", contentType);
    }
    if (auth != null) {
      r.header("Authorization", auth);
    }
    try {
      HttpResponse<String> resp = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = null;
      try {
        json = resp.body().isEmpty() ? null : JSON.readTree(resp.body());
      } catch (Exception notJson) {
        json = null;
      }
      return new Reply(resp.statusCode(), resp.body(), json, resp);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String json(Object... keyValues) {
    try {
      com.fasterxml.jackson.databind.node.ObjectNode o = JSON.createObjectNode();
      for (int i = 0; i < keyValues.length; i += 2) {
        Object v = keyValues[i + 1];
        if (v instanceof JsonNode n) {
          o.set((String) keyValues[i], n);
        } else {
          o.put((String) keyValues[i], String.valueOf(v));
        }
      }
      return JSON.writeValueAsString(o);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
