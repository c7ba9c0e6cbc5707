package io.mcpiac.opnsense.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.opnsense.emulator.config.ConfigStore.Outcome;
import io.mcpiac.opnsense.emulator.fields.Constraint;
import io.mcpiac.opnsense.emulator.fields.ConstraintScope;
import io.mcpiac.opnsense.emulator.fields.Field;
import io.mcpiac.opnsense.emulator.messages.Message;
import io.mcpiac.opnsense.emulator.model.ItemModel;
import io.mcpiac.opnsense.emulator.model.ModelContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code ApiMutableModelControllerBase}'s addBase/getBase/setBase/delBase/toggleBase, written once
 * for every list resource (contract 1.7). Search lives in {@link SearchAction}.
 */
public final class CrudActions {
  /** {@code L/Core/Type.php::isUUID}: lower-case version 4. */
  public static final Pattern UUID_V4 =
      Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");

  private final EmulatorCore core;

  public CrudActions(EmulatorCore core) {
    this.core = core;
  }

  private static ObjectNode failed() {
    return ApiResponse.obj().put("result", "failed");
  }

  // ---------------------------------------------------------------- add

  public ApiResponse add(ApiCall call, ResourceDef res) {
    if (!call.isPost() || !call.hasPost(res.wrapper())) {
      return ApiResponse.ok(failed());
    }
    String answerUuid = UUID.randomUUID().toString();
    return ApiResponse.ok(
        core.store()
            .write(
                call.revisionUser(),
                call.revisionDescription(),
                config -> {
                  String named = res.newKey(config);
                  String uuid = named == null ? answerUuid : named;
                  ModelContext ctx = core.context(config, res.collection(), uuid);
                  ObjectNode item = res.model().newItem(ctx);
                  InputApplier.apply(res.model(), item, call.post(res.wrapper()), core.version());
                  ItemEdit edit = new ItemEdit(uuid, item, null, true, ctx, call);
                  res.hooks().afterInput(edit);
                  return store(
                      res, edit, ApiResponse.obj().put("result", "saved").put("uuid", answerUuid));
                }));
  }

  /** Validate, then store the item in the working config (or answer the validation failure). */
  private Outcome<JsonNode> store(ResourceDef res, ItemEdit edit, ObjectNode success) {
    Validation v = validate(res, edit);
    if (!v.isEmpty()) {
      return Outcome.unchanged(v.failure());
    }
    core.checkWritable(edit.call());
    res.hooks().beforeStore(edit);
    ObjectNode list = edit.config().collection(res.collection());
    list.set(edit.uuid(), res.model().persistable(edit.item()));
    res.hooks().afterStore(edit);
    // extra answer keys from the controller (e.g. a key that is not kept on the firewall)
    success.setAll(edit.answer());
    return Outcome.saved(success);
  }

