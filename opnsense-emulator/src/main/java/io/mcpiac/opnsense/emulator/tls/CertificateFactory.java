package io.mcpiac.opnsense.emulator.tls;

import java.io.StringReader;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * What the trust API's {@code add}/{@code set} actions do with OpenSSL: make keys of the chosen
 * type, issue self-signed or CA-signed certificates and CSRs with the requested subject, SANs,
 * purpose and digest, and parse imported PEM.
 */
public final class CertificateFactory {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The request: subject fields and options, as the cert model names them. */
  public record Request(
      String keyType,
      String digest,
      String certType,
      int lifetimeDays,
      String country,
      String state,
      String city,
      String organization,
      String organizationalUnit,
      String email,
      String commonName,
      List<String> dnsNames,
      List<String> ipAddresses,
      List<String> uris,
      List<String> emails) {}

  private CertificateFactory() {}

  public static KeyPair keys(String keyType) throws Exception {
    if (keyType.matches("\\d+")) {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(Integer.parseInt(keyType), RANDOM);
      return g.generateKeyPair();
    }
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("prime256v1".equals(keyType) ? "secp256r1" : keyType));
    return g.generateKeyPair();
  }

  static X500Name subject(Request r) {
    X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE);
    add(b, BCStyle.C, r.country());
    add(b, BCStyle.ST, r.state());
    add(b, BCStyle.L, r.city());
    add(b, BCStyle.O, r.organization());
    add(b, BCStyle.OU, r.organizationalUnit());
    add(b, BCStyle.EmailAddress, r.email());
    add(b, BCStyle.CN, r.commonName());
    return b.build();
  }

  private static void add(
      X500NameBuilder b, org.bouncycastle.asn1.ASN1ObjectIdentifier oid, String v) {
    if (v != null && !v.isEmpty()) {
      b.addRDN(oid, v);
    }
  }

  private static String algorithm(String digest, PrivateKey signer) {
    String d = digest.toUpperCase(Locale.ROOT);
    return d + "with" + (signer.getAlgorithm().equals("EC") ? "ECDSA" : "RSA");
  }

  /** Issues a certificate; {@code issuer} null means self-signed. */
  public static X509Certificate issue(
      Request r, PublicKey subjectKey, X509Certificate issuer, PrivateKey issuerKey)
      throws Exception {
    X500Name subject = subject(r);
    Instant now = Instant.now();
    X509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(
            issuer == null
                ? subject
                : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()),
            new BigInteger(64, RANDOM),
            Date.from(now),
            Date.from(now.plus(Duration.ofDays(r.lifetimeDays()))),
            subject,
            subjectKey);
    boolean ca = "v3_ca".equals(r.certType());
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    if (ca) {
      b.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    } else {
      b.addExtension(
          Extension.keyUsage,
          false,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      List<KeyPurposeId> purposes = new ArrayList<>();
      if (!"usr_cert".equals(r.certType())) {
        purposes.add(KeyPurposeId.id_kp_serverAuth);
      }
      if (!"server_cert".equals(r.certType())) {
        purposes.add(KeyPurposeId.id_kp_clientAuth);
      }
      b.addExtension(
          Extension.extendedKeyUsage,
          false,
          new ExtendedKeyUsage(purposes.toArray(new KeyPurposeId[0])));
    }
    List<GeneralName> names = new ArrayList<>();
    r.dnsNames().forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
    r.ipAddresses().forEach(n -> names.add(new GeneralName(GeneralName.iPAddress, n)));
    r.uris().forEach(n -> names.add(new GeneralName(GeneralName.uniformResourceIdentifier, n)));
    r.emails().forEach(n -> names.add(new GeneralName(GeneralName.rfc822Name, n)));
    if (!names.isEmpty()) {
      b.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(names.toArray(new GeneralName[0])));
    }
    PrivateKey signer = issuerKey;
    return new JcaX509CertificateConverter()
        .getCertificate(
            b.build(new JcaContentSignerBuilder(algorithm(r.digest(), signer)).build(signer)));
  }

  public static PKCS10CertificationRequest csr(Request r, KeyPair keys) throws Exception {
    return new JcaPKCS10CertificationRequestBuilder(subject(r), keys.getPublic())
        .build(
            new JcaContentSignerBuilder(algorithm(r.digest(), keys.getPrivate()))
                .build(keys.getPrivate()));
  }

  /** Parses a PEM certificate, or null when it is not one. */
  public static X509Certificate parseCertificate(String pem) {
    try (PEMParser p = new PEMParser(new StringReader(pem))) {
      Object o = p.readObject();
      return o instanceof X509CertificateHolder h
          ? new JcaX509CertificateConverter().getCertificate(h)
          : null;
    } catch (Exception e) {
      return null;
    }
  }

  /** Parses a PEM private key (PKCS#1, SEC1 or PKCS#8), or null. */
  public static PrivateKey parsePrivateKey(String pem) {
    try (PEMParser p = new PEMParser(new StringReader(pem))) {
      Object o = p.readObject();
      JcaPEMKeyConverter c = new JcaPEMKeyConverter();
      if (o instanceof PEMKeyPair kp) {
        // the public half may be absent from an "EC PRIVATE KEY" block: read the private part only
        return c.getPrivateKey(kp.getPrivateKeyInfo());
      }
      if (o instanceof org.bouncycastle.asn1.pkcs.PrivateKeyInfo info) {
        return c.getPrivateKey(info);
      }
      return null;
    } catch (Exception e) {
      return null;
    }
  }

  /** Whether a private key belongs to a certificate (sign and verify a probe). */
  public static boolean matches(PrivateKey key, X509Certificate cert) {
    try {
      String alg = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
      java.security.Signature s = java.security.Signature.getInstance(alg);
      s.initSign(key);
      byte[] probe = "probe".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      s.update(probe);
      byte[] sig = s.sign();
      java.security.Signature v = java.security.Signature.getInstance(alg);
      v.initVerify(cert.getPublicKey());
      v.update(probe);
      return v.verify(sig);
    } catch (Exception e) {
      return false;
    }
  }
}
