package io.mcpiac.opnsense.emulator.messages;

import io.mcpiac.opnsense.emulator.VersionProfile;

/**
 * Every message the emulator's code answers, written as OPNsense's source writes it (PHP {@code %s}
 * placeholders) and limited to the releases whose source has it. Where each one comes from (file
 * and function) is in the module's {@code MESSAGES.md}; {@code MessageTableTest} keeps this list,
 * the model tables' own messages and that table equal. Code never writes a message literal: a check
 * that a release does not make is dropped with its message ({@link #existsIn}).
 */
public enum Message {
  // -- generic field types (M/Base/FieldTypes, M/Base/Constraints)
  REQUIRED("A value is required."),
  BOOLEAN("Value should be a boolean (0,1)."),
  INTEGER("Invalid integer value."),
  NUMERIC("Invalid numeric value."),
  TEXT("Text does not validate."),
  TEXT_SPACES("Text may not contain spaces or tabs.", "26.1.11"),
  TEXT_NEWLINES("Text may not contain newlines.", "26.1.11"),
  TEXT_SPECIAL("Text may not contain special control characters.", "26.1.11"),
  DESCRIPTION("Description should be a string between 1 and 255 characters."),
  NETWORK("Please specify a valid network segment or IP address."),
  NETWORK_ALIAS("%s is not a valid source IP address or alias."),
  HOSTNAME("[%s] is not a valid IP address or hostname.", "26.1.6"),
  HOSTNAME_OLD("Please specify a valid IP address or hostname.", null, "26.1.6"),
  MAC("Invalid MAC address."),
  OPTION_NOT_IN_LIST("Option [%s] not in list."),
  PORT("Please specify a valid port number (1-65535)."),
  PORT_WELL_KNOWN("A service name is also possible (%s)."),
  BASE64("Invalid Base64-encoded string."),
  URL("Invalid URL."),
  JSON("Invalid JSON type.", "26.1.11"),
  CSV_LIST("List validation error."),
  CONSTRAINT_DEFAULT("validation failure %s"),
  USERNAME("A username must contain a maximum of 32 alphanumeric characters."),
  EXPIRES("Invalid expiration date format; use MM/DD/YYYY instead."),
  KEA_POOL("Entry \"%s\" is not a valid range or subnet."),
  KEA_STATIC_ROUTE("Entry \"%s,%s\" is not a valid dest-ip,router-ip pair."),
  KEA_CLASSLESS_ROUTE("Entry \"%s,%s\" is not a valid dest_net - router_ip pair."),

  // -- aliases (M/Firewall/FieldTypes/AliasNameField.php, AliasContentField.php)
  ALIAS_NAME(
      "The name must start with a letter or single underscore, be less than 32 characters and"
          + " only consist of alphanumeric characters or underscores."),
  ALIAS_RESERVED("The name cannot be the internally reserved keyword \"%s\"."),
  ALIAS_SERVICE_NAME("Reserved protocol or service names may not be used"),
  ALIAS_HOST("Entry \"%s\" is not a valid hostname, IP address or range."),
  ALIAS_NETWORK("Entry \"%s\" is not a network."),
  ALIAS_PORT("Entry \"%s\" is not a valid port number."),
  ALIAS_NESTED("Entry \"%s\" is not a valid alias."),
  ALIAS_MAC("Entry \"%s\" is not a valid (partial) MAC address."),
  ALIAS_ASN("Entry \"%s\" is not a valid ASN."),
  ALIAS_COUNTRY("Entry \"%s\" is not a valid country code."),
  ALIAS_GROUP("Entry \"%s\" is not a valid group id."),
  ALIAS_PARTIAL_IPV6("Entry \"%s\" is not a valid partial ipv6 address definition (e.g. ::1000)."),
  ALIAS_IN_USE("Cannot delete alias %s. Currently in use by %s"),
  /** The name's UniqueConstraint message (Alias.xml), also answered for built-in names. */
  ALIAS_NAME_EXISTS("An alias with this name already exists."),
  ALIAS_IN_USE_TITLE("Alias in use"),

