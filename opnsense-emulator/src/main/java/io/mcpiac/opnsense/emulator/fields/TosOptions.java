package io.mcpiac.opnsense.emulator.fields;

import java.util.LinkedHashMap;

/** {@code TosField} choices: the pf TOS keywords and DSCP classes. */
public final class TosOptions {
  private static final LinkedHashMap<String, String> OPTIONS = new LinkedHashMap<>();

  static {
    for (String k : new String[] {"lowdelay", "throughput", "reliability", "ef"}) {
      OPTIONS.put(k, k);
    }
    for (int c = 1; c <= 4; c++) {
      for (int d = 1; d <= 3; d++) {
        OPTIONS.put("af" + c + d, "af" + c + d);
      }
    }
    for (int c = 1; c <= 7; c++) {
      OPTIONS.put("cs" + c, "cs" + c);
    }
  }

  private TosOptions() {}

  public static LinkedHashMap<String, String> get() {
    return OPTIONS;
  }
}
