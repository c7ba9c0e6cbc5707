package io.mcpiac.opnsense.emulator.fields;

import io.mcpiac.opnsense.emulator.messages.Message;
import java.util.ArrayList;
import java.util.List;

/** Model-local field types of {@code M/Kea/FieldTypes} (26.7, same checks in 26.1.x). */
public final class KeaTypes {
  private KeaTypes() {}

  /**
   * {@code KeaPoolsField}: newline-separated {@code a-b} of two addresses or a subnet; empty lines
   * are skipped. Format only: whether a pool lies in its subnet is not checked for DHCPv4.
   */
  public static Field pools(String name) {
    return new CheckedTextField(name, (v, c) -> true, v -> "") {
      @Override
      public List<String> validateValue(String value, FieldContext ctx) {
        List<String> out = new ArrayList<>();
        for (String entry : value.split("\n", -1)) {
          if (entry.isEmpty()) {
            continue;
          }
          String[] parts = entry.split("-", -1);
          boolean ok =
              parts.length == 2
                  ? Ip.isAddress(parts[0].trim()) && Ip.isAddress(parts[1].trim())
                  : parts.length == 1 && Ip.isCidr(parts[0]);
          if (!ok) {
            out.add(Message.KEA_POOL.text(entry));
          }
        }
        return out;
      }
    }.list("\n", false);
  }

  /** {@code KeaStaticRoutesField}: a comma list read as {@code dest-ip,router-ip} pairs. */
  public static Field staticRoutes(String name) {
    return new TextField(name) {
      @Override
      public List<String> validateValue(String value, FieldContext ctx) {
        List<String> out = new ArrayList<>();
        String[] e = value.split(",", -1);
        for (int i = 0; i < e.length; i += 2) {
          String a = e[i].trim();
          String b = i + 1 < e.length ? e[i + 1].trim() : "";
          if (!Ip.isAddress(a) || !Ip.isAddress(b)) {
            out.add(Message.KEA_STATIC_ROUTE.text(a, b));
          }
        }
        return out;
      }
    };
  }

  /** {@code KeaClasslessStaticRouteField}: comma list of {@code net/len - router} (IPv4). */
  public static Field classlessRoutes(String name) {
    return new TextField(name) {
      @Override
      public List<String> validateValue(String value, FieldContext ctx) {
        List<String> out = new ArrayList<>();
        for (String item : value.split(",", -1)) {
          String[] e = item.split("-", -1);
          for (int i = 0; i < e.length; i++) {
            e[i] = e[i].trim();
          }
          boolean ok =
              e.length == 2
                  && Ip.isCidr(e[0])
                  && Ip.isStrictSubnet(e[0])
                  && Ip.isV4(e[0].substring(0, e[0].indexOf('/')))
                  && Ip.isV4(e[1]);
          if (!ok) {
            out.add(Message.KEA_CLASSLESS_ROUTE.text(e[0], e.length > 1 ? e[1] : ""));
          }
        }
        return out;
      }
    };
  }
}
