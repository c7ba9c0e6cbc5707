package io.mcpiac.opnsense.emulator.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.opnsense.emulator.api.ApiCall;
import io.mcpiac.opnsense.emulator.api.ItemEdit;
import io.mcpiac.opnsense.emulator.api.ResourceHooks;
import io.mcpiac.opnsense.emulator.api.SearchAction;
import io.mcpiac.opnsense.emulator.api.UserException;
import io.mcpiac.opnsense.emulator.config.Config;
import io.mcpiac.opnsense.emulator.fields.Ip;
import io.mcpiac.opnsense.emulator.fields.NetworkTypes;
import io.mcpiac.opnsense.emulator.model.BuiltinAliases;
import io.mcpiac.opnsense.emulator.model.Collections;
import io.mcpiac.opnsense.emulator.model.ItemModel;
import io.mcpiac.opnsense.emulator.model.ModelContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code M/Firewall/Alias.php} and {@code AliasController}: content checked per alias type, names
 * unique among user and built-in aliases, renames rewritten into every reference, deletes refused
 * while referenced, built-in aliases listed in search and every alias name offered in {@code get}.
 */
class AliasHooks implements ResourceHooks {
  /** Fields of other lists that may hold alias names (rules, NAT, other aliases). */
  static final Map<String, String[]> REFERENCES =
      Map.of(
          Collections.FILTER_RULES,
          new String[] {"source_net", "destination_net", "source_port", "destination_port"},
          Collections.SNAT_RULES,
          new String[] {
            "source_net",
            "destination_net",
            "source_port",
            "destination_port",
            "target",
            "target_port"
          },
          Collections.ONE_TO_ONE,
          new String[] {"source_net", "destination_net"},
          Collections.DNAT,
          new String[] {
            "source.network",
            "source.port",
            "destination.network",
            "destination.port",
            "target",
            "local-port"
          },
          Collections.ALIASES,
          new String[] {"content"});

  static final Map<String, String> REFERENCE_LABELS =
      Map.of(
          Collections.FILTER_RULES, "Firewall rule",
          Collections.SNAT_RULES, "Source NAT rule",
          Collections.ONE_TO_ONE, "One-to-one NAT rule",
          Collections.DNAT, "Port forward rule",
          Collections.ALIASES, "Alias");

  private final ItemModel model;

  AliasHooks(ItemModel model) {
    this.model = model;
  }

  @Override
  public void validate(ItemEdit e, FieldMessages m) {
    String name = e.value("name");
    for (BuiltinAliases.Builtin b : BuiltinAliases.all(e.config())) {
      if (b.name().equalsIgnoreCase(name) && !m.has("name")) {
        m.add("name", "An alias with this name already exists.");
      }
    }
    String type = e.value("type");
    String content = e.value("content");
    if (content.isEmpty()) {
      return;
    }
    Map<String, String> aliases = e.ctx().aliasTypes();
    for (String entry : content.split("\n")) {
      String problem = entryProblem(type, entry, aliases, name);
      if (problem != null) {
        m.add("content", problem);
      }
    }
  }

  private static String entryProblem(
      String type, String entry, Map<String, String> aliases, String self) {
    String v = entry.trim();
    boolean isAlias = aliases.containsKey(v) && !v.equals(self);
    switch (type) {
      case "host" -> {
        String h = v.startsWith("!") ? v.substring(1) : v;
        if (Ip.isAddress(h)
            || isRange(h)
            || isAlias
            || NetworkTypes.validHostname(h, false, false, false)) {
          return null;
        }
        return "Entry \"" + v + "\" is not a valid hostname, IP address or range.";
      }
      case "network" -> {
        String n = v.startsWith("!") ? v.substring(1) : v;
        if (Ip.isCidr(n) || Ip.isAddress(n) || isRange(n) || isAlias) {
          return null;
        }
        return "Entry \"" + v + "\" is not a network.";
      }
      case "port" -> {
        if (NetworkTypes.validPortNumber(v) || isAlias && "port".equals(aliases.get(v))) {
          return null;
        }
        String[] p = v.split("[-:]");
        if (p.length == 2
            && NetworkTypes.validPortNumber(p[0])
            && NetworkTypes.validPortNumber(p[1])) {
          return null;
        }
        return "Entry \"" + v + "\" is not a valid port number.";
      }
      case "networkgroup" -> {
        String t = aliases.get(v);
        return isAlias && !"port".equals(t) ? null : "Entry \"" + v + "\" is not a valid alias.";
      }
      case "mac" -> {
        return v.matches("(?i)^([0-9a-f]{2}:){0,5}[0-9a-f]{1,2}$")
            ? null
            : "Entry \"" + v + "\" is not a valid (partial) MAC address.";
      }
      case "asn" -> {
        try {
          long n = Long.parseLong(v);
          return n >= 1 && n <= 4294967296L ? null : "Entry \"" + v + "\" is not a valid ASN.";
        } catch (NumberFormatException ex) {
          return "Entry \"" + v + "\" is not a valid ASN.";
        }
      }
      case "geoip" -> {
        return Arrays.asList(java.util.Locale.getISOCountries()).contains(v)
            ? null
            : "Entry \"" + v + "\" is not a valid country code.";
      }
      case "url", "urltable", "urljson" -> {
        return v.matches("^(https?|ftp)://\\S+$")
            ? null
            : "Entry \"" + v + "\" is not a valid URL.";
      }
      case "authgroup" -> {
        return v.matches("^[0-9]+$") ? null : "Entry \"" + v + "\" is not a valid group.";
      }
      default -> {
        return null;
      }
    }
  }

