package io.mcpiac.opnsense.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.opnsense.emulator.config.Config;
import io.mcpiac.opnsense.emulator.model.ItemModel;
import io.mcpiac.opnsense.emulator.model.ModelContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The model-level {@code GET …/get} every {@code ApiMutableModelControllerBase} inherits (1.11):
 * {@code {"<internalModelName>":{…getNodes()…}}} — the model's lists keyed by uuid (an empty list
 * is {@code []}) and its settings sections, in get encoding; any other method answers {@code []}.
 */
public final class ModelGet {
  private record Part(String path, ResourceDef list, String settingsKey, ItemModel settings) {}

  private final EmulatorCore core;
  private final String name;
  private final List<Part> parts = new ArrayList<>();
  private BiConsumer<ObjectNode, ModelContext> adjust = (out, ctx) -> {};

  public ModelGet(EmulatorCore core, String name) {
    this.core = core;
    this.name = name;
  }

  /** A list of the model at a dotted path ({@code rules.rule}, {@code hosts}). */
  public ModelGet list(String path, ResourceDef res) {
    parts.add(new Part(path, res, null, null));
    return this;
  }

  /** A settings section stored under {@code key}, rendered at {@code path} ("" = the root). */
  public ModelGet settings(String path, String key, ItemModel model) {
    parts.add(new Part(path, null, key, model));
    return this;
  }

  /** Controller overrides that post-process the answer (Kea, dnsmasq add the host's names). */
  public ModelGet adjust(BiConsumer<ObjectNode, ModelContext> adjust) {
    this.adjust = adjust;
    return this;
  }

  public void register(RouteTable.Controller c) {
    c.action("get", 0, this::get);
  }

  private ApiResponse get(ApiCall call) {
    if (!call.isGet()) {
      return ApiResponse.ok(PhpJsonNodes.array());
    }
    return core.store()
        .read(
            config -> {
              ModelContext ctx = core.context(config, null, null);
              ObjectNode model = JsonNodeFactory.instance.objectNode();
              for (Part p : parts) {
                if (p.list() != null) {
                  put(model, p.path(), items(p.list(), config));
                } else {
                  ObjectNode item = p.settings().newItem(ctx);
                  merge(item, config.settings(p.settingsKey()));
                  ObjectNode rendered = CrudActions.render(p.settings(), item, ctx);
                  if (p.path().isEmpty()) {
                    model.setAll(rendered);
                  } else {
                    put(model, p.path(), rendered);
                  }
                }
              }
              adjust.accept(model, ctx);
              ObjectNode out = ApiResponse.obj();
              out.set(name, model);
              return ApiResponse.ok(out);
            });
  }

  private JsonNode items(ResourceDef res, Config config) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> e : config.items(res.collection())) {
      ModelContext ctx = core.context(config, res.collection(), e.getKey());
      ObjectNode item = res.model().loaded((ObjectNode) e.getValue());
      res.hooks().decorate(e.getKey(), item, ctx);
      out.set(e.getKey(), CrudActions.render(res.model(), item, ctx));
    }
    return out.isEmpty() ? PhpJsonNodes.array() : out;
  }

  private static void put(ObjectNode root, String path, JsonNode value) {
    String[] p = path.split("\\.");
    ObjectNode n = root;
    for (int i = 0; i < p.length - 1; i++) {
      JsonNode c = n.get(p[i]);
      n = c instanceof ObjectNode o ? o : n.putObject(p[i]);
    }
    n.set(p[p.length - 1], value);
  }

  /** Stored settings over a model's defaults (partial sections are merged, not replaced). */
  static void merge(ObjectNode target, JsonNode source) {
    source
        .properties()
        .forEach(
            e -> {
              if (e.getValue().isObject() && target.get(e.getKey()) instanceof ObjectNode t) {
                merge(t, e.getValue());
              } else {
                target.set(e.getKey(), e.getValue().deepCopy());
              }
            });
  }
}
