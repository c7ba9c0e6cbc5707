package io.mcpiac.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.cli.demo.Sandbox;
import io.mcpiac.engine.json.Json;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The sandbox firewall's own API, as the web GUI or another tool would use it behind our back. */
final class SandboxApi {
  private SandboxApi() {}

  static JsonNode call(Sandbox fw, String method, String path, String json) throws Exception {
    KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
    ks.load(null, null);
    try (InputStream in = Files.newInputStream(fw.caFile())) {
      ks.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    HttpClient http = HttpClient.newBuilder().sslContext(ctx).build();
    String auth =
        Base64.getEncoder()
            .encodeToString(
                (fw.emulator().apiKey() + ":" + fw.emulator().apiSecret())
                    .getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(fw.emulator().url() + path))
            .header("Authorization", "Basic " + auth);
    if (method.equals("GET")) {
      b.GET();
    } else if (json == null) {
      b.POST(HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    }
    String body = http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
    return body.isBlank() ? Json.object() : Json.parse(body);
  }
}
