package io.mcpiac.opnsense.client;

import io.mcpiac.engine.providers.ProviderException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS trust of a connection: the JDK's CAs by default; a private CA from a PEM file (the usual
 * self-signed firewall certificate exported once); no verification only when asked for.
 */
final class TlsTrust {
  private TlsTrust() {}

  static SSLContext context(Path caFile, boolean insecure) {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      if (insecure) {
        ctx.init(null, new TrustManager[] {new TrustingEverything()}, new SecureRandom());
      } else if (caFile != null) {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        int i = 0;
        try (InputStream in = Files.newInputStream(caFile)) {
          for (Certificate c : cf.generateCertificates(in)) {
            store.setCertificateEntry("ca-" + i++, c);
          }
        }
        if (i == 0) {
          throw new ProviderException("no certificate in the CA file " + caFile);
        }
        TrustManagerFactory tmf =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        ctx.init(null, tmf.getTrustManagers(), new SecureRandom());
      } else {
        ctx.init(null, null, null);
      }
      return ctx;
    } catch (ProviderException e) {
      throw e;
    } catch (Exception e) {
      throw new ProviderException(
          "cannot set up TLS trust"
              + (caFile == null ? "" : " from " + caFile)
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** OPNSENSE_INSECURE=true: accepts any certificate (and, below, any host name). */
  private static final class TrustingEverything extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
