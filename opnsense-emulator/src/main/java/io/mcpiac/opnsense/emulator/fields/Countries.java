package io.mcpiac.opnsense.emulator.fields;

import java.util.LinkedHashMap;
import java.util.Locale;

/** {@code CountryField}: ISO 3166 codes labelled with English country names. */
public final class Countries {
  private static final LinkedHashMap<String, String> OPTIONS = new LinkedHashMap<>();

  static {
    for (String code : Locale.getISOCountries()) {
      OPTIONS.put(code, new Locale("", code).getDisplayCountry(Locale.ENGLISH));
    }
  }

  private Countries() {}

  public static LinkedHashMap<String, String> options() {
    return OPTIONS;
  }
}
