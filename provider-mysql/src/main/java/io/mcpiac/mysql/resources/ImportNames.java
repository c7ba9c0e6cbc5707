package io.mcpiac.mysql.resources;

/** Resource names for imported objects: what a file can use as a name. */
final class ImportNames {
  private ImportNames() {}

  static String of(String... parts) {
    String joined = String.join("-", parts);
    String cleaned = joined.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
    if (cleaned.isEmpty() || !Character.isLetter(cleaned.charAt(0))) {
      cleaned = "x-" + cleaned;
    }
    return cleaned;
  }
}
