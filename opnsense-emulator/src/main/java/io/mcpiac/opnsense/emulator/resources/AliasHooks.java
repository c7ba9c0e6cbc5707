package io.mcpiac.opnsense.emulator.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.opnsense.emulator.api.ApiCall;
import io.mcpiac.opnsense.emulator.api.ItemEdit;
import io.mcpiac.opnsense.emulator.api.ResourceHooks;
import io.mcpiac.opnsense.emulator.api.SearchAction;
import io.mcpiac.opnsense.emulator.api.UserException;
import io.mcpiac.opnsense.emulator.config.Config;
import io.mcpiac.opnsense.emulator.messages.Message;
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
        m.add("name", Message.ALIAS_NAME_EXISTS);
      }
    }
    String content = e.value("content");
    if (content.isEmpty()) {
      return;
    }
    // Util::isAlias looks in the model being validated, this alias included
    Map<String, String> aliases = new java.util.HashMap<>(e.ctx().aliasTypes());
    aliases.put(name, e.value("type"));
    for (String entry : content.split("\n", -1)) {
      Message problem = AliasContent.problem(e.value("type"), entry, aliases, e.config());
      if (problem != null) {
        m.add("content", problem, entry);
      }
    }
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
      StringBuilder uses = new StringBuilder();
      users.forEach(u -> uses.append('\n').append(u));
      throw new UserException(
          Message.ALIAS_IN_USE.text(name, uses), Message.ALIAS_IN_USE_TITLE.text());
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
      ObjectNode row = SearchAction.row(model, b.name(), item, ctx);
      row.putArray("categories_uuid");
      rows.add(row);
    }
    return rows;
  }

  /**
   * {@code AliasController::searchItemAction}: every row gets {@code categories_uuid}; an {@code
   * authgroup} alias shows its group names (its content split on ',', unknown ids dropped).
   */
  @Override
  public void adjustRow(ObjectNode row, ObjectNode item, ModelContext ctx) {
    com.fasterxml.jackson.databind.node.ArrayNode cats = row.putArray("categories_uuid");
    Items.csv(item.path("categories").asText("")).forEach(cats::add);
    if ("authgroup".equals(item.path("type").asText())) {
      Map<String, String> groups =
          io.mcpiac.opnsense.emulator.model.SystemEnvironment.configd("groups", ctx.config());
      List<String> names = new ArrayList<>();
      for (String gid : item.path("content").asText("").split(",", -1)) {
        if (groups.containsKey(gid)) {
          names.add(groups.get(gid));
        }
      }
      row.put("content", String.join(",", names));
    }
  }

  /** The model-level get lists the built-in aliases too, keyed by their names. */
  static void addBuiltins(ObjectNode out, ItemModel model, ModelContext ctx) {
    JsonNode list = out.path("aliases").get("alias");
    ObjectNode aliases =
        list instanceof ObjectNode o ? o : ((ObjectNode) out.get("aliases")).putObject("alias");
    for (BuiltinAliases.Builtin b : BuiltinAliases.all(ctx.config())) {
      ObjectNode item = model.newItem(ctx);
      item.put("name", b.name());
      item.put("type", b.type());
      item.put("content", b.content());
      item.put("description", b.description());
      aliases.set(b.name(), io.mcpiac.opnsense.emulator.api.CrudActions.render(model, item, ctx));
    }
  }
}
