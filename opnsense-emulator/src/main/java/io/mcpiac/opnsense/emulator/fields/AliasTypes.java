package io.mcpiac.opnsense.emulator.fields;

import io.mcpiac.opnsense.emulator.messages.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code AliasNameField} and {@code AliasContentField} of {@code M/Firewall/FieldTypes}. */
public final class AliasTypes {
  /**
   * pf keywords an alias may not be named after ({@code AliasNameField::getValidators}, from
   * pfctl's parse.y), compared case-sensitively.
   */
  public static final Set<String> RESERVED =
      Set.of(
          "all",
          "allow-opts",
          "altq",
          "anchor",
          "antispoof",
          "any",
          "bandwidth",
          "binat",
          "binat-anchor",
          "bitmask",
          "block",
          "block-policy",
          "buckets",
          "cbq",
          "code",
          "codelq",
          "crop",
          "debug",
          "divert-reply",
          "divert-to",
          "drop",
          "drop-ovl",
          "dup-to",
          "fail-policy",
          "fairq",
          "fastroute",
          "file",
          "fingerprints",
          "flags",
          "floating",
          "flush",
          "for",
          "fragment",
          "from",
          "global",
          "group",
          "hfsc",
          "hogs",
          "hostid",
          "icmp-type",
          "icmp6-type",
          "if-bound",
          "in",
          "include",
          "inet",
          "inet6",
          "interval",
          "keep",
          "label",
          "limit",
          "linkshare",
          "load",
          "log",
          "loginterface",
          "max",
          "max-mss",
          "max-src-conn",
          "max-src-conn-rate",
          "max-src-nodes",
          "max-src-states",
          "min-ttl",
          "modulate",
          "nat",
          "nat-anchor",
          "no",
          "no-df",
          "no-route",
          "no-sync",
          "on",
          "optimization",
          "os",
          "out",
          "overload",
          "pass",
          "port",
          "prio",
          "priority",
          "priq",
          "probability",
          "proto",
          "qlimit",
          "queue",
          "quick",
          "random",
          "random-id",
          "rdr",
          "rdr-anchor",
          "realtime",
          "reassemble",
          "reply-to",
          "require-order",
          "return",
          "return-icmp",
          "return-icmp6",
          "return-rst",
          "round-robin",
          "route",
          "route-to",
          "rtable",
          "rule",
          "ruleset-optimization",
          "scrub",
          "set",
          "set-tos",
          "skip",
          "sloppy",
          "source-hash",
          "source-track",
          "state",
          "state-defaults",
          "state-policy",
          "static-port",
          "sticky-address",
          "synproxy",
          "table",
          "tag",
          "tagged",
          "target",
          "tbrsize",
          "timeout",
          "to",
          "tos",
          "ttl",
          "upperlimit",
          "urpf-failed",
          "user");

  private static final java.util.regex.Pattern NAME =
      PhpRegex.compile(
          "/^([a-zA-Z]|(([_a-zA-Z][a-zA-Z0-9]|[a-zA-Z][_a-zA-Z0-9])[_a-zA-Z0-9]{0,29}))$/");

  private AliasTypes() {}

  public static Field name(String name) {
    return new Field(name) {
      @Override
      public List<String> validateValue(String value, FieldContext ctx) {
        List<String> out = new ArrayList<>();
        if (!PhpRegex.matches(NAME, value)) {
          out.add(Message.ALIAS_NAME.text());
        }
        if (RESERVED.contains(value)) {
          // the source never fills the %s in: the message says "%s" literally
          out.add(Message.ALIAS_RESERVED.template());
        }
        if (Services.isServiceName(value) || Protocols.isProtocolName(value)) {
          out.add(Message.ALIAS_SERVICE_NAME.text());
        }
        return out;
      }
    };
  }

  /** Newline-separated entries; validated per alias type by the alias model, rendered as items. */
  public static Field content(String name) {
    return new CheckedTextField(name, (v, c) -> true, v -> "").list("\n", true);
  }
}
