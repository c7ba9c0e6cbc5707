package io.mcpiac.opnsense.emulator.model;

import io.mcpiac.opnsense.emulator.fields.Constraint;
import io.mcpiac.opnsense.emulator.fields.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the model tables into {@link ItemModel}s: the fields of a list (or settings container) plus
 * the container sections nested below it, with constraint references resolved.
 */
public final class ModelCatalog {
  private ModelCatalog() {}

  /**
   * The item model of the section {@code path} in the table file {@code resource}; sections named
   * {@code <path>.<child>} (or {@code <last segment>.<child>}, as in the DNat table) become nested
   * containers.
   */
  public static ItemModel load(String resource, String path) {
    Map<String, ModelTableParser.Section> sections = ModelTableParser.load(resource);
    ModelTableParser.Section main = sections.get(path);
    if (main == null) {
      throw new IllegalArgumentException(resource + " has no section " + path);
    }
    ItemModel model = build(main.fields());
    String last = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
    for (ModelTableParser.Section s : sections.values()) {
      for (String prefix : List.of(path + ".", last + ".")) {
        if (s != main
            && s.path().startsWith(prefix)
            && !s.path().substring(prefix.length()).contains(".")) {
          model.addContainer(s.path().substring(prefix.length()), build(s.fields()));
          break;
        }
      }
    }
    return model;
  }

  private static ItemModel build(List<FieldSpec> specs) {
    ItemModel model = new ItemModel();
    for (FieldSpec s : specs) {
      model.add(FieldFactory.create(s));
    }
    // ref:<field>.check00N: that constraint is evaluated once more (from the referencing field)
    for (FieldSpec s : specs) {
      for (String ref : s.references()) {
        String target = ref.substring(0, ref.indexOf('.'));
        int index = Integer.parseInt(ref.substring(ref.indexOf(".check") + 6)) - 1;
        Field f = model.field(target);
        if (f != null && index < f.constraints().size()) {
          List<Constraint> cs = new ArrayList<>(f.constraints());
          cs.set(index, cs.get(index).referencedOnceMore());
          f.constraints().clear();
          f.constraints().addAll(cs);
        }
      }
    }
    return model;
  }
}
