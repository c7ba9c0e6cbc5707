package io.mcpiac.opnsense.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.providers.kit.Props;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code opnsense:security:certificate} ({@code /api/trust/cert/}, contract 2.10). Without {@code
 * certificate} the firewall issues one (signed by {@code ca}, a CA refid, or self-signed); with
 * {@code certificate} (and {@code privateKey}, a secret) it imports it. Everything but the
 * description forces a new certificate; a description change is sent with {@code action=manual}, as
 * a plain set would re-issue the certificate. The output {@code refid} is what HAProxy frontends
 * use.
 */
public final class CertificateMapping extends ResourceMapping {
  static final Endpoint CERTS = new Endpoint("/api/trust/cert/", "cert", "", "search", Module.NONE);

  private static final List<Spec> SPECS =
      List.of(
          Spec.description("description", "descr", null, "Name shown on the firewall."),
          Spec.text("commonName", "commonname", "", "Subject CN (issued certificates)."),
          Spec.lines("altNames", "altnames_dns", "", "DNS subject alternative names."),
          Spec.choice(
              "keyType",
              "key_type",
              "2048",
              "2048 (default), 3072, 4096, prime256v1, secp384r1, …",
              "2048",
              "3072",
              "4096",
              "8192",
              "prime256v1",
              "secp384r1",
              "secp521r1"),
          Spec.choice(
              "digest",
              "digest",
              "sha256",
              "sha256 (default), sha384, sha512.",
              "sha256",
              "sha384",
              "sha512"),
          Spec.integer(
              "lifetime", "lifetime", "397", "Validity in days (default 397).", "\"minimum\":1"),
          Spec.choice(
              "certType",
              "cert_type",
              "server_cert",
              "server_cert (default), usr_cert, combined_server_client.",
              "server_cert",
              "usr_cert",
              "combined_server_client"),
          Spec.text("ca", "caref", "", "Refid of the signing CA (default: self-signed)."),
          Spec.text("certificate", "crt_payload", null, "PEM certificate to import."),
          Spec.text(
              "privateKey",
              "prv_payload",
              null,
              "PEM private key of an imported certificate (secret)."));

  public CertificateMapping() {
    super("opnsense:security:certificate", "A certificate in the firewall's trust store.");
  }

  @Override
  public List<Endpoint> endpoints() {
    return List.of(CERTS);
  }

  @Override
  protected List<Spec> specs(Endpoint endpoint) {
    return SPECS;
  }

  @Override
  protected List<String> required() {
    return List.of("description");
  }

  @Override
  protected Set<String> nativeSecrets() {
    return Set.of("prv"); // the private key
  }

  @Override
  protected Set<String> secrets() {
    return Set.of("privateKey");
  }

  @Override
  protected Set<String> replaceOnChange() {
    return Set.of(
        "commonName",
        "altNames",
        "keyType",
        "digest",
        "lifetime",
        "certType",
        "ca",
        "certificate",
        "privateKey");
  }

  @Override
  protected Map<String, String> outputDescriptions() {
    return Map.of(
        "uuid", "the certificate's UUID",
        "refid", "the reference HAProxy and other services use",
        "validTo", "end of validity");
  }

  @Override
  protected void customizeFields(
      String resource, ObjectNode fields, ObjectNode props, Endpoint ep, Lookups lookups) {
    fields.put("action", props.hasNonNull("certificate") ? "import" : "internal");
    fields.put("private_key_location", "firewall");
  }

  @Override
  public void update(
      Writer w, Endpoint ep, String id, String resource, ObjectNode prior, ObjectNode props) {
    ObjectNode fields = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    fields.put("action", "manual");
    fields.put("descr", Props.text(props, "description"));
    w.set(this, ep, id, fields);
  }

  /** Only what the firewall keeps and shows: the rest is how it was made, not what it is. */
  @Override
  public ObjectNode toProperties(Endpoint endpoint, Map<String, String> row, Lookups lookups) {
    ObjectNode props = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    props.put("description", row.getOrDefault("descr", ""));
    if (row.get("commonname") != null && !row.get("commonname").isEmpty()) {
      props.put("commonName", row.get("commonname"));
    }
    return props;
  }

  @Override
  public boolean outputsNeedRow() {
    return true;
  }

  @Override
  public ObjectNode outputs(String resource, String id, Map<String, String> row, ObjectNode props) {
    ObjectNode o = super.outputs(resource, id, row, props);
    if (row != null) {
      o.put("refid", row.getOrDefault("refid", ""));
      o.put("validTo", row.getOrDefault("valid_to", ""));
    }
    return o;
  }

  @Override
  public String importName(Map<String, String> row) {
    return firstNonEmpty(row, "descr", "commonname")
        .toLowerCase(java.util.Locale.ROOT)
        .replaceAll("[^a-z0-9_.-]+", "-");
  }
}