  // -- filter rules and MVC NAT (M/Firewall/Filter.php::performValidation)
  RULE_SOURCE_PORTS("Source ports are only valid for tcp or udp type rules."),
  RULE_DESTINATION_PORTS("Destination ports are only valid for tcp or udp type rules."),
  RULE_SOURCE_FAMILY("Source address type should match selected TCP/IP protocol version."),
  RULE_DESTINATION_FAMILY(
      "Destination address type should match selected TCP/IP protocol version."),
  RULE_ANY_COMBINED("Any can not be combined with other aliases"),
  RULE_ICMP_ONLY("Option only applies to ICMP packets"),
  RULE_ICMP6_ONLY("Option only applies to IPV6-ICMP packets"),
  RULE_INVERT_INTERFACES(
      "Inverting interfaces is only allowed for single targets to avoid mis-interpretations"),
  RULE_INVERT_SOURCES(
      "Inverting sources is only allowed for single targets to avoid mis-interpretations"),
  RULE_INVERT_DESTINATIONS(
      "Inverting destinations is only allowed for single targets to avoid mis-interpretations"),
  RULE_TCP_ONLY("Invalid option for other than TCP protocol choices."),
  RULE_DIVERT_PASS("Divert-to is only valid for pass rules."),
  /** A PHP quirk kept: single quotes around {@code ". "}, so the text holds them and a newline. */
  RULE_ADAPTIVE_NEEDS_MAX(
      "Disabling adaptive timeouts is only supported in \".\n"
          + "                                    \"combination with a configured maximum number of"
          + " states for the same rule."),
  RULE_ADAPTIVE_TOGETHER_DISABLED("Adaptive timeouts must be disabled together."),
  RULE_ADAPTIVE_TOGETHER("The adaptive timouts values must be set together."),
  RULE_ADAPTIVE_END_MAX("The value of adaptive.end must be greater than the Max states value."),
  RULE_ADAPTIVE_END_START("The value of adaptive.end must be greater than adaptive.start value."),
  RULE_STATE_NONE("Invalid option when statetype is none."),
  RULE_CONN_RATE_BOTH("Need to specify both a number of connections and a time interval."),
  RULE_TCPFLAGS_OUT_OF(
      "If you specify TCP flags that should be set you should specify out of which flags as"
          + " well."),
  RULE_TCPFLAGS_ANY("If you select any TCP flags, you cannot also select specific ones.", "26.1.2"),
  RULE_PRIO_LOW(
      "Set priority for low latency and acknowledgements requires a set priority for normal"
          + " packets."),
  RULE_SHAPER_REVERSE("A shaper is required when configuring one in the reverse direction."),
  RULE_REPLYTO_GATEWAY(
      "You can not assign a reply-to destination to a rule that uses a gateway.", "26.1.3"),
  SNAT_TARGET_PORTS("Target ports are only valid for tcp or udp type rules."),
  SNAT_TARGET_ANY("Target address cannot be any.", "26.1.11"),
  SNAT_TARGET_FAMILY("Target address type should match selected TCP/IP protocol version."),
  BINAT_ADDRESSES("For BINAT rules only addresses or subnets are allowed."),
  BINAT_FAMILIES("IP protocol families should match."),
  BINAT_SUBNETS("External subnet should match internal subnet."),
  NPT_TRACK_PREFIX("A track interface is only allowed without an external prefix."),
  NPT_NOT_TRACKING("This interface is not tracking the current rule interface.", null, "26.1.11"),
  NPT_NOT_DHCP6("The rule interface is not in set to DHCPv6 mode.", "26.1.11"),
  RULE_NOT_FOUND("Rule not found"),
  RULE_MOVE_FOREIGN("Either source or destination is not a rule managed with this component"),

