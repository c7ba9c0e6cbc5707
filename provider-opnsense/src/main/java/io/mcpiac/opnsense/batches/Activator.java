package io.mcpiac.opnsense.batches;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.ProviderException;
import io.mcpiac.opnsense.client.OpnsenseApiException;
import io.mcpiac.opnsense.client.OpnsenseClient;
import io.mcpiac.opnsense.resources.Module;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes what OPNsense has saved in config.xml the running configuration of a module (its
 * apply/reconfigure), and reads which modules hold saved but unapplied changes. The engine knows
 * these modules as activation scopes, named in lower case ({@code aliases}, {@code filter}).
 */
public final class Activator {
  private static final Logger LOG = LoggerFactory.getLogger(Activator.class);

  /**
   * Independent chains of modules: within a chain, in this order (aliases before the rules that use
   * them, VLAN devices before their assignment); chains may run at the same time.
   */
  static final List<List<Module>> CHAINS =
      List.of(
          List.of(Module.ALIASES, Module.FILTER),
          List.of(Module.VLANS, Module.INTERFACES),
          List.of(Module.HAPROXY),
          List.of(Module.UNBOUND),
          List.of(Module.KEA),
          List.of(Module.DNSMASQ));

  private final OpnsenseClient client;

  public Activator(OpnsenseClient client) {
    this.client = client;
  }

  /** The engine's name of a module's activation. */
  public static String scope(Module m) {
    return m.name().toLowerCase(Locale.ROOT);
  }

  /** The modules among {@code touched} that have an activation, as scopes in activation order. */
  public static List<String> scopes(Collection<Module> touched) {
    List<String> out = new ArrayList<>();
    for (List<Module> chain : CHAINS) {
      for (Module m : chain) {
        if (touched.contains(m)) {
          out.add(scope(m));
        }
      }
    }
    return out;
  }

  /**
   * Activates the scopes in order (firewall rules through a savepoint where the firewall has them).
   *
   * @throws ProviderException naming every scope that could not be activated
   */
  public void activate(List<String> scopes) {
    List<String> failures = new ArrayList<>();
    for (List<Module> chain : CHAINS) {
      for (Module m : chain) {
        if (!scopes.contains(scope(m))) {
          continue;
        }
        String savepoint = null;
        if (m == Module.FILTER && client.version().hasSavepoints()) {
          savepoint = client.post("/api/firewall/filter/savepoint", null).path("revision").asText();
        }
        String failure = activate(m, savepoint);
        if (failure != null) {
          failures.add(failure.startsWith("!") ? failure.substring(1) : failure);
        }
      }
    }
    if (!failures.isEmpty()) {
      throw new ProviderException(String.join("; ", failures));
    }
  }

  /**
   * Modules with saved but unapplied changes, as scopes: OPNsense's {@code dirty} action (its
   * models' {@code configChanged()}). A module whose firewall has no such action (404) is not
   * reported: its pending state cannot be seen.
   */
  public List<String> pending() {
    List<Module> dirty = new ArrayList<>();
    for (Module m : Module.values()) {
      if (m.applyPath() == null) {
        continue;
      }
      String path = m.applyPath().substring(0, m.applyPath().lastIndexOf('/')) + "/dirty";
      try {
        if (isDirty(client.get(path))) {
          dirty.add(m);
        }
      } catch (OpnsenseApiException e) {
        if (e.status() != 404) {
          throw e;
        }
        LOG.debug("{} has no dirty flag on this firewall", path);
      }
    }
    return scopes(dirty);
  }

  /** {@code {"dirty":true}} or {@code {"<model>":{"dirty":true}}}. */
  private static boolean isDirty(JsonNode answer) {
    if (answer.path("dirty").asBoolean(false)) {
      return true;
    }
    for (Map.Entry<String, JsonNode> e : answer.properties()) {
      if (e.getValue().path("dirty").asBoolean(false)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Activates a module; null on success, else why not. A reason starting with {@code !} means the
   * writes must stay (the firewall's own rollback timer takes the rules back).
   */
  String activate(Module module, String savepoint) {
    try {
      if (module == Module.HAPROXY) {
        JsonNode test = client.post("/api/haproxy/service/configtest", null);
        String text = test.path("result").asText("");
        if (text.contains("ALERT")) {
          return "HAProxy's configtest failed, so nothing was activated: " + text.strip();
        }
      }
      if (module == Module.FILTER && savepoint != null) {
        expectOk(client.post("/api/firewall/filter/apply/" + savepoint, null), module);
        if (!client.healthy(3)) {
          return "!the firewall API stopped answering after the rule change; OPNsense takes the"
              + " rules back to savepoint "
              + savepoint
              + " by itself within 60 seconds";
        }
        client.post("/api/firewall/filter/cancelRollback/" + savepoint, null);
        return null;
      }
      expectOk(client.post(module.applyPath(), null), module);
      if (module == Module.FILTER && !client.healthy(3)) {
        return "!the firewall API stopped answering after the rule change (this firewall has no"
            + " savepoint rollback): check access to "
            + client.settings().url();
      }
      return null;
    } catch (ProviderException e) {
      return "activating " + scope(module) + " failed: " + e.getMessage();
    }
  }

  private static void expectOk(JsonNode answer, Module module) {
    String status = answer.path("status").asText(answer.path("result").asText("")).strip();
    if (!status.equalsIgnoreCase("ok")) {
      throw new ProviderException(
          module.applyPath() + " answered " + Json.write(answer) + " instead of ok");
    }
  }
}
