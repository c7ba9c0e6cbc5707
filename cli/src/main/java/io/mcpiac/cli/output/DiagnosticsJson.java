package io.mcpiac.cli.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.config.Diagnostic;
import io.mcpiac.engine.json.Json;
import java.util.List;

/**
 * Diagnostics as JSON, in the shape of Terraform's {@code validate -json} ({@code format_version},
 * {@code valid}, {@code error_count}, {@code diagnostics[]} with {@code severity}, {@code summary},
 * {@code detail}, {@code range}) plus our flat {@code file}, {@code line}, {@code resource}, {@code
 * property}, {@code code} and {@code message}. Every command prints this on stdout under {@code
 * --json} when it fails.
 */
public final class DiagnosticsJson {
  /** Terraform's validate output is at "1.0"; ours follows its shape. */
  public static final String FORMAT_VERSION = "1.0";

  private DiagnosticsJson() {}

  /** A whole answer: {@code valid} is true only for an empty list. */
  public static ObjectNode of(List<Diagnostic> diagnostics) {
    ObjectNode json = Json.object();
    json.put("format_version", FORMAT_VERSION);
    json.put("valid", diagnostics.isEmpty());
    json.put("error_count", diagnostics.size());
    json.put("warning_count", 0);
    var list = json.putArray("diagnostics");
    diagnostics.forEach(d -> list.add(of(d)));
    return json;
  }

  /** A failure that is not about a place in a file: summary only. */
  public static ObjectNode error(String code, String message) {
    ObjectNode json = of(List.of());
    json.put("valid", false);
    json.put("error_count", 1);
    ObjectNode d = json.withArray("diagnostics").addObject();
    d.put("severity", "error");
    d.put("summary", message);
    d.put("detail", "");
    d.put("code", code);
    d.put("message", message);
    return json;
  }

  static ObjectNode of(Diagnostic d) {
    ObjectNode node = Json.object();
    node.put("severity", "error");
    node.put("summary", d.message());
    node.put("detail", d.format());
    node.put("code", d.code());
    node.put("file", d.location().file());
    node.put("line", d.location().line());
    node.put("resource", d.resource());
    node.put("property", d.property());
    node.put("message", d.message());
    if (d.location().line() > 0) {
      ObjectNode range = node.putObject("range");
      range.put("filename", d.location().file());
      range.putObject("start").put("line", d.location().line());
      range.putObject("end").put("line", d.location().line());
    }
    return node;
  }
}
