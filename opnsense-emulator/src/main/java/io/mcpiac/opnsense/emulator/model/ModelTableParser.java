package io.mcpiac.opnsense.emulator.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the generated model tables of the contract ({@code shared/opnsense-api/models/*.md}, copied
 * verbatim into the resources): sections {@code **`path`** (array|container|root)} followed by a
 * table {@code | field | type | req | default | constraints / options |}.
 */
public final class ModelTableParser {
  private static final Pattern SECTION = Pattern.compile("^\\*\\*`([^`]+)`\\*\\* \\((\\w+)");
  private static final Pattern MASK_END = Pattern.compile("/[imsux]*(?=; |$)");

  /** A table section: its path ({@code rules.rule}, {@code rule.source}) and kind. */
  public record Section(String path, String kind, List<FieldSpec> fields) {}

  private ModelTableParser() {}

  public static Map<String, Section> load(String resource) {
    try (InputStream in =
        ModelTableParser.class.getResourceAsStream(
            "/io/mcpiac/opnsense/emulator/models/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no model table " + resource);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Map<String, Section> parse(String text) {
    Map<String, Section> sections = new LinkedHashMap<>();
    Section current = null;
    for (String line : text.split("\n")) {
      Matcher m = SECTION.matcher(line);
      if (m.find()) {
        current = new Section(m.group(1), m.group(2), new ArrayList<>());
        sections.put(current.path(), current);
      } else if (current != null && line.startsWith("| `")) {
        current.fields().add(row(line));
      }
    }
    return sections;
  }

  /** Splits a table row on unescaped pipes, then unescapes {@code \|}. */
  private static List<String> cells(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '|') {
        cur.append('|');
        i++;
      } else if (c == '|') {
        out.add(cur.toString().trim());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    return out;
  }

  static FieldSpec row(String line) {
    List<String> c = cells(line);
    String name = unquote(c.get(0));
    String type = c.get(1).replace(".\\", ".");
    boolean required = "Y".equals(c.get(2));
    String def = unquote(c.get(3));
    String rest = c.get(4);

    boolean isVolatile = rest.contains("volatile (not persisted)");
    rest = rest.replace("volatile (not persisted)", "").trim();

    List<String> constraints = new ArrayList<>();
    List<String> references = new ArrayList<>();
    int ci = rest.indexOf("constraints: ");
    if (ci >= 0) {
      for (String entry : splitTopLevel(rest.substring(ci + "constraints: ".length()))) {
        if (entry.startsWith("ref:")) {
          references.add(entry.substring(4));
        } else if (!entry.isBlank()) {
          constraints.add(entry);
        }
      }
      rest = rest.substring(0, ci);
    }

    String message = null;
    int mi = rest.indexOf("msg: \"");
    if (mi >= 0) {
      int end = rest.lastIndexOf('"');
      message = rest.substring(mi + 6, end);
      rest = rest.substring(0, mi) + rest.substring(end + 1);
    }

    LinkedHashMap<String, String> options = new LinkedHashMap<>();
    int oi = rest.indexOf("options: ");
    if (oi >= 0) {
      String opts = rest.substring(oi + "options: ".length()).trim();
      if (opts.endsWith(";")) {
        opts = opts.substring(0, opts.length() - 1);
      }
      for (String o : opts.split(", (?=`)")) {
        Matcher om = Pattern.compile("^`([^`]*)`(?:=(.*))?$").matcher(o.trim());
        if (om.matches()) {
          String label = om.group(2) == null || om.group(2).isEmpty() ? om.group(1) : om.group(2);
          options.put(om.group(1), label);
        }
      }
      rest = rest.substring(0, oi);
    }

    Map<String, String> attrs = new HashMap<>();
    int ki = rest.indexOf("Mask=");
    if (ki >= 0) {
      Matcher end = MASK_END.matcher(rest);
      if (end.find(ki + 6)) {
        attrs.put("Mask", rest.substring(ki + 5, end.end()));
        rest = rest.substring(0, ki) + rest.substring(end.end());
      }
    }
    for (String kv : rest.split(";")) {
      int eq = kv.indexOf('=');
      if (eq > 0) {
        attrs.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
      }
    }
    return new FieldSpec(
        name, type, required, def, attrs, options, message, constraints, references, isVolatile);
  }

  private static String unquote(String s) {
    s = s.trim();
    return s.startsWith("`") && s.endsWith("`") && s.length() >= 2
        ? s.substring(1, s.length() - 1)
        : s;
  }

  /** Splits on "; " outside parentheses and double quotes. */
  static List<String> splitTopLevel(String s) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"') {
        quoted = !quoted;
      } else if (!quoted && ch == '(') {
        depth++;
      } else if (!quoted && ch == ')') {
        depth--;
      } else if (!quoted
          && depth == 0
          && ch == ';'
          && i + 1 < s.length()
          && s.charAt(i + 1) == ' ') {
        out.add(s.substring(start, i).trim());
        start = i + 2;
      }
    }
    out.add(s.substring(start).trim());
    return out;
  }
}