  // -- port forwards (M/Firewall/DNat.php::performValidation)
  DNAT_PORTS("Ports are only valid for TCP or UDP type rules.", "26.1.4"),
  DNAT_FAMILY("Address type should match selected TCP/IP protocol version.", "26.1.4"),
  DNAT_TARGET_NORDR("Target must be empty when No RDR is set.", "26.1.11"),
  DNAT_PORT_NORDR("Port must be empty when No RDR is set.", "26.1.11"),

  // -- VLANs (M/Interfaces/Vlan.php, C/Interfaces/Api/VlanSettingsController.php)
  VLAN_PREFIX("The device name prefix \"%s\" is required."),
  VLAN_NAME_FORMAT(
      "Only a maximum of 15 characters is allowed starting with \"%s0\" combined with numeric"
          + " characters and dots, e.g. \"%s0.1.104\"."),
  VLAN_SELF("VLAN can not be assigned to itself."),
  VLAN_ASSIGNED_TAG("Interface is assigned and you cannot change the VLAN tag while assigned."),
  VLAN_ASSIGNED_NAME("Interface is assigned and you cannot change the device name while assigned."),
  VLAN_QINQ_PARENT("This VLAN cannot be deleted because it is used in QinQ interfaces."),
  VLAN_ASSIGNED_DELETE("This VLAN cannot be deleted because it is assigned as an interface."),

  // -- interface assignment (26.7, C/Interfaces/Api/AssignmentController.php)
  ASSIGNMENT_LOCKED("Interface locked, unset lock first before removal", "26.7"),
  ASSIGNMENT_LOCKED_TITLE("locked", "26.7"),

  // -- Kea (M/Kea/KeaDhcpv4.php::performValidation)
  KEA_NOT_IN_SUBNET("Address not in specified subnet"),
  KEA_MAC_OR_CLIENT_ID("Either a client ID or a MAC address should be specified.", "26.1.8"),
  KEA_MAC_AND_CLIENT_ID(
      "Either a client ID or a MAC address should be specified, but not both", "26.1.8"),

  // -- dnsmasq (M/Dnsmasq/Dnsmasq.php::performValidation)
  DNSMASQ_HOST_OR_IP("At least a hostname or IP address must be provided for DHCP reservations."),
  DNSMASQ_SINGLE_V4("For IPv4 dhcp reservations, only a single address is allowed."),
  DNSMASQ_DUPLICATE_IP("'%s' is already used in another DHCP host entry."),
  DNSMASQ_WILDCARD("Wildcard entries are not allowed for DHCP reservations."),
  DNSMASQ_OVERRIDE_NEEDS_BOTH("Both hostname and IP address are required for host overrides."),
  DNSMASQ_STATIC_START_ONLY("Static only accepts a starting address."),
  DNSMASQ_END_REQUIRED("End address may only be left empty for static ipv4 ranges."),
  DNSMASQ_FAMILY("Protocol family doesn't match."),
  DNSMASQ_DOMAIN_RANGE(
      "Can only configure a domain of type 'Range' when a full range (including end) is"
          + " specified."),
  DNSMASQ_DOMAIN_INTERFACE("A domain of type 'Interface' requires an interface to be selected."),
  DNSMASQ_CNAME_IN_USE("CNAME '%s' is already in use by a host override."),
  DNSMASQ_CNAME_OVERLAP(
      "CNAME '%s' overlaps with a host and domain combination in a host override."),
  DNSMASQ_IPSET_WILDCARD("Top level wildcard entries are not allowed for Ipset."),
  DNSMASQ_DOMAIN_BOTH_TYPES(
      "The domain '%s' cannot be used with both types 'Interface' and 'Range'."),
  DNSMASQ_CONSTRUCTOR_V6("A constructor can only be configured for ipv6."),
  DNSMASQ_CONSTRUCTOR_PARTIAL("A constructor expects a partial address (e.g. ::1)."),
  DNSMASQ_PREFIX_V6("Prefix length can only be used for IPv6."),
  DNSMASQ_RA_INTERFACE("Selecting an RA Mode requires an interface."),
  DNSMASQ_RA_PREFIX("Prefix length must be at least 64 when router advertisements are used."),
  DNSMASQ_RA_COMBINATION("Invalid RA mode combination."),
  DNSMASQ_OPTION_BOTH("'Option' and 'Option6' cannot be selected at the same time."),
  DNSMASQ_OPTION_NONE("Either 'Option' or 'Option6' is required."),
  DNSMASQ_MATCH_TAG("When type is 'Match', a tag must be set."),
  DNSMASQ_OPTION_V4("Only IPv4 addresses are allowed for the selected DHCP option.", "26.1.3"),
  DNSMASQ_OPTION_V6("Only IPv6 addresses are allowed for the selected DHCPv6 option.", "26.1.3"),
  DNSMASQ_OPTION_BRACKETS("Each IPv6 address must be wrapped inside square brackets '[fe80::]'."),
  DNSMASQ_PARTIAL_NEEDS_CONSTRUCTOR(
      "Partial addresses can only be used with a constructor.", null, "26.1.5"),

