package io.mcpiac.opnsense.emulator.fields;

import java.util.Locale;

/** PHP's {@code strnatcasecmp}: digit runs compare as numbers, letters case-insensitively. */
public final class NaturalOrder {
  private NaturalOrder() {}

  public static int compareIgnoreCase(String a, String b) {
    String x = a.toLowerCase(Locale.ROOT);
    String y = b.toLowerCase(Locale.ROOT);
    int i = 0;
    int j = 0;
    while (i < x.length() && j < y.length()) {
      char c = x.charAt(i);
      char d = y.charAt(j);
      if (Character.isDigit(c) && Character.isDigit(d)) {
        int si = i;
        int sj = j;
        while (i < x.length() && Character.isDigit(x.charAt(i))) {
          i++;
        }
        while (j < y.length() && Character.isDigit(y.charAt(j))) {
          j++;
        }
        String n1 = x.substring(si, i).replaceFirst("^0+(?=.)", "");
        String n2 = y.substring(sj, j).replaceFirst("^0+(?=.)", "");
        int cmp = n1.length() != n2.length() ? n1.length() - n2.length() : n1.compareTo(n2);
        if (cmp != 0) {
          return cmp;
        }
      } else {
        if (c != d) {
          return c - d;
        }
        i++;
        j++;
      }
    }
    return (x.length() - i) - (y.length() - j);
  }
}
