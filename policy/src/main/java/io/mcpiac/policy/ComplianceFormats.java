package io.mcpiac.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import java.util.Locale;

/**
 * A {@link ComplianceReport} as text (a terminal), JSON (a machine; the MCP answer) or HTML: one
 * self-contained file (styles inline, no script, no fetch) a person hands to an auditor.
 */
public final class ComplianceFormats {
  private ComplianceFormats() {}

  public static String text(ComplianceReport r) {
    StringBuilder b = new StringBuilder();
    b.append("Compliance of '")
        .append(r.deployment())
        .append("' with ")
        .append(r.pack())
        .append(": ")
        .append(r.score())
        .append("% (")
        .append(summary(r))
        .append(")\n\n");
    for (ComplianceReport.Control c : r.controls()) {
      b.append(
          String.format(Locale.ROOT, "%-15s %-32s %s%n", label(c.status()), c.id(), c.title()));
      for (ComplianceReport.Result res : c.results()) {
        if (res.status() == ComplianceReport.Status.FAIL
            || res.status() == ComplianceReport.Status.EXEMPT
            || res.status() == ComplianceReport.Status.NOT_EVALUATED) {
          b.append("    ")
              .append(label(res.status()).trim())
              .append(" ")
              .append(res.resource())
              .append(res.property() == null ? "" : " " + res.property())
              .append(res.file() == null ? "" : " (" + res.file() + ":" + res.line() + ")")
              .append(res.message() == null ? "" : ": " + res.message())
              .append(res.remediation() == null ? "" : " — fix: " + res.remediation())
              .append('\n');
        }
      }
    }
    return b.toString();
  }

  public static ObjectNode json(ComplianceReport r) {
    ObjectNode out = Json.object();
    out.put("pack", r.pack());
    out.put("packDescription", r.packDescription());
    out.put("deployment", r.deployment());
    out.put("generatedAt", r.generatedAt().toString());
    out.put("score", r.score());
    ObjectNode counts = out.putObject("summary");
    for (ComplianceReport.Status s : ComplianceReport.Status.values()) {
      counts.put(s.name().toLowerCase(Locale.ROOT), r.count(s));
    }
    out.set("controls", Json.MAPPER.valueToTree(r.controls()));
    return out;
  }

  public static String html(ComplianceReport r) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>\n")
        .append("<title>Compliance: ")
        .append(esc(r.deployment()))
        .append(" / ")
        .append(esc(r.pack()))
        .append("</title>\n<style>\n")
        .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}")
        .append("table{border-collapse:collapse;width:100%}")
        .append("th,td{border:1px solid #ccc;padding:.4em;text-align:left;vertical-align:top}")
        .append("th{background:#f3f3f3}.FAIL{background:#fdd}.PASS{background:#dfd}")
        .append(".EXEMPT{background:#ffd}.NOT_EVALUATED{background:#eef}")
        .append(".NOT_APPLICABLE{color:#777}.score{font-size:2em;font-weight:bold}")
        .append("\n</style></head><body>\n")
        .append("<h1>Compliance report</h1>\n<p>Deployment <b>")
        .append(esc(r.deployment()))
        .append("</b>, pack <b>")
        .append(esc(r.pack()))
        .append("</b>, generated ")
        .append(esc(r.generatedAt().toString()))
        .append(" by mcp-iac.</p>\n<p>")
        .append(esc(r.packDescription()))
        .append("</p>\n<p class=\"score\" id=\"score\">")
        .append(r.score())
        .append("%</p>\n<p id=\"summary\">")
        .append(esc(summary(r)))
        .append("</p>\n<table id=\"controls\">\n<thead><tr><th>Control</th><th>Title</th>")
        .append("<th>Severity</th><th>Enforcement</th><th>Status</th><th>Findings</th></tr>")
        .append("</thead>\n<tbody>\n");
    for (ComplianceReport.Control c : r.controls()) {
      b.append("<tr class=\"")
          .append(c.status())
          .append("\" data-control=\"")
          .append(esc(c.id()))
          .append("\" data-rule=\"")
          .append(esc(c.policy() + "/" + c.rule()))
          .append("\" data-status=\"")
          .append(c.status())
          .append("\"><td>")
          .append(esc(c.id()))
          .append("<br/><small>")
          .append(esc(c.policy() + "/" + c.rule()))
          .append("</small></td><td>")
          .append(esc(c.title()))
          .append("</td><td>")
          .append(esc(c.severity()))
          .append("</td><td>")
          .append(esc(c.enforcement()))
          .append("</td><td>")
          .append(label(c.status()).trim())
          .append("</td><td><ul>");
      for (ComplianceReport.Result res : c.results()) {
        b.append("<li class=\"")
            .append(res.status())
            .append("\">")
            .append(label(res.status()).trim())
            .append(": <code>")
            .append(esc(res.resource()))
            .append("</code>");
        if (res.property() != null && res.status() != ComplianceReport.Status.PASS) {
          b.append(" <code>").append(esc(res.property())).append("</code>");
        }
        if (res.file() != null && res.status() == ComplianceReport.Status.FAIL) {
          b.append(" (").append(esc(res.file())).append(':').append(res.line()).append(')');
        }
        if (res.message() != null) {
          b.append(" — ").append(esc(res.message()));
        }
        if (res.remediation() != null) {
          b.append("<br/><i>Fix:</i> ").append(esc(res.remediation()));
        }
        b.append("</li>");
      }
      b.append("</ul></td></tr>\n");
    }
    return b.append("</tbody></table>\n</body></html>\n").toString();
  }

  private static String summary(ComplianceReport r) {
    return r.count(ComplianceReport.Status.PASS)
        + " pass, "
        + r.count(ComplianceReport.Status.FAIL)
        + " fail, "
        + r.count(ComplianceReport.Status.EXEMPT)
        + " exempt, "
        + r.count(ComplianceReport.Status.NOT_EVALUATED)
        + " not evaluated, "
        + r.count(ComplianceReport.Status.NOT_APPLICABLE)
        + " not applicable";
  }

  private static String label(ComplianceReport.Status s) {
    return switch (s) {
      case PASS -> "pass          ";
      case FAIL -> "FAIL          ";
      case EXEMPT -> "exempt        ";
      case NOT_EVALUATED -> "not evaluated ";
      case NOT_APPLICABLE -> "not applicable";
    };
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
