package io.mcpiac.opnsense.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.opnsense.emulator.fields.Field;
import io.mcpiac.opnsense.emulator.fields.NaturalOrder;
import io.mcpiac.opnsense.emulator.model.ItemModel;
import io.mcpiac.opnsense.emulator.model.ModelContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code searchBase} (UIModelGrid) and {@code searchRecordsetBase} (contract 1.10): rows with every
 * flattened field as raw value plus {@code %field} labels, AND-ed search tokens, sorting from the
 * POST body, paging, and the two response key orders.
 */
public final class SearchAction {
  private final EmulatorCore core;

  public SearchAction(EmulatorCore core) {
    this.core = core;
  }

  /** Search parameters after applying the action's source rules. */
  private record Params(int current, int rowCount, String phrase, String sortField, boolean desc) {}

  private Params params(ApiCall call, ResourceDef res, boolean recordset) {
    String current;
    String rowCount;
    String phrase;
    if (recordset) {
      current = text(call.post("current"));
      rowCount = text(call.post("rowCount"));
      phrase = text(call.post("searchPhrase"));
    } else {
      current = call.requestParam("current");
      rowCount = call.requestParam("rowCount");
      phrase = call.requestParam("searchPhrase");
    }
    int cur = parseInt(current, 1);
    int rows = parseInt(rowCount, recordset ? 9999 : -1);
    String sortField = res.defaultSort();
    boolean desc = false;
    JsonNode sort = call.post("sort");
    if (sort != null && sort.isObject() && sort.size() > 0) {
      Map.Entry<String, JsonNode> first = sort.properties().iterator().next();
      sortField = first.getKey();
      desc = "desc".equalsIgnoreCase(first.getValue().asText());
    }
    return new Params(Math.max(cur, 1), rows, phrase == null ? "" : phrase, sortField, desc);
  }

  private static String text(JsonNode n) {
    return n == null || n.isContainerNode() ? null : n.asText();
  }

  private static int parseInt(String s, int def) {
    if (s == null || s.isBlank()) {
      return def;
    }
    try {
      return (int) Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      return def;
    }
  }

  public ApiResponse search(ApiCall call, ResourceDef res) {
    boolean recordset = res.usesRecordsetSearch(core.version());
    Params p = params(call, res, recordset);
    return core.store()
        .read(
            config -> {
              ModelContext ctx = core.context(config, res.collection(), null);
              List<ObjectNode> rows = new ArrayList<>();
              for (Map.Entry<String, JsonNode> e : config.items(res.collection())) {
                ObjectNode item = res.model().loaded((ObjectNode) e.getValue());
                if (!res.hooks().includeInSearch(call, e.getKey(), item, ctx)) {
                  continue;
                }
                res.hooks().decorate(e.getKey(), item, ctx);
                ObjectNode row = row(res.model(), e.getKey(), item, ctx);
                res.hooks().adjustRow(row, item, ctx);
                rows.add(row);
              }
              rows.addAll(res.hooks().extraRows(call, ctx));
              List<ObjectNode> matching = new ArrayList<>();
              for (ObjectNode r : rows) {
                if (recordset ? matchesRecordset(r, p.phrase()) : matchesTokens(r, p.phrase())) {
                  matching.add(r);
                }
              }
              if (p.sortField() != null) {
                String f = p.sortField();
                matching.sort(
                    (a, b) -> {
                      int c =
                          NaturalOrder.compareIgnoreCase(
                              a.path(f).asText(""), b.path(f).asText(""));
                      return p.desc() ? -c : c;
                    });
              }
              int total = matching.size();
              List<ObjectNode> page = matching;
              if (p.rowCount() > 0) {
                int from = Math.min((p.current() - 1) * p.rowCount(), total);
                page = matching.subList(from, Math.min(from + p.rowCount(), total));
              }
              List<ObjectNode> leading = res.hooks().leadingRows(call, ctx);
              ObjectNode out = ApiResponse.obj();
              ArrayNode arr = PhpJsonNodes.array();
              leading.forEach(arr::add);
              page.forEach(arr::add);
              if (recordset) {
                out.put("total", total);
                out.put("rowCount", page.size());
                out.put("current", p.current());
                out.set("rows", arr);
              } else {
                out.set("rows", arr);
                out.put("rowCount", page.size());
                out.put("total", total);
                out.put("current", p.current());
              }
              return ApiResponse.ok(out);
            });
  }

  /** A search row: uuid, then every field flattened ({@code a.b}) raw, plus {@code %a.b} labels. */
  public static ObjectNode row(ItemModel model, String uuid, ObjectNode item, ModelContext ctx) {
    ObjectNode row = ApiResponse.obj();
    row.put("uuid", uuid);
    for (ItemModel.Leaf leaf : model.leaves()) {
      Field f = leaf.field();
      String value = ItemModel.value(item, leaf.path());
      String raw = f.rendersAsText() ? f.encodeForGet(value, ctx).asText("") : value;
      row.put(leaf.path(), raw);
      String d = f.describe(value, ctx);
      if (!value.isEmpty() && !d.equals(raw)) {
        row.put("%" + leaf.path(), d);
      }
    }
    return row;
  }

  /**
   * Every token must occur in some field; the {@code %} label is searched instead of the raw value.
   */
  static boolean matchesTokens(ObjectNode row, String phrase) {
    if (phrase.isBlank()) {
      return true;
    }
    for (String token : phrase.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
      boolean found =
          CrudActions.UUID_V4.matcher(token).matches() && token.equals(row.path("uuid").asText());
      Iterator<Map.Entry<String, JsonNode>> it = row.properties().iterator();
      while (!found && it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String k = e.getKey();
        if (k.equals("uuid") || k.startsWith("%")) {
          continue;
        }
        JsonNode label = row.get("%" + k);
        String v =
            (label != null ? label.asText() : e.getValue().asText("")).toLowerCase(Locale.ROOT);
        found = v.contains(token);
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  /** searchRecordsetBase: case-insensitive substring over all values of the record. */
  static boolean matchesRecordset(ObjectNode row, String phrase) {
    if (phrase.isBlank()) {
      return true;
    }
    String needle = phrase.toLowerCase(Locale.ROOT);
    Iterator<JsonNode> it = row.elements();
    while (it.hasNext()) {
      if (it.next().asText("").toLowerCase(Locale.ROOT).contains(needle)) {
        return true;
      }
    }
    return false;
  }
}
