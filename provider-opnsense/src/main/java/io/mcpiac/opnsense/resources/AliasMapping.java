package io.mcpiac.opnsense.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.providers.kit.Props;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code opnsense:firewall:alias} ({@code /api/firewall/alias/}, contract 2.2). {@code name}
 * defaults to the resource name with every character OPNsense does not allow turned into {@code _};
 * the output {@code name} is what rules reference.
 */
public final class AliasMapping extends ResourceMapping {
  /**
   * OPNsense's AliasNameField: a letter, or a letter or underscore and 1–30 more letters, digits or
   * underscores (under 32 in all); never one of pf's reserved words. (OPNsense also refuses service
   * and protocol names from the firewall's own tables, which are not known here.)
   */
  private static final String NAME_SCHEMA =
      "\"pattern\":\"^([a-zA-Z]|([_a-zA-Z][a-zA-Z0-9][_a-zA-Z0-9]{0,29}))$\","
          + "\"not\":{\"enum\":"
          + io.mcpiac.engine.json.Json.write(PfReservedWords.ALL)
          + "}";

  static final Endpoint ALIASES =
      new Endpoint("/api/firewall/alias/", "alias", "Item", "searchItem", Module.ALIASES);

  private static final List<Spec> SPECS =
      List.of(
          Spec.enabled(),
          new Spec(
              "name",
              "name",
              Spec.Kind.TEXT,
              null,
              "Alias name (letters, digits, _; default: the resource name with - turned into _).",
              NAME_SCHEMA),
          Spec.choice(
              "type",
              "type",
              null,
              "What the alias holds.",
              "host",
              "network",
              "port",
              "url",
              "urltable",
              "urljson",
              "geoip",
              "networkgroup",
              "mac",
              "asn",
              "dynipv6host",
              "authgroup",
              "external"),
          Spec.lines(
              "content", "content", "", "Entries: addresses, networks, ports, URLs, aliases…"),
          Spec.csv("proto", "proto", "", "IPv4 and/or IPv6 (GeoIP and ASN aliases)."),
          Spec.text("updateFrequency", "updatefreq", "", "Days between refreshes of URL tables."),
          Spec.description("description", "description", "", "Free text."));

  public AliasMapping() {
    super("opnsense:firewall:alias", "A firewall alias: a named set of hosts, networks or ports.");
  }

  @Override
  protected Set<String> nativeSecrets() {
    return Set.of("password"); // URL table authentication
  }

  @Override
  public List<Endpoint> endpoints() {
    return List.of(ALIASES);
  }

  @Override
  protected List<Spec> specs(Endpoint endpoint) {
    return SPECS;
  }

  @Override
  protected List<String> required() {
    return List.of("type");
  }

  @Override
  protected boolean createBeforeDestroy() {
    return false;
  }

  @Override
  protected Map<String, String> outputDescriptions() {
    return Map.of("uuid", "the alias's UUID", "name", "the alias name rules refer to");
  }

  static String aliasName(String resource, ObjectNode props) {
    String n = Props.text(props, "name");
    return n != null ? n : OpnsenseNames.aliasName(resource);
  }

  @Override
  protected void customizeFields(
      String resource, ObjectNode fields, ObjectNode props, Endpoint ep, Lookups lookups) {
    fields.put("name", aliasName(resource, props));
  }

  @Override
  public ObjectNode outputs(String resource, String id, Map<String, String> row, ObjectNode props) {
    ObjectNode o = super.outputs(resource, id, row, props);
    o.put(
        "name",
        row != null && row.get("name") != null ? row.get("name") : aliasName(resource, props));
    return o;
  }

  @Override
  public String importName(Map<String, String> row) {
    return row.getOrDefault("name", "alias").replace('_', '-').toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  protected Set<String> replaceOnChange() {
    return Set.of();
  }
}
