package io.mcpiac.opnsense.emulator.fields;

/** Model-local field types of {@code M/Kea/FieldTypes}. */
public final class KeaTypes {
  private KeaTypes() {}

  /** {@code KeaPoolsField}: newline-separated {@code a.b.c.d-e.f.g.h} ranges or subnets. */
  public static Field pools(String name) {
    return new CheckedTextField(
        name,
        (v, c) -> {
          String e = v.trim();
          if (e.contains("-")) {
            String[] p = e.split("-", 2);
            return Ip.isV4(p[0].trim()) && Ip.isV4(p[1].trim());
          }
          return Ip.isCidr(e) && Ip.isV4(e.substring(0, e.indexOf('/')));
        },
        v -> "Entry \"" + v + "\" is not a valid range or subnet.") {
      @Override
      public java.util.List<String> items(String value) {
        return java.util.Arrays.asList(value.split("\n", -1));
      }
    };
  }

  /** Static routes: comma-separated {@code destination,router} address pairs. */
  public static Field routes(String name) {
    return new CheckedTextField(
        name,
        (v, c) -> {
          for (String part : v.split(",")) {
            String p = part.trim();
            if (!Ip.isV4(p) && !Ip.isCidr(p)) {
              return false;
            }
          }
          return true;
        },
        v -> "Invalid route specification.");
  }
}
