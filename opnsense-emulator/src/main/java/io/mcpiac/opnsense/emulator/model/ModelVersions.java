package io.mcpiac.opnsense.emulator.model;

import io.mcpiac.opnsense.emulator.VersionProfile;
import io.mcpiac.opnsense.emulator.fields.TextField;
import java.util.List;
import java.util.Map;

/**
 * The model tables describe 26.7; this is what the 26.1 models lacked or did differently (contract
 * section 4 and the per-resource notes of section 2), so a client that relies on a 26.7 field fails
 * on the 26.1 profile as it would on a real 26.1 firewall.
 */
public final class ModelVersions {
  /** Fields added in 26.7, per {@code <table>:<section>}. */
  static final Map<String, List<String>> ADDED_IN_26_7 =
      Map.of(
          "unbound_hosts.md:hosts.host", List.of("addptr", "aliases"),
          "kea4.md:subnets.subnet4",
              List.of(
                  "valid_lifetime",
                  "allocator",
                  "option",
                  "ddns_forward_zone",
                  "ddns_reverse_zone",
                  "ddns_qualifying_suffix",
                  "ddns_dns_server",
                  "ddns_dns_port",
                  "ddns_domain_key_name",
                  "ddns_domain_key_secret",
                  "ddns_domain_key_algorithm",
                  "ddns_override_no_update",
                  "ddns_override_client_update",
                  "ddns_update_on_renew",
                  "ddns_conflict_resolution_mode"),
          "kea4.md:reservations.reservation", List.of("option"),
          "filter_snat.md:snatrules.rule", List.of("nosync", "staticnatport", "tag"));

  private ModelVersions() {}

  /** Loads a table section as the profile's model. */
  public static ItemModel load(String table, String section, VersionProfile version) {
    ItemModel m = ModelCatalog.load(table, section);
    if (version.series().equals("26.1")) {
      for (String f : ADDED_IN_26_7.getOrDefault(table + ":" + section, List.of())) {
        m.remove(f);
      }
      switch (table + ":" + section) {
        case "kea4.md:reservations.reservation" -> {
          if (!version.keaClientId()) {
            // client_id came with 26.1.8; before, the MAC was Required
            m.remove("client_id");
            m.field("hw_address").setRequired(true);
          }
        }
        case "unbound_hosts.md:hosts.host" -> {
          // 26.1 showed the number of aliases, read-only
          m.add(new TextField("aliascount").setVolatile(true));
          // NetMaskAllowed=N on server came with 26.7 (commit 20bb4385): 26.1 takes a CIDR
          io.mcpiac.opnsense.emulator.fields.Field strict = m.field("server");
          io.mcpiac.opnsense.emulator.fields.Field relaxed =
              io.mcpiac.opnsense.emulator.fields.NetworkTypes.network(
                  "server",
                  new FieldSpec(
                      "server",
                      "NetworkField",
                      false,
                      "",
                      java.util.Map.of(),
                      new java.util.LinkedHashMap<>(),
                      null,
                      List.of(),
                      List.of(),
                      false));
          strict.constraints().forEach(relaxed::addConstraint);
          m.replace(relaxed);
        }
        default -> {
          // unchanged between 26.1 and 26.7
        }
      }
    }
    return m;
  }
}
