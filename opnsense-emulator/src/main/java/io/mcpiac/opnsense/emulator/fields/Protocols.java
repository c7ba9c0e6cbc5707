package io.mcpiac.opnsense.emulator.fields;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/**
 * {@code ProtocolField}: {@code any} (when required), the common protocols in OPNsense's order,
 * then the rest of {@code /etc/protocols} alphabetically; stored upper-case unless
 * ChangeCase=lower.
 */
public final class Protocols {
  private static final List<String> COMMON =
      List.of("TCP", "UDP", "TCP/UDP", "ICMP", "ESP", "AH", "GRE", "IGMP", "PIM", "OSPF");
  private static final List<String> REST =
      List.of(
          "3PC",
          "A/N",
          "ARGUS",
          "ARIS",
          "AX.25",
          "BBN-RCC",
          "BNA",
          "BR-SAT-MON",
          "CARP",
          "CBT",
          "CFTP",
          "CHAOS",
          "COMPAQ-PEER",
          "CPHB",
          "CPNX",
          "CRTP",
          "CRUDP",
          "DCCP",
          "DCN",
          "DDP",
          "DDX",
          "DGP",
          "DIVERT",
          "DSR",
          "EGP",
          "EIGRP",
          "EMCON",
          "ENCAP",
          "ETHERIP",
          "FC",
          "FIRE",
          "GGP",
          "GMTP",
          "HIP",
          "HMP",
          "I-NLSP",
          "IATP",
          "IDPR",
          "IDPR-CMTP",
          "IDRP",
          "IFMP",
          "IGP",
          "IL",
          "IP",
          "IPCOMP",
          "IPCV",
          "IPENCAP",
          "IPIP",
          "IPLT",
          "IPPC",
          "IPV6",
          "IPV6-FRAG",
          "IPV6-ICMP",
          "IPV6-NONXT",
          "IPV6-OPTS",
          "IPV6-ROUTE",
          "IPX-IN-IP",
          "IRTP",
          "ISIS",
          "ISO-IP",
          "ISO-TP4",
          "KRYPTOLAN",
          "L2TP",
          "LARP",
          "LEAF-1",
          "LEAF-2",
          "MANET",
          "MERIT-INP",
          "MFE-NSP",
          "MICP",
          "MOBILE",
          "MOBILITY-HEADER",
          "MPLS-IN-IP",
          "MTP",
          "MUX",
          "NARP",
          "NETBLT",
          "NSFNET-IGP",
          "NVP",
          "PFSYNC",
          "PGM",
          "PIPE",
          "PNNI",
          "PRM",
          "PTP",
          "PUP",
          "PVP",
          "QNX",
          "RDP",
          "ROHC",
          "RSVP",
          "RSVP-E2E-IGNORE",
          "RVD",
          "SAT-EXPAK",
          "SAT-MON",
          "SCC-SP",
          "SCPS",
          "SCTP",
          "SDRP",
          "SECURE-VMTP",
          "SHIM6",
          "SKIP",
          "SM",
          "SMP",
          "SNP",
          "SPRITE-RPC",
          "SPS",
          "SRP",
          "SSCOPMCE",
          "ST2",
          "STP",
          "SUN-ND",
          "SWIPE",
          "TCF",
          "TLSP",
          "TP++",
          "TRUNK-1",
          "TRUNK-2",
          "TTP",
          "UDPLITE",
          "UTI",
          "VINES",
          "VISA",
          "VMTP",
          "WB-EXPAK",
          "WB-MON",
          "WESP",
          "WSN",
          "XNET",
          "XNS-IDP",
          "XTP");

  private Protocols() {}

  public static LinkedHashMap<String, String> options(boolean required, boolean lower) {
    LinkedHashMap<String, String> out = new LinkedHashMap<>();
    if (required) {
      out.put("any", "any");
    }
    for (String p : COMMON) {
      out.put(lower ? p.toLowerCase(Locale.ROOT) : p, p);
    }
    for (String p : REST) {
      out.put(lower ? p.toLowerCase(Locale.ROOT) : p, p);
    }
    return out;
  }

  public static boolean isProtocolName(String lower) {
    String upper = lower.toUpperCase(Locale.ROOT);
    return COMMON.contains(upper) || REST.contains(upper);
  }
}
