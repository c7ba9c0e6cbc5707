package io.mcpiac.opnsense.emulator.fields;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code Util::getservbyname}: the names and aliases of {@code /etc/services}. The list shipped
 * here is Debian's (netbase); FreeBSD's file is longer, so a few names a real firewall knows are
 * unknown here.
 */
public final class Services {
  private static final Set<String> NAMES = load();

  private Services() {}

  public static boolean isServiceName(String name) {
    return NAMES.contains(name);
  }

  private static Set<String> load() {
    Set<String> out = new HashSet<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                Services.class.getResourceAsStream(
                    "/io/mcpiac/opnsense/emulator/fields/services.txt"),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isEmpty() && !line.startsWith("#")) {
          out.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
