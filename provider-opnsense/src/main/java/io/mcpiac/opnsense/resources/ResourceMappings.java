package io.mcpiac.opnsense.resources;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every {@code opnsense:*} type, by name. */
public final class ResourceMappings {
  private final Map<String, ResourceMapping> byType = new LinkedHashMap<>();

  public ResourceMappings() {
    for (ResourceMapping m :
        List.of(
            new VlanMapping(),
            new InterfaceMapping(),
            new FirewallRuleMapping(),
            new AliasMapping(),
            new NatMapping(),
            new HaproxyServerMapping(),
            new HaproxyBackendMapping(),
            new HaproxyFrontendMapping(),
            new DnsOverrideMapping(),
            new DhcpRangeMapping(),
            new DhcpStaticMapping(),
            new CertificateMapping(),
            new UserMapping())) {
      byType.put(m.name(), m);
    }
  }

  public ResourceMapping get(String type) {
    ResourceMapping m = byType.get(type);
    if (m == null) {
      throw new IllegalArgumentException("not an OPNsense type: " + type);
    }
    return m;
  }

  public List<ResourceMapping> all() {
    return List.copyOf(byType.values());
  }
}
