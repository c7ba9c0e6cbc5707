package io.mcpiac.opnsense.emulator.fields;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code AliasNameField} and {@code AliasContentField} of {@code M/Firewall/FieldTypes}. */
public final class AliasTypes {
  /** pf keywords an alias may not be named after. */
  public static final Set<String> RESERVED =
      Set.of(
          "all",
          "any",
          "block",
          "pass",
          "match",
          "in",
          "out",
          "on",
          "from",
          "to",
          "port",
          "proto",
          "inet",
          "inet6",
          "quick",
          "log",
          "label",
          "keep",
          "state",
          "flags",
          "self",
          "table",
          "urpf-failed",
          "no",
          "tag",
          "tagged",
          "queue",
          "rdr",
          "nat",
          "binat",
          "scrub",
          "anchor",
          "user",
          "group",
          "icmp-type",
          "icmp6-type",
          "route-to",
          "reply-to",
          "dup-to",
          "fastroute",
          "modulate",
          "synproxy",
          "antispoof",
          "set",
          "skip",
          "ether");

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
          out.add(
              "The name must start with a letter or single underscore, be less than 32 characters"
                  + " and only consist of alphanumeric characters or underscores.");
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (RESERVED.contains(lower)) {
          out.add("The name cannot be the internally reserved keyword \"" + value + "\".");
        } else if (NetworkTypes.WELL_KNOWN_PORTS.contains(lower)
            || Protocols.isProtocolName(lower)) {
          out.add("Reserved protocol or service names may not be used (" + value + ").");
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