  // -- users (M/Auth/User.php, C/Auth/Api/UserController.php)
  USER_PASSWORD_REQUIRED("A password is required"),
  USER_ROOT_RENAME("The name of the root user can not be changed"),
  USER_DELETE_SYSTEM("Not allowed to delete system user %s"),
  USER_DELETE_SELF("Not allowed to remove logged in user %s"),
  USER_LOCKOUT("User %s can not lock itself out"),
  USERMANAGER_TITLE("Usermanager"),

  // -- certificates (C/Trust/Api/CertController.php)
  CERT_INVALID("Invalid X509 certificate provided"),
  CERT_KEY_MISMATCH("Invalid private key provided: private key does not match certificate data"),
  CERT_KEY_UNPARSABLE("Invalid private key provided: cannot parse private key data"),
  CERT_INVALID_DETAIL("Invalid X509 certificate provided : %s"),
  CERT_MISSING_CA_KEY("missing CA key"),
  CERT_ERROR_TITLE("Certificate error"),

  // -- controller base (C/Base/ApiMutableModelControllerBase.php, ApiControllerBase.php)
  IN_USE_LINE("%s - %s {%s}"),
  IN_USE_TITLE("Item in use by"),
  /** delBase's own title since 26.1.3 (checkAndThrowSafeDelete with the item's name). */
  IN_USE_ITEM_TITLE("Item %s {%s} in use by:", "26.1.3"),
  TOGGLE_LIST("Toggle with a list of items in only supported for explicit actions [0,1]", "26.1.3"),
  TOGGLE_TITLE("Toggle", "26.1.3"),
  READ_ONLY("User %s denied for write access (user-config-readonly set)"),
  READ_ONLY_TITLE("General access", "26.1.11");

  private final String template;
  private final String since;
  private final String until;

  Message(String template) {
    this(template, null, null);
  }

  Message(String template, String since) {
    this(template, since, null);
  }

  Message(String template, String since, String until) {
    this.template = template;
    this.since = since;
    this.until = until;
  }

  /** As OPNsense's source writes it, with {@code %s} placeholders. */
  public String template() {
    return template;
  }

  /** First release (profile name) whose source has it; null = every profile. */
  public String since() {
    return since;
  }

  /** First release that no longer has it; null = still there. */
  public String until() {
    return until;
  }

  /** Whether the source of this release has the message (and so the check that answers it). */
  public boolean existsIn(VersionProfile v) {
    return (since == null || atLeast(v, since)) && (until == null || !atLeast(v, until));
  }

  private static boolean atLeast(VersionProfile v, String version) {
    String[] p = version.split("\\.");
    return v.atLeast(
        Integer.parseInt(p[0]), Integer.parseInt(p[1]), p.length > 2 ? Integer.parseInt(p[2]) : 0);
  }

  /** PHP {@code sprintf}: each {@code %s} takes the next argument ({@code null} → ""). */
  public String text(Object... args) {
    return Php.sprintf(template, args);
  }
}