  private static boolean isRange(String v) {
    String[] p = v.split("-");
    return p.length == 2
        && Ip.isAddress(p[0])
        && Ip.isAddress(p[1])
        && Ip.family(p[0]).equals(Ip.family(p[1]));
  }

  @Override
  public void afterStore(ItemEdit e) {
    if (e.isNew() || e.before() == null) {
      return;
    }
    String old = ItemModel.value(e.before(), "name");
    String now = e.value("name");
    if (!old.equals(now)) {
      // Alias::refactor: a rename rewrites every reference
      for (Map.Entry<String, String[]> ref : REFERENCES.entrySet()) {
        Items.renameInList(e.config(), ref.getKey(), old, now, ref.getValue());
      }
    }
  }

  @Override
  public void beforeDelete(String uuid, ObjectNode item, ModelContext ctx) {
    String name = item.path("name").asText();
    List<String> users = usersOf(ctx.config(), name, uuid);
    if (!users.isEmpty()) {
      throw new UserException(
          "Cannot delete alias " + name + ". Currently in use by \n" + String.join("\n", users),
          "Alias in use");
    }
  }

  static List<String> usersOf(Config config, String name, String selfUuid) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String[]> ref : REFERENCES.entrySet()) {
      for (Map.Entry<String, JsonNode> it : config.items(ref.getKey())) {
        if (it.getKey().equals(selfUuid)) {
          continue;
        }
        for (String path : ref.getValue()) {
          String v = ItemModel.value((ObjectNode) it.getValue(), path);
          if (Arrays.asList(v.split("[,\n]")).contains(name)) {
            String label =
                it.getValue().path("description").asText(it.getValue().path("descr").asText(""));
            if (label.isEmpty()) {
              label = it.getValue().path("name").asText(it.getKey());
            }
            out.add("[" + REFERENCE_LABELS.get(ref.getKey()) + "] " + label);
            break;
          }
        }
      }
    }
    return out;
  }

  @Override
  public void adjustGet(ObjectNode rendered, ObjectNode item, ModelContext ctx) {
    // AliasController::getItemAction offers every alias name as an unselected content choice
    JsonNode c = rendered.get("content");
    ObjectNode content = c instanceof ObjectNode o ? o : rendered.putObject("content");
    for (BuiltinAliases.Builtin b : BuiltinAliases.all(ctx.config())) {
      offer(content, b.name(), b.description());
    }
    for (Map.Entry<String, JsonNode> e : ctx.config().items(Collections.ALIASES)) {
      offer(
          content, e.getValue().path("name").asText(), e.getValue().path("description").asText(""));
    }
  }

  private static void offer(ObjectNode content, String name, String description) {
    if (!content.has(name)) {
      ObjectNode o = content.putObject(name);
      o.put("selected", 0);
      o.put("value", name);
      o.put("description", description);
    }
  }

  @Override
  public boolean includeInSearch(ApiCall call, String uuid, ObjectNode item, ModelContext ctx) {
    List<String> types = call.requestList("type");
    if (!types.isEmpty() && !types.contains(item.path("type").asText())) {
      return false;
    }
    List<String> cats = call.requestList("category");
    return cats.isEmpty()
        || Items.csv(item.path("categories").asText("")).stream().anyMatch(cats::contains);
  }

  @Override
  public List<ObjectNode> extraRows(ApiCall call, ModelContext ctx) {
    List<ObjectNode> rows = new ArrayList<>();
    if (!call.requestList("category").isEmpty()) {
      return rows;
    }
    List<String> types = call.requestList("type");
    for (BuiltinAliases.Builtin b : BuiltinAliases.all(ctx.config())) {
      if (!types.isEmpty() && !types.contains(b.type())) {
        continue;
      }
      ObjectNode item = model.newItem(ctx);
      item.put("name", b.name());
      item.put("type", b.type());
      item.put("content", b.content());
      item.put("description", b.description());
      rows.add(SearchAction.row(model, b.name(), item, ctx));
    }
    return rows;
  }
}
