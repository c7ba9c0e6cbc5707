package io.mcpiac.opnsense.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.opnsense.emulator.config.ConfigStore.Outcome;
import io.mcpiac.opnsense.emulator.fields.Constraint;
import io.mcpiac.opnsense.emulator.fields.ConstraintScope;
import io.mcpiac.opnsense.emulator.fields.Field;
import io.mcpiac.opnsense.emulator.model.ItemModel;
import io.mcpiac.opnsense.emulator.model.ModelContext;
import java.util.List;

/**
 * Model-level {@code get} / {@code set} (1.11): {@code {"<internalModelName>":{…}}}, GET only for
 * get, POST with partial merge for set, validation keys {@code <name>.<full path>}.
 */
public final class SettingsActions {
  private final EmulatorCore core;

  public SettingsActions(EmulatorCore core) {
    this.core = core;
  }

  /** Registers {@code get} and {@code set} for the settings section {@code key} of the config. */
  public void register(RouteTable.Controller c, String name, String key, ItemModel model) {
    c.action("get", 0, call -> get(call, name, key, model));
    c.action("set", 0, call -> set(call, name, key, model));
  }

  private ObjectNode current(
      io.mcpiac.opnsense.emulator.config.Config config,
      String key,
      ItemModel model,
      ModelContext ctx) {
    ObjectNode stored = config.settings(key);
    ObjectNode item = model.newItem(ctx);
    ModelGet.merge(item, stored);
    return item;
  }

  private ApiResponse get(ApiCall call, String name, String key, ItemModel model) {
    if (!call.isGet()) {
      return ApiResponse.ok(PhpJsonNodes.array());
    }
    return core.store()
        .read(
            config -> {
              ModelContext ctx = core.context(config, null, null);
              ObjectNode out = ApiResponse.obj();
              out.set(name, CrudActions.render(model, current(config, key, model, ctx), ctx));
              return ApiResponse.ok(out);
            });
  }

  private ApiResponse set(ApiCall call, String name, String key, ItemModel model) {
    if (!call.isPost() || !call.hasPost(name)) {
      return ApiResponse.single("result", "failed");
    }
    JsonNode result =
        core.store()
            .write(
                call.revisionUser(),
                call.revisionDescription(),
                config -> {
                  ModelContext ctx = core.context(config, null, null);
                  ObjectNode item = current(config, key, model, ctx);
                  InputApplier.apply(model, item, call.post(name), core.version());
                  Validation v = new Validation();
                  for (ItemModel.Leaf leaf : model.leaves()) {
                    Field f = leaf.field();
                    String value = ItemModel.value(item, leaf.path());
                    String k = name + "." + leaf.path();
                    if (value.isEmpty()) {
                      if (f.required()) {
                        v.add(k, io.mcpiac.opnsense.emulator.messages.Message.REQUIRED.text());
                      }
                    } else {
                      f.validateValue(value, ctx).forEach(m -> v.add(k, m));
                    }
                    for (Constraint c : f.constraints()) {
                      String msg = c.check(scope(item, leaf.path()));
                      if (msg != null) {
                        for (int i = 0; i < c.timesRun(); i++) {
                          v.add(k, msg);
                        }
                      }
                    }
                  }
                  if (!v.isEmpty()) {
                    return Outcome.unchanged(v.failure());
                  }
                  core.checkWritable(call);
                  ObjectNode settings = config.settings(key);
                  settings.removeAll();
                  settings.setAll(item);
                  return Outcome.saved(ApiResponse.obj().put("result", "saved"));
                });
    return ApiResponse.ok(result);
  }

  private static ConstraintScope scope(ObjectNode item, String path) {
    String parent = path.contains(".") ? path.substring(0, path.lastIndexOf('.') + 1) : "";
    return new ConstraintScope() {
      @Override
      public String value() {
        return ItemModel.value(item, path);
      }

      @Override
      public String sibling(String n) {
        return ItemModel.value(item, parent + n);
      }

      @Override
      public List<ConstraintScope> others() {
        return List.of();
      }
    };
  }
}
