package io.mcpiac.opnsense.emulator.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.opnsense.emulator.api.ItemEdit;
import io.mcpiac.opnsense.emulator.api.ResourceHooks;
import io.mcpiac.opnsense.emulator.api.UserException;
import io.mcpiac.opnsense.emulator.messages.Message;
import io.mcpiac.opnsense.emulator.model.Collections;
import io.mcpiac.opnsense.emulator.model.ModelContext;
import io.mcpiac.opnsense.emulator.tls.CertificateFactory;
import io.mcpiac.opnsense.emulator.tls.TlsMaterial;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * {@code CertController::setBaseHook}: the volatile {@code action} decides what add/set do — create
 * (self-signed or by a CA), CSR, import, sign, reissue or metadata only. Stored are {@code refid}
 * and base64 PEM in {@code crt}/{@code csr}/{@code prv}; {@code get} adds the decoded payloads and
 * parsed facts. On load {@code action} becomes {@code reissue} (crt+key) or {@code manual} (crt
 * only), so a set without {@code action} re-issues.
 */
class CertHooks implements ResourceHooks {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ERROR = Message.CERT_ERROR_TITLE.text();

  static String b64(String pem) {
    return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
  }

  static String unb64(String v) {
    if (v == null || v.isEmpty()) {
      return "";
    }
    try {
      return new String(Base64.getDecoder().decode(v), StandardCharsets.US_ASCII);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  static List<String> lines(String v) {
    List<String> out = new ArrayList<>();
    for (String l : v.split("[\n,]")) {
      if (!l.isBlank()) {
        out.add(l.trim());
      }
    }
    return out;
  }

  private static CertificateFactory.Request request(ItemEdit e) {
    String cn = e.value("commonname").isEmpty() ? e.value("descr") : e.value("commonname");
    int days;
    try {
      days = Integer.parseInt(e.value("lifetime"));
    } catch (NumberFormatException ex) {
      days = 397;
    }
    return new CertificateFactory.Request(
        e.value("key_type"),
        e.value("digest"),
        e.value("cert_type"),
        days,
        e.value("country"),
        e.value("state"),
        e.value("city"),
        e.value("organization"),
        e.value("organizationalunit"),
        e.value("email"),
        cn,
        lines(e.value("altnames_dns")),
        lines(e.value("altnames_ip")),
        lines(e.value("altnames_uri")),
        lines(e.value("altnames_email")));
  }

  @Override
  public void beforeStore(ItemEdit e) {
    if (e.value("refid").isEmpty()) {
      byte[] b = new byte[7];
      RANDOM.nextBytes(b);
      e.put("refid", HexFormat.of().formatHex(b).substring(0, 13));
    }
    try {
      switch (e.value("action")) {
        case "internal", "reissue" -> create(e);
        case "external" -> {
          KeyPair keys = CertificateFactory.keys(e.value("key_type"));
          e.put("csr", b64(TlsMaterial.pem(CertificateFactory.csr(request(e), keys))));
          e.put("prv", b64(TlsMaterial.pem(keys.getPrivate())));
          e.put("crt", "");
        }
        case "import" -> importCertificate(e);
        case "import_csr" -> {
          X509Certificate c = CertificateFactory.parseCertificate(e.value("crt_payload"));
          if (c == null) {
            // CertStore::verify failed; openssl's second stderr line is not imitated
            throw new UserException(Message.CERT_INVALID_DETAIL.text(""), ERROR);
          }
          e.put("crt", b64(e.value("crt_payload")));
        }
        case "sign_csr" ->
            // Store::_signCert without a CA holding a key
            throw new UserException(Message.CERT_MISSING_CA_KEY.text(), ERROR);
        default -> {
          // manual: metadata only, a given certificate replaces the stored one
          if (!e.value("crt_payload").isEmpty()
              && !e.value("crt_payload")
                  .equals(unb64(e.before() == null ? "" : e.before().path("crt").asText()))) {
            importCertificate(e);
          }
        }
      }
    } catch (UserException ex) {
      throw ex;
    } catch (Exception ex) {
      // anything else is a PHP error: HTTP 500 "Unexpected error"
      throw new IllegalStateException(ex);
    }
  }

  private void create(ItemEdit e) throws Exception {
    KeyPair keys = CertificateFactory.keys(e.value("key_type"));
    X509Certificate issuer = null;
    PrivateKey issuerKey = keys.getPrivate();
    String caref = e.value("caref");
    if (!caref.isEmpty()) {
      for (Map.Entry<String, JsonNode> ca : e.config().items(Collections.CAS)) {
        if (ca.getValue().path("refid").asText().equals(caref)) {
          issuer = CertificateFactory.parseCertificate(unb64(ca.getValue().path("crt").asText()));
          issuerKey = CertificateFactory.parsePrivateKey(unb64(ca.getValue().path("prv").asText()));
        }
      }
      if (issuer == null || issuerKey == null) {
        throw new UserException(Message.CERT_MISSING_CA_KEY.text(), ERROR);
      }
    }
    X509Certificate cert =
        CertificateFactory.issue(request(e), keys.getPublic(), issuer, issuerKey);
    e.put("crt", b64(TlsMaterial.pem(cert)));
    e.put("csr", "");
    String keyPem = TlsMaterial.pem(keys.getPrivate());
    if ("local".equals(e.value("private_key_location"))) {
      e.put("prv", "");
      e.answer().put("private_key", keyPem);
    } else {
      e.put("prv", b64(keyPem));
    }
  }

  private void importCertificate(ItemEdit e) {
    X509Certificate c = CertificateFactory.parseCertificate(e.value("crt_payload"));
    if (c == null) {
      throw new UserException(Message.CERT_INVALID.text(), ERROR);
    }
    String prv = e.value("prv_payload");
    if (!prv.isBlank()) {
      PrivateKey k = CertificateFactory.parsePrivateKey(prv);
      if (k == null) {
        throw new UserException(Message.CERT_KEY_UNPARSABLE.text(), ERROR);
      }
      if (!CertificateFactory.matches(k, c)) {
        throw new UserException(Message.CERT_KEY_MISMATCH.text(), ERROR);
      }
      e.put("prv", b64(prv));
    }
    e.put("crt", b64(e.value("crt_payload")));
  }

  @Override
  public void decorate(String uuid, ObjectNode item, ModelContext ctx) {
    String crt = unb64(item.path("crt").asText(""));
    String prv = unb64(item.path("prv").asText(""));
    String csr = unb64(item.path("csr").asText(""));
    if (uuid == null) {
      return;
    }
    item.put(
        "action",
        !crt.isEmpty() && !prv.isEmpty() ? "reissue" : !crt.isEmpty() ? "manual" : "external");
    item.put("crt_payload", crt);
    item.put("prv_payload", prv);
    item.put("csr_payload", csr);
    item.put("name", item.path("descr").asText(""));
    X509Certificate c = crt.isEmpty() ? null : CertificateFactory.parseCertificate(crt);
    if (c != null) {
      item.put("valid_from", String.valueOf(c.getNotBefore().getTime() / 1000));
      item.put("valid_to", String.valueOf(c.getNotAfter().getTime() / 1000));
      item.put("commonname", commonName(c));
      item.put("rfc3280_purpose", purpose(c));
    }
    String refid = item.path("refid").asText("");
    item.put("in_use", !refid.isEmpty() && !users(ctx, refid).isEmpty() ? "1" : "0");
    item.put("is_user", "0");
  }

  private static String commonName(X509Certificate c) {
    try {
      for (Rdn r : new LdapName(c.getSubjectX500Principal().getName()).getRdns()) {
        if (r.getType().equalsIgnoreCase("CN")) {
          return r.getValue().toString();
        }
      }
    } catch (Exception ignored) {
      // no parsable subject: no common name
    }
    return "";
  }

  private static String purpose(X509Certificate c) {
    try {
      List<String> eku = c.getExtendedKeyUsage();
      if (c.getBasicConstraints() >= 0) {
        return "Certificate Authority";
      }
      if (eku == null) {
        return "";
      }
      boolean server = eku.contains("1.3.6.1.5.5.7.3.1");
      boolean client = eku.contains("1.3.6.1.5.5.7.3.2");
      return server && client
          ? "Server & Client"
          : server ? "Server Authentication" : client ? "Client Authentication" : "";
    } catch (Exception e) {
      return "";
    }
  }

  /** Lists (other than users and certificates) that refer to the refid. */
  static List<String> users(ModelContext ctx, String refid) {
    List<String> out = new ArrayList<>();
    ObjectNode cols = (ObjectNode) ctx.config().json().get("collections");
    cols.properties()
        .iterator()
        .forEachRemaining(
            col -> {
              if (col.getKey().equals(Collections.CERTS)
                  || col.getKey().equals(Collections.USERS)) {
                return;
              }
              col.getValue()
                  .properties()
                  .iterator()
                  .forEachRemaining(
                      it -> {
                        if (it.getValue().toString().contains("\"" + refid)
                            || it.getValue().toString().contains("," + refid)) {
                          out.add(col.getKey() + "." + it.getKey());
                        }
                      });
            });
    return out;
  }

  /**
   * {@code CertController::delAction}: {@code checkAndThrowValueInUse(refid, false, false,
   * ['cert','system.user'])} — referrers outside users, in the safe-delete format.
   */
  @Override
  public void beforeDelete(String uuid, ObjectNode item, ModelContext ctx) {
    String refid = item.path("refid").asText("");
    if (refid.isEmpty()) {
      return;
    }
    StringBuilder lines = new StringBuilder();
    for (String ref : users(ctx, refid)) {
      if (ref.startsWith(Collections.USERS + ".")) {
        continue;
      }
      String collection = ref.substring(0, ref.lastIndexOf('.'));
      String id = ref.substring(ref.lastIndexOf('.') + 1);
      JsonNode referrer = ctx.config().item(collection, id);
      lines.append(io.mcpiac.opnsense.emulator.api.SafeDelete.line(collection, id, referrer));
    }
    if (lines.length() > 0) {
      throw new UserException(lines.toString(), Message.IN_USE_TITLE.template());
    }
  }
}
