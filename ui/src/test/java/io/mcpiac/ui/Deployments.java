package io.mcpiac.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The deployment files the browser tests plan, written where the test works. */
final class Deployments {
  private Deployments() {}

  private static final String HEAD =
      """
      apiVersion: iac.mcp/v1
      kind: Deployment
      metadata: {name: portal}
      spec:
        resources:
      """;

  private static final String VLAN =
      """
          - type: opnsense:network:vlan
            name: app-network
            properties: {tag: 150, interface: igb2, description: app servers}
      """;

  private static final String RULE =
      """
          - type: opnsense:firewall:rule
            name: allow-https
            properties: {interface: wan, source: any, destination: "${web_servers.name}", port: 443, action: pass}
            dependsOn: [app-network]
      """;

  /** The first version: five resources, the rule after the VLAN and the alias. */
  static final String V1 =
      HEAD
          + VLAN
          + """
              - type: opnsense:firewall:alias
                name: web_servers
                properties: {type: host, content: ["10.150.0.10"], description: Web servers}
          """
          + RULE
          + """
              - type: opnsense:service:dns:override
                name: portal-dns
                properties: {hostname: portal, domain: example.internal, address: 192.168.1.1}
              - type: opnsense:service:dhcp:range
                name: lan-dhcp
                properties: {subnet: 192.168.1.0/24, start: 192.168.1.100, end: 192.168.1.199}
          """;

  /**
   * From V1: the alias changes (~), the DNS override goes (-), the DHCP range moves subnet (-/+,
   * the subnet forces replacement), a port alias comes (+); VLAN and rule stay.
   */
  static final String V2 =
      HEAD
          + VLAN
          + """
              - type: opnsense:firewall:alias
                name: web_servers
                properties: {type: host, content: ["10.150.0.10", "10.150.0.11"], description: Web servers}
          """
          + RULE
          + """
              - type: opnsense:firewall:alias
                name: web_ports
                properties: {type: port, content: ["80", "443"]}
              - type: opnsense:service:dhcp:range
                name: lan-dhcp
                properties: {subnet: 192.168.2.0/24, start: 192.168.2.100, end: 192.168.2.199}
          """;

  /** V1 with the DNS override last in line (after the rule), for a failure after other changes. */
  static final String V1_DNS_LAST =
      V1.replace(
          "properties: {hostname: portal, domain: example.internal, address: 192.168.1.1}",
          "properties: {hostname: portal, domain: example.internal, address: 192.168.1.1}\n"
              + "      dependsOn: [allow-https]");

  /** A file with a mistake: the VLAN tag is not a number. */
  static final String BROKEN = V1.replace("tag: 150", "tag: not-a-number");

  static Path write(Path dir, String name, String text) {
    try {
      return Files.writeString(dir.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
