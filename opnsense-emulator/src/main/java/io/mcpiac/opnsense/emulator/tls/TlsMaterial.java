package io.mcpiac.opnsense.emulator.tls;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away CA and a server certificate it signs, made at start: SANs {@code localhost}, {@code
 * 127.0.0.1} (and the bind address), so clients verify the emulator instead of switching checks
 * off. Also signs the certificates the trust API creates.
 */
public final class TlsMaterial {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final KeyPair caKeys;
  private final X509Certificate caCert;
  private final KeyPair serverKeys;
  private final X509Certificate serverCert;

  private TlsMaterial(
      KeyPair caKeys, X509Certificate caCert, KeyPair serverKeys, X509Certificate serverCert) {
    this.caKeys = caKeys;
    this.caCert = caCert;
    this.serverKeys = serverKeys;
    this.serverCert = serverCert;
  }

  public static TlsMaterial generate(List<String> extraNames) {
    try {
      KeyPair ca = ecKeys();
      return issueServer(ca, caCertificate(ca), extraNames);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create TLS certificates", e);
    }
  }

  /**
   * Reuses the CA kept in {@code dir} (made there on first use), so clients that trust it keep
   * trusting the emulator across restarts; the server certificate is issued anew for this start.
   */
  public static TlsMaterial persistent(java.nio.file.Path dir, List<String> extraNames) {
    try {
      java.nio.file.Files.createDirectories(dir);
      java.nio.file.Path certFile = dir.resolve("ca.pem");
      java.nio.file.Path keyFile = dir.resolve("ca-key.pem");
      if (java.nio.file.Files.exists(certFile) && java.nio.file.Files.exists(keyFile)) {
        X509Certificate caCert =
            CertificateFactory.parseCertificate(java.nio.file.Files.readString(certFile));
        java.security.PrivateKey key =
            CertificateFactory.parsePrivateKey(java.nio.file.Files.readString(keyFile));
        if (caCert != null && key != null) {
          return issueServer(new KeyPair(caCert.getPublicKey(), key), caCert, extraNames);
        }
      }
      KeyPair ca = ecKeys();
      X509Certificate caCert = caCertificate(ca);
      java.nio.file.Files.writeString(keyFile, pem(ca.getPrivate()));
      try {
        java.nio.file.Files.setPosixFilePermissions(
            keyFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // best effort on file systems without POSIX permissions
      }
      java.nio.file.Files.writeString(certFile, pem(caCert));
      return issueServer(ca, caCert, extraNames);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create TLS certificates in " + dir, e);
    }
  }

  private static TlsMaterial issueServer(
      KeyPair ca, X509Certificate caCert, List<String> extraNames) {
    try {
      KeyPair server = ecKeys();
      List<String> names = new ArrayList<>(List.of("localhost", "127.0.0.1"));
      for (String n : extraNames) {
        if (!names.contains(n) && !n.equals("0.0.0.0") && !n.equals("::")) {
          names.add(n);
        }
      }
      X509Certificate cert =
          sign(ca, caCert, server, "CN=OPNsense.localdomain", names, false, Duration.ofDays(397));
      return new TlsMaterial(ca, caCert, server, cert);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create TLS certificates", e);
    }
  }

  public static KeyPair ecKeys() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  private static X509Certificate caCertificate(KeyPair ca) throws Exception {
    X500Name name = new X500Name("CN=mcp-iac OPNsense emulator CA,O=mcp-iac");
    Instant now = Instant.now();
    X509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(
            name,
            new BigInteger(64, RANDOM),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(Duration.ofDays(3650))),
            name,
            ca.getPublic());
    JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    b.addExtension(
        Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(ca.getPublic()));
    return new JcaX509CertificateConverter().getCertificate(b.build(signer(ca)));
  }

  /** Issues a certificate for {@code subject} with the given SANs (DNS names or IP literals). */
  public static X509Certificate sign(
      KeyPair issuerKeys,
      X509Certificate issuer,
      KeyPair subjectKeys,
      String subject,
      List<String> altNames,
      boolean ca,
      Duration lifetime)
      throws Exception {
    Instant now = Instant.now();
    X509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(
            issuer == null
                ? new X500Name(subject)
                : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()),
            new BigInteger(64, RANDOM),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(lifetime)),
            new X500Name(subject),
            subjectKeys.getPublic());
    JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    if (!altNames.isEmpty()) {
      List<GeneralName> gn = new ArrayList<>();
      for (String n : altNames) {
        boolean ip = n.matches("^[0-9.]+$") || n.contains(":");
        gn.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, n));
      }
      b.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(gn.toArray(new GeneralName[0])));
    }
    if (!ca) {
      b.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      b.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    }
    if (issuer != null) {
      b.addExtension(
          Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuer));
    }
    return new JcaX509CertificateConverter().getCertificate(b.build(signer(issuerKeys)));
  }

  private static ContentSigner signer(KeyPair keys) throws Exception {
    String alg =
        keys.getPrivate().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
    return new JcaContentSignerBuilder(alg).build(keys.getPrivate());
  }

  /** The server key and chain as an in-memory PKCS12 store for Jetty. */
  public KeyStore serverKeyStore(char[] password) {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry(
          "server", serverKeys.getPrivate(), password, new Certificate[] {serverCert, caCert});
      return ks;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public String caCertificatePem() {
    return pem(caCert);
  }

  public X509Certificate caCertificate() {
    return caCert;
  }

  public X509Certificate serverCertificate() {
    return serverCert;
  }

  public static String pem(Object o) {
    try (StringWriter w = new StringWriter();
        JcaPEMWriter p = new JcaPEMWriter(w)) {
      // private keys as PKCS#8 ("PRIVATE KEY"): the JDK cannot read back BouncyCastle's SEC1 EC
      // form
      p.writeObject(
          o instanceof java.security.PrivateKey k
              ? new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(k, null)
              : o);
      p.flush();
      return w.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public KeyPair caKeys() {
    return caKeys;
  }
}
