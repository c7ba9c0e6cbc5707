package io.mcpiac.mcp.prompts;

import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.Prompt;
import io.modelcontextprotocol.spec.McpSchema.PromptArgument;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.List;
import java.util.Map;

/** Prompts for common jobs, each ending in planDeployment → review → applyDeployment. */
public final class IacPrompts {
  private IacPrompts() {}

  public static List<SyncPromptSpecification> all() {
    return List.of(exposeService(), isolateVlan());
  }

  static SyncPromptSpecification exposeService() {
    Prompt prompt =
        new Prompt(
            "expose-service",
            "Expose a service through HAProxy",
            "Publish an internal service through HAProxy with a DNS name and a firewall rule.",
            List.of(
                new PromptArgument("service", "Short name of the service, e.g. grafana", true),
                new PromptArgument(
                    "backend", "Address:port of the service, e.g. 10.0.20.5:3000", true),
                new PromptArgument(
                    "hostname", "DNS name to publish, e.g. grafana.example.lan", true),
                new PromptArgument("port", "Public port (default 443)", false)));
    return new SyncPromptSpecification(
        prompt,
        (exchange, request) -> {
          Map<String, Object> a = request.arguments() == null ? Map.of() : request.arguments();
          String service = value(a, "service", "app");
          String text =
              """
              Expose the service '%s' (backend %s) as %s on port %s through OPNsense.

              1. Read the resource mcp-iac://schema/deployment for the exact properties of the
                 opnsense:service:haproxy:server, :backend and :frontend types, of
                 opnsense:service:dns:override and of opnsense:firewall:rule.
              2. Write one deployment named 'expose-%s' with: an HAProxy server for the backend,
                 a backend using it, a frontend on the port using the backend, a DNS host override
                 for the hostname pointing at the firewall, and a firewall rule passing TCP to the
                 port. Use dependencies (or ${name.uuid} references) so each resource follows
                 what it uses.
              3. Call validateConfig, fix every diagnostic, then planNetworkDeployment (or
                 planDeployment) and show me the plan.
              4. Only after I agree, call applyNetworkDeployment with the planId; report each
                 ✓ line and the final state (getDeploymentState).
              """
                  .formatted(
                      service,
                      value(a, "backend", "?"),
                      value(a, "hostname", "?"),
                      value(a, "port", "443"),
                      service);
          return result("Expose " + service, text);
        });
  }

  static SyncPromptSpecification isolateVlan() {
    Prompt prompt =
        new Prompt(
            "isolate-vlan",
            "Isolate a VLAN",
            "Create a VLAN whose hosts reach the internet but no other internal network.",
            List.of(
                new PromptArgument("tag", "VLAN tag, e.g. 150", true),
                new PromptArgument("parent", "Parent interface, e.g. igc2", true),
                new PromptArgument("name", "Short name, e.g. iot", true)));
    return new SyncPromptSpecification(
        prompt,
        (exchange, request) -> {
          Map<String, Object> a = request.arguments() == null ? Map.of() : request.arguments();
          String name = value(a, "name", "isolated");
          String text =
              """
              Isolate a new VLAN '%s' (tag %s on %s) with OPNsense.

              1. Read mcp-iac://schema/deployment for opnsense:network:vlan, opnsense:firewall:alias
                 and opnsense:firewall:rule.
              2. Write a deployment 'isolate-%s' with: the VLAN; an alias of the internal networks
                 (RFC 1918 ranges); a rule blocking traffic from the VLAN to that alias; a rule
                 passing the VLAN's traffic to anything else (the internet). The block rule must
                 come first (sequence) and depend on the alias.
              3. Make sure no rule would lock out the management interface; the plan is refused
                 with RISK_REFUSED (lockout) if one could.
              4. Call validateConfig, then planNetworkDeployment, show me the plan, and apply it
                 with applyNetworkDeployment only after I agree. Take a createCheckpoint first so
                 the change can be undone with restoreCheckpoint.
              """
                  .formatted(name, value(a, "tag", "?"), value(a, "parent", "?"), name);
          return result("Isolate VLAN " + name, text);
        });
  }

  private static String value(Map<String, Object> args, String key, String fallback) {
    Object v = args.get(key);
    return v == null || v.toString().isBlank() ? fallback : v.toString();
  }

  private static GetPromptResult result(String description, String text) {
    return new GetPromptResult(
        description, List.of(new PromptMessage(Role.USER, new TextContent(text))));
  }
}