  /** Field validators, constraints and the model's own checks, keyed {@code <wrapper>.<path>}. */
  public Validation validate(ResourceDef res, ItemEdit edit) {
    Validation v = new Validation();
    String prefix = res.wrapper() + ".";
    ModelContext ctx = edit.ctx();
    List<ObjectNode> others = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : edit.config().items(res.collection())) {
      if (!e.getKey().equals(edit.uuid())) {
        others.add((ObjectNode) e.getValue());
      }
    }
    for (ItemModel.Leaf leaf : res.model().leaves()) {
      Field f = leaf.field();
      String value = edit.value(leaf.path());
      if (value.isEmpty()) {
        if (f.required()) {
          v.add(prefix + leaf.path(), Message.REQUIRED.text());
        }
      } else {
        for (String m : f.validateValue(value, ctx)) {
          v.add(prefix + leaf.path(), m);
        }
      }
      for (Constraint c : f.constraints()) {
        String msg = c.check(scope(leaf.path(), edit.item(), others));
        if (msg != null) {
          for (int i = 0; i < c.timesRun(); i++) {
            v.add(prefix + leaf.path(), msg);
          }
        }
      }
    }
    res.hooks()
        .validate(
            edit,
            new ResourceHooks.FieldMessages() {
              @Override
              public void add(String fieldPath, Message message, Object... args) {
                if (message.existsIn(ctx.version())) {
                  v.add(prefix + fieldPath, message.text(args));
                }
              }

              @Override
              public boolean has(String fieldPath) {
                return v.has(prefix + fieldPath);
              }
            });
    return v;
  }

  private static ConstraintScope scope(String path, ObjectNode item, List<ObjectNode> others) {
    String parent = path.contains(".") ? path.substring(0, path.lastIndexOf('.') + 1) : "";
    return new ConstraintScope() {
      @Override
      public String value() {
        return ItemModel.value(item, path);
      }

      @Override
      public String sibling(String name) {
        return ItemModel.value(item, parent + name);
      }

      @Override
      public List<ConstraintScope> others() {
        List<ConstraintScope> out = new ArrayList<>();
        for (ObjectNode o : others) {
          out.add(scope(path, o, List.of()));
        }
        return out;
      }
    };
  }

  // ---------------------------------------------------------------- get

  public ApiResponse get(ApiCall call, ResourceDef res, String uuid) {
    return ApiResponse.ok(
        core.store()
            .read(
                config -> {
                  ModelContext ctx = core.context(config, res.collection(), uuid);
                  ObjectNode item;
                  if (uuid == null) {
                    item = res.model().newItem(ctx);
                  } else {
                    ObjectNode stored = config.item(res.collection(), uuid);
                    if (stored == null) {
                      return JsonNodeFactory.instance.arrayNode();
                    }
                    item = res.model().loaded(stored);
                  }
                  res.hooks().decorate(uuid, item, ctx);
                  ObjectNode rendered = render(res.model(), item, ctx);
                  res.hooks().adjustGet(rendered, item, ctx);
                  ObjectNode out = ApiResponse.obj();
                  out.set(res.wrapper(), rendered);
                  return out;
                }));
  }

  /** {@code getNodes()}: every field in model order with its get encoding (1.8). */
  public static ObjectNode render(ItemModel model, ObjectNode item, ModelContext ctx) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, Object> e : model.children().entrySet()) {
      if (e.getValue() instanceof Field f) {
        String value =
            item.path(e.getKey()).isContainerNode() ? "" : item.path(e.getKey()).asText("");
        out.set(e.getKey(), f.encodeForGet(value, ctx));
        if (ctx.describeInGet() && f.rendersAsText()) {
          String d = f.describe(value, ctx);
          if (!d.equals(value) && !value.isEmpty()) {
            out.put("%" + e.getKey(), d);
          }
        }
      } else {
        JsonNode sub = item.get(e.getKey());
        out.set(
            e.getKey(),
            render(
                (ItemModel) e.getValue(),
                sub instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode(),
                ctx));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- set

  public ApiResponse set(ApiCall call, ResourceDef res, String uuid) {
    if (!call.isPost() || !call.hasPost(res.wrapper()) || uuid == null) {
      return ApiResponse.ok(failed());
    }
    return ApiResponse.ok(
        core.store()
            .write(
                call.revisionUser(),
                call.revisionDescription(),
                config -> {
                  ModelContext ctx = core.context(config, res.collection(), uuid);
                  ObjectNode stored = config.item(res.collection(), uuid);
                  boolean isNew = stored == null;
                  ObjectNode item;
                  if (isNew) {
                    if (!UUID_V4.matcher(uuid).matches()) {
                      return Outcome.unchanged(failed());
                    }
                    item = res.model().newItem(ctx);
                  } else {
                    item = res.model().loaded(stored);
                    // volatile values as the model computes them on load (e.g. a certificate's
                    // action)
                    res.hooks().decorate(uuid, item, ctx);
                  }
                  InputApplier.apply(res.model(), item, call.post(res.wrapper()), core.version());
                  ItemEdit edit = new ItemEdit(uuid, item, stored, isNew, ctx, call);
                  // setBase applies the controller's overlay too (VLAN vlanif)
                  res.hooks().afterInput(edit);
                  return store(res, edit, ApiResponse.obj().put("result", "saved"));
                }));
  }

  // ---------------------------------------------------------------- del

  public ApiResponse del(ApiCall call, ResourceDef res, String uuids) {
    if (!call.isPost()) {
      return ApiResponse.ok(failed());
    }
    List<String> ids =
        core.version().deletesLists() ? Arrays.asList(uuids.split(",")) : List.of(uuids);
    return ApiResponse.ok(
        core.store()
            .write(
                call.revisionUser(),
                call.revisionDescription(),
                config -> {
                  String result = "not found";
                  boolean any = false;
                  for (String id : ids) {
                    ObjectNode item = config.item(res.collection(), id);
                    if (item == null) {
                      result = "not found";
                      continue;
                    }
                    ModelContext ctx = core.context(config, res.collection(), id);
                    res.hooks().beforeDelete(id, item, ctx);
                    if (res.safeDeleteEnabled()) {
                      SafeDelete.check(res, id, item, config, core.version());
                    }
                    core.checkWritable(call);
                    config.collection(res.collection()).remove(id);
                    res.hooks().afterDelete(id, item, ctx);
                    result = "deleted";
                    any = true;
                  }
                  ObjectNode out = ApiResponse.obj().put("result", result);
                  return any ? Outcome.saved(out) : Outcome.unchanged(out);
                }));
  }

  // ---------------------------------------------------------------- toggle

  public ApiResponse toggle(ApiCall call, ResourceDef res, String uuids, String enabled) {
    if (!call.isPost()) {
      return ApiResponse.ok(failed());
    }
    String forced = res.flipsOnly() ? null : enabled;
    if (forced != null && !forced.equals("0") && !forced.equals("1")) {
      forced = null;
    }
    // comma lists: 26.1.3+ (toggleBase), only together with an explicit 0/1
    List<String> ids =
        core.version().deletesLists() ? Arrays.asList(uuids.split(",")) : List.of(uuids);
    if (ids.size() > 1 && forced == null) {
      throw new UserException(Message.TOGGLE_LIST.text(), "Toggle");
    }
    final List<String> targets = ids;
    final String arg = forced;
    return ApiResponse.ok(
        core.store()
            .write(
                call.revisionUser(),
                call.revisionDescription(),
                config -> {
                  ObjectNode out = failed();
                  boolean changedAny = false;
                  for (String id : targets) {
                    ObjectNode item = config.item(res.collection(), id);
                    if (item == null) {
                      out = failed();
                      continue;
                    }
                    String field = res.toggleField();
                    boolean inverted = res.toggleInverted();
                    String current = item.path(field).asText();
                    boolean enabledNow = inverted ? !"1".equals(current) : "1".equals(current);
                    boolean target;
                    if (arg == null) {
                      target = !enabledNow;
                    } else {
                      // the port-forward argument is the "disabled" value
                      target = inverted ? arg.equals("0") : arg.equals("1");
                    }
                    boolean changed = target != enabledNow;
                    String stored = inverted ? (target ? "0" : "1") : (target ? "1" : "0");
                    if (changed) {
                      core.checkWritable(call);
                      item.put(field, stored);
                      changedAny = true;
                    }
                    out = ApiResponse.obj().put("result", target ? "Enabled" : "Disabled");
                    if (!inverted) {
                      out.put("changed", changed);
                    }
                  }
                  return changedAny ? Outcome.saved(out) : Outcome.unchanged(out);
                }));
  }

  public EmulatorCore core() {
    return core;
  }
}
