package io.mcpiac.opnsense.resources;

/**
 * One friendly property and the OPNsense field it is stored in.
 *
 * @param property the name users write ({@code port})
 * @param field the OPNsense field ({@code destination_port}; dotted for containers: {@code
 *     source.network})
 * @param kind how values convert between the two
 * @param whenAbsent what to send when the property is not given; null sends nothing (the firewall's
 *     own default or computed value stays)
 * @param schema extra JSON Schema keywords (without braces), e.g. {@code "enum":["pass","block"]}
 */
public record Spec(
    String property,
    String field,
    Kind kind,
    String whenAbsent,
    String description,
    String schema) {

  /** Value conversions. */
  public enum Kind {
    /** A string. */
    TEXT,
    /** An integer. */
    INT,
    /** An integer, or a string where OPNsense also takes names, ranges or aliases. */
    INT_OR_TEXT,
    /** true/false ↔ "1"/"0". */
    BOOL,
    /** true/false ↔ "0"/"1" (OPNsense's {@code disabled} for our {@code enabled}). */
    NOT_BOOL,
    /** A list (or one string) ↔ a comma-separated string. */
    CSV,
    /** A list (or one string) ↔ a newline-separated string. */
    LINES
  }

  public static Spec text(String property, String field, String whenAbsent, String description) {
    return new Spec(property, field, Kind.TEXT, whenAbsent, description, null);
  }

  /**
   * A field of OPNsense's DescriptionField type: at most 255 characters (OPNsense counts bytes:
   * {@code /^(.){1,255}$/}) and, on 26.x, no control characters.
   */
  public static Spec description(
      String property, String field, String whenAbsent, String description) {
    return new Spec(
        property,
        field,
        Kind.TEXT,
        whenAbsent,
        description,
        "\"maxLength\":255,\"pattern\":\"^[^\\\\u0000-\\\\u001f\\\\u007f]*$\"");
  }

  /** A TextField with HAProxy's description mask {@code /^.{1,255}$/u}: one line, 255 at most. */
  public static Spec oneLine(String property, String field, String whenAbsent, String description) {
    return new Spec(
        property,
        field,
        Kind.TEXT,
        whenAbsent,
        description,
        "\"maxLength\":255,\"pattern\":\"^[^\\\\n]*$\"");
  }

  public static Spec choice(
      String property, String field, String whenAbsent, String description, String... options) {
    StringBuilder e = new StringBuilder("\"enum\":[");
    for (int i = 0; i < options.length; i++) {
      e.append(i == 0 ? "" : ",").append('"').append(options[i]).append('"');
    }
    return new Spec(property, field, Kind.TEXT, whenAbsent, description, e.append(']').toString());
  }

  public static Spec integer(
      String property, String field, String whenAbsent, String description, String schema) {
    return new Spec(property, field, Kind.INT, whenAbsent, description, schema);
  }

  public static Spec intOrText(
      String property, String field, String whenAbsent, String description) {
    return new Spec(property, field, Kind.INT_OR_TEXT, whenAbsent, description, null);
  }

  public static Spec bool(String property, String field, boolean whenAbsent, String description) {
    return new Spec(property, field, Kind.BOOL, whenAbsent ? "1" : "0", description, null);
  }

  public static Spec enabled() {
    return bool("enabled", "enabled", true, "Whether the object is active (default true).");
  }

  public static Spec csv(String property, String field, String whenAbsent, String description) {
    return new Spec(property, field, Kind.CSV, whenAbsent, description, null);
  }

  public static Spec lines(String property, String field, String whenAbsent, String description) {
    return new Spec(property, field, Kind.LINES, whenAbsent, description, null);
  }
}
