package io.mcpiac.opnsense.batches;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.ProviderException;
import io.mcpiac.opnsense.client.OpnsenseClient;
import io.mcpiac.opnsense.resources.Module;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Makes what OPNsense has saved in config.xml the running configuration of a module (its
 * apply/reconfigure). The engine knows these modules as activation scopes, named in lower case
 * ({@code aliases}, {@code filter}). Which modules hold saved but unapplied changes cannot be read:
 * OPNsense has no API for it for these modules (no {@code dirtyAction} in core or os-haproxy), so
 * the engine's journal is what knows an activation did not complete.
 */
public final class Activator {

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
        Activation outcome = activate(m, savepoint);
        if (outcome instanceof Activation.Refused r) {
          failures.add(r.reason());
        } else if (outcome instanceof Activation.LeftInPlace l) {
          failures.add(l.reason());
        }
      }
    }
    if (!failures.isEmpty()) {
      throw new ProviderException(String.join("; ", failures));
    }
  }

  /** Activates a module: done, refused (writes to take back) or left in place (writes stay). */
  Activation activate(Module module, String savepoint) {
    try {
      if (module == Module.HAPROXY) {
        JsonNode test = client.post("/api/haproxy/service/configtest", null);
        String text = test.path("result").asText("");
        if (text.contains("ALERT")) {
          return new Activation.Refused(
              CONFIGTEST_FAILED + ", so nothing was activated: " + text.strip());
        }
      }
      if (module == Module.FILTER && savepoint != null) {
        expectOk(client.post("/api/firewall/filter/apply/" + savepoint, null), module);
        if (!client.healthy(3)) {
          return new Activation.LeftInPlace(
              "the firewall API stopped answering after the rule change; OPNsense takes the"
                  + " rules back to savepoint "
                  + savepoint
                  + " by itself within 60 seconds");
        }
        client.post("/api/firewall/filter/cancelRollback/" + savepoint, null);
        return Activation.DONE;
      }
      expectOk(client.post(module.applyPath(), null), module);
      if (module == Module.FILTER && !client.healthy(3)) {
        return new Activation.LeftInPlace(
            "the firewall API stopped answering after the rule change (this firewall has no"
                + " savepoint rollback): check access to "
                + client.settings().url());
      }
      return Activation.DONE;
    } catch (ProviderException e) {
      return new Activation.Refused("activating " + scope(module) + " failed: " + e.getMessage());
    }
  }

  private static final String CONFIGTEST_FAILED = "HAProxy's configtest failed";

  /**
   * Whether a HAProxy configtest {@code failure} (of this batch's writes) is the configuration's
   * own: with the batch's writes taken back, configtest still reports every alert it reported with
   * them.
   */
  boolean failedBefore(Module module, String failure) {
    if (module != Module.HAPROXY || !failure.startsWith(CONFIGTEST_FAILED)) {
      return false;
    }
    java.util.Set<String> withOurs = alerts(failure);
    try {
      String before =
          client.post("/api/haproxy/service/configtest", null).path("result").asText("");
      java.util.Set<String> without = alerts(before);
      return !withOurs.isEmpty() && without.containsAll(withOurs);
    } catch (ProviderException e) {
      return false;
    }
  }

  /** Why a write stays unactivated when {@link #failedBefore} holds. */
  static String notOurFault(String failure) {
    return "written, but HAProxy was not reloaded: its configuration already failed its"
        + " configtest before this change ("
        + String.join(" ", alerts(failure))
        + ")";
  }

  /** HAProxy's ALERT lines, without the config line numbers and process ids that shift. */
  static java.util.Set<String> alerts(String text) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    for (String line : text.split("\n")) {
      int at = line.indexOf("[ALERT]");
      if (at >= 0 && !line.contains("Fatal errors found")) {
        out.add(
            line.substring(at)
                .replaceAll("\\(\\d+\\)", "")
                .replaceAll("haproxy\\.conf:\\d+", "haproxy.conf")
                .replaceAll("\\s+", " ")
                .strip());
      }
    }
    return out;
  }

  private static void expectOk(JsonNode answer, Module module) {
    String status = answer.path("status").asText(answer.path("result").asText("")).strip();
    if (!status.equalsIgnoreCase("ok")) {
      throw new ProviderException(
          module.applyPath() + " answered " + Json.write(answer) + " instead of ok");
    }
  }
}
